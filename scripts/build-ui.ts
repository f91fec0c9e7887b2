// Builds the renderer into dist/renderer with vite.config.ts (used by `npm start` and the e2e setup).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function buildUi(): void {
  const run = spawnSync(
    process.execPath,
    [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) throw new Error('building the UI failed (vite build)');
}

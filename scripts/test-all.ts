// `npm test`: every check and every test, in the order that fails fastest. All steps run even after a failure,
// so one run shows everything that is wrong; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const node = (...args: string[]) => [process.execPath, ...args];
const bin = (pkg: string, file: string) => join('node_modules', pkg, file);

const STEPS: { name: string; cmd: string[] }[] = [
  { name: 'type-check', cmd: node(bin('typescript', 'bin/tsc'), '-b') },
  { name: 'lint', cmd: node(bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0') },
  { name: 'format', cmd: node(bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level', 'warn') },
  {
    name: 'unit + renderer tests',
    cmd: node(bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit', '--project', 'renderer'),
  },
  {
    name: 'integration tests (PGlite + PostgreSQL)',
    cmd: node(bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration'),
  },
  {
    name: 'sync fault test (200 random sequences)',
    cmd: node(bin('tsx', 'dist/cli.mjs'), 'scripts/sync-faults.ts', '--runs', '200'),
  },
  {
    name: 'build desktop app',
    cmd: node(
      bin('electron-vite', 'bin/electron-vite.js'),
      'build',
      '--config',
      'electron/electron.vite.config.ts',
      '--logLevel',
      'warn',
    ),
  },
  {
    name: 'packaging (electron-builder --dir: app.asar contents, fuses)',
    cmd: node(bin('vitest', 'vitest.mjs'), 'run', '--project', 'packaging'),
  },
  { name: 'end-to-end tests (Chromium, Electron)', cmd: node(bin('@playwright/test', 'cli.js'), 'test') },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of STEPS) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit' });
  results.push({
    name: step.name,
    ok: run.status === 0,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

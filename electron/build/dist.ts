// `npm run dist` / `npm run pack`: builds the renderer (Vite → dist/renderer) and the main and preload bundles
// (electron-vite → out/), then runs electron-builder (electron-builder.yml) for the platform it runs on:
// Linux → AppImage and deb, Windows → NSIS installer, macOS → dmg; `pack` makes the unpacked folder only
// (release/<platform>-unpacked). Arguments after `--` go to electron-builder, e.g.
// `npm run pack -- -c.electronDist=/opt/electron-v45` on a machine that cannot download Electron.
// With DESK_UPDATE_URL set, the build carries a generic update feed at that address (docs/packaging.md).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BuildMode = 'dist' | 'pack';

const TARGETS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['--linux', 'AppImage', 'deb'],
  win32: ['--win', 'nsis'],
  darwin: ['--mac', 'dmg'],
};
const PACK_PLATFORM: Partial<Record<NodeJS.Platform, string>> = {
  linux: '--linux',
  win32: '--win',
  darwin: '--mac',
};

export interface BuilderArgsInput {
  mode: BuildMode;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  extra?: readonly string[];
}

/** electron-builder's command-line arguments for this platform and mode. Pure. */
export function builderArgs({ mode, platform, env, extra = [] }: BuilderArgsInput): string[] {
  const target = mode === 'dist' ? TARGETS[platform] : [PACK_PLATFORM[platform] ?? '', '--dir'];
  if (!target || target[0] === '') throw new Error(`no desktop build for platform ${platform}`);
  const args = [...target, '--config', 'electron-builder.yml', '--publish', 'never'];
  const feed = env['DESK_UPDATE_URL']?.trim();
  if (feed && feed !== 'off') {
    const url = new URL(feed);
    if (url.protocol !== 'https:') throw new Error(`DESK_UPDATE_URL must be an https URL, got ${feed}`);
    args.push('-c.publish.provider=generic', `-c.publish.url=${url.href}`);
  }
  return [...args, ...extra];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (...parts: string[]) => path.join(root, 'node_modules', ...parts);

function run(label: string, args: string[]): void {
  console.log(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit code ${result.status ?? 'none'})`);
}

export function build(mode: BuildMode, extra: readonly string[]): void {
  const args = builderArgs({ mode, platform: process.platform, env: process.env, extra });
  run('vite build (renderer)', [bin('vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  run('electron-vite build (main, preload)', [
    bin('electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--config',
    'electron/electron.vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  run(`electron-builder ${args.join(' ')}`, [bin('electron-builder', 'cli.js'), ...args]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode, ...extra] = process.argv.slice(2);
  if (mode !== 'dist' && mode !== 'pack') {
    console.error('usage: tsx electron/build/dist.ts dist|pack [electron-builder arguments]');
    process.exit(2);
  }
  try {
    build(mode, extra);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

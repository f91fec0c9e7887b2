// Packs the app as a release would (electron-builder with electron-builder.yml, the `--dir` target) against a
// placeholder Electron distribution, then opens the real app.asar: it must hold the bundles, the built renderer,
// the icons and package.json, and nothing else (no server, sources, tests, maps or node_modules). The fuses
// electron-builder flipped are read back from the packaged executable. About 10 s; builds main and preload first
// and the renderer only when dist/renderer is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarProblems, importedModules, isBuiltinOrElectron } from './asar-rules';
import { createPlaceholderElectronDist, FUSE_DISABLED, FUSE_ENABLED } from './placeholder-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeBin = (...parts: string[]) => path.join(root, 'node_modules', ...parts);
/** Largest app.asar we accept: the bundles and the renderer are a few MB; 47 MB was node_modules leaking in. */
const MAX_ASAR_BYTES = 15 * 1024 * 1024;

let work: string;
let unpacked: string;
let archive: string;
let files: string[];

function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status ?? 'none'}):\n${result.stdout}\n${result.stderr}`);
  }
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pack-'));
  run('electron-vite build', [
    nodeBin('electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--config',
    'electron/electron.vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    run('vite build', [nodeBin('vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  }
  const electronDist = path.join(work, 'electron-dist');
  createPlaceholderElectronDist(electronDist);
  const output = path.join(work, 'release');
  run(
    'electron-builder --dir',
    [
      nodeBin('electron-builder', 'cli.js'),
      '--linux',
      '--dir',
      '--config',
      'electron-builder.yml',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    // No feed from the environment, no signing identity lookups.
    { ...process.env, DESK_UPDATE_URL: '', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  );
  unpacked = path.join(output, 'linux-unpacked');
  archive = path.join(unpacked, 'resources', 'app.asar');
  files = listPackage(archive, { isPack: false }).map((file) => file.split(path.sep).join('/'));
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('app.asar', () => {
  it('holds the bundles, the renderer, the icons and package.json, and nothing it must not', () => {
    expect(asarProblems(files)).toEqual([]);
    const topLevel = [...new Set(files.map((file) => file.split('/')[1]))].sort();
    expect(topLevel).toEqual(['assets', 'dist', 'out', 'package.json']);
    expect(files.filter((file) => file.startsWith('/assets/')).sort()).toEqual([
      '/assets/icon.png',
      '/assets/icon.svg',
    ]);
  });

  it('is small', () => {
    const size = fs.statSync(archive).size;
    console.log(`[packaging] app.asar: ${(size / 1024 / 1024).toFixed(2)} MB, ${files.length} entries`);
    expect(size).toBeLessThan(MAX_ASAR_BYTES);
  });

  it('has a package.json that starts the ESM main bundle and claims no dependencies', () => {
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: 'overdue-desk',
      productName: 'Overdue Desk',
      main: 'out/main/index.js',
      type: 'module',
    });
    expect(manifest['dependencies'] ?? null).toBeNull();
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('main and preload load only Electron, Node built-ins and their own chunks (nothing from node_modules)', () => {
    const bundles = files.filter((file) => /^\/out\/(main|preload)\/[^/]+\.c?js$/.test(file));
    expect(bundles).toContain('/out/main/index.js');
    for (const bundle of bundles) {
      const source = extractFile(archive, bundle.slice(1)).toString('utf8');
      const external = importedModules(source).filter((m) => !isBuiltinOrElectron(m, builtinModules));
      expect(external, bundle).toEqual([]);
      // Relative imports resolve inside the archive.
      for (const relative of importedModules(source).filter((m) => m.startsWith('.'))) {
        expect(files, `${bundle} imports ${relative}`).toContain(
          path.posix.join(path.posix.dirname(bundle), relative),
        );
      }
    }
  });

  it('carries no update feed unless the build was given one', () => {
    expect(fs.existsSync(path.join(unpacked, 'resources', 'app-update.yml'))).toBe(false);
  });
});

describe('Electron fuses in the packaged executable', () => {
  it('are flipped by electron-builder as electron-builder.yml says', async () => {
    const executable = path.join(unpacked, 'overdue-desk');
    expect(fs.existsSync(executable)).toBe(true);
    const wire = await getCurrentFuseWire(executable);
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      loadBrowserProcessSpecificV8Snapshot: state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
      grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: FUSE_DISABLED,
      enableCookieEncryption: FUSE_ENABLED,
      enableNodeOptionsEnvironmentVariable: FUSE_DISABLED,
      enableNodeCliInspectArguments: FUSE_DISABLED,
      enableEmbeddedAsarIntegrityValidation: FUSE_ENABLED,
      onlyLoadAppFromAsar: FUSE_ENABLED,
      loadBrowserProcessSpecificV8Snapshot: FUSE_DISABLED,
      grantFileProtocolExtraPrivileges: FUSE_DISABLED,
    });
  });
});

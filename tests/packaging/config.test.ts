// electron-builder.yml and the icons, read as files: the identity of the app, the targets of each platform, what
// goes into app.asar, and every Electron fuse the issue requires (the pack test then reads the fuses back from a
// packaged executable). Also the asar rules themselves: they must catch what they are there to catch.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asarProblems, importedModules, isBuiltinOrElectron, REQUIRED_FILES } from './asar-rules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface BuilderConfig {
  appId?: string;
  productName?: string;
  executableName?: string;
  directories?: { output?: string };
  files?: string[];
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
  publish?: unknown;
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
}

const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config).toMatchObject({
      appId: 'com.overduedesk.app',
      productName: 'Overdue Desk',
      executableName: 'overdue-desk',
      directories: { output: 'release' },
      asar: true,
    });
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS, each with the icon', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac])
      expect(platform?.icon).toBe('assets/icon.png');
  });

  it('sets every fuse the issue asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only runtime files and keeps node_modules and source maps out', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'out/main/**',
        'out/preload/**',
        'dist/renderer/**',
        '!**/*.map',
        '!node_modules{,/**/*}',
      ]),
    );
    const includes = (config.files ?? []).filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of includes)
      expect(pattern).not.toMatch(/^(server|shared|renderer|electron|tests|src)\b|\*\*\/\*$/);
  });

  it('has no update feed of its own (npm run dist adds one from DESK_UPDATE_URL)', () => {
    expect(config.publish).toBeUndefined();
  });
});

describe('icons', () => {
  it('assets/icon.png is a 512×512 PNG with transparency, and assets/icon.svg exists', () => {
    const png = fs.readFileSync(path.join(root, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png[25]).toBe(6); // colour type 6: RGBA
    expect(fs.readFileSync(path.join(root, 'assets', 'icon.svg'), 'utf8')).toMatch(
      /^<svg[^>]+viewBox="0 0 64 64"/,
    );
  });
});

describe('asar rules', () => {
  const good = [...REQUIRED_FILES, '/dist/renderer/assets/index-abc.js', '/out/main/main-abc.js'];

  it('accept an archive of runtime files', () => {
    expect(asarProblems(good)).toEqual([]);
  });

  it.each([
    ['/server/start.ts', /sync server/],
    ['/server/db/migrations/0001.sql', /sync server/],
    ['/shared/ipc.ts', /shared\/ sources/],
    ['/renderer/App.tsx', /renderer\/ sources/],
    ['/tests/electron/app.spec.ts', /tests/],
    ['/out/main/index.js.map', /source maps/],
    ['/node_modules/fastify/package.json', /node_modules\/fastify/],
    ['/node_modules/@electric-sql/pglite/package.json', /@electric-sql/],
    ['/node_modules/typescript/lib/tsc.js', /node_modules\/typescript/],
    ['/node_modules/electron-log/main.js', /node_modules \(/],
    ['/package-lock.json', /lock files/],
    ['/electron/main/index.ts', /electron\/ sources/],
  ])('refuse %s', (file, problem) => {
    expect(asarProblems([...good, file]).join('\n')).toMatch(problem);
  });

  it('report what is missing', () => {
    expect(asarProblems(good.filter((file) => file !== '/out/preload/index.cjs'))).toEqual([
      'missing /out/preload/index.cjs',
    ]);
  });

  it('find what a bundle loads', () => {
    const source = [
      'import { app } from "electron";',
      'import fs, { existsSync } from "node:fs";',
      'import "./side-effect.js";',
      'const u = () => import("./main-abc.js");',
      'const p = require("path"); const f = require("fastify");',
    ].join('\n');
    const modules = importedModules(source);
    expect(modules).toEqual(['./main-abc.js', './side-effect.js', 'electron', 'fastify', 'node:fs', 'path']);
    expect(modules.filter((m) => !isBuiltinOrElectron(m, ['fs', 'path']))).toEqual(['fastify']);
  });
});

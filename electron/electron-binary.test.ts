import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeInstallFailure,
  findElectronBinary,
  installedBinary,
  runNodeInstaller,
  type InstallOutcome,
  type RunInstaller,
} from './electron-binary';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for node_modules/electron: package.json and install.js, optionally an installed binary. */
function electronPackage(options: { installed?: boolean; installScript?: string } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-pkg-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  fs.writeFileSync(path.join(dir, 'install.js'), options.installScript ?? 'process.exit(0)');
  if (options.installed) install(dir);
  return dir;
}

function install(dir: string): string {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '#!/bin/sh\n');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
  return path.join(dir, 'dist', 'electron');
}

const failing =
  (outcome: Partial<InstallOutcome>): RunInstaller =>
  async () => ({ code: 1, timedOut: false, output: '', ...outcome });

describe('findElectronBinary', () => {
  it('returns the installed binary without running the installer', async () => {
    const dir = electronPackage({ installed: true });
    const runInstaller = vi.fn(failing({}));
    expect(await findElectronBinary({ electronDir: dir, runInstaller, env: {} })).toEqual({
      ok: true,
      path: path.join(dir, 'dist', 'electron'),
    });
    expect(runInstaller).not.toHaveBeenCalled();
  });

  it('runs the installer once, with the time limit, and re-checks', async () => {
    const dir = electronPackage();
    const runInstaller = vi.fn<RunInstaller>(async () => {
      install(dir);
      return { code: 0, timedOut: false, output: '' };
    });
    const result = await findElectronBinary({ electronDir: dir, runInstaller, timeoutMs: 1234, env: {} });
    expect(result).toEqual({ ok: true, path: path.join(dir, 'dist', 'electron') });
    expect(runInstaller).toHaveBeenCalledOnce();
    expect(runInstaller).toHaveBeenCalledWith(path.join(dir, 'install.js'), 1234);
  });

  it('defaults to a 120 s limit', async () => {
    const runInstaller = vi.fn(failing({ output: 'TypeError: fetch failed' }));
    await findElectronBinary({ electronDir: electronPackage(), runInstaller, env: {} });
    expect(runInstaller.mock.calls[0]?.[1]).toBe(120_000);
  });

  it('explains a failed download in one line', async () => {
    const result = await findElectronBinary({
      electronDir: electronPackage(),
      runInstaller: failing({ output: 'TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n' }),
      env: {},
    });
    expect(result).toEqual({
      ok: false,
      reason:
        'the Electron binary is not installed and could not be downloaded (no route to GitHub: fetch failed)',
    });
  });

  it('reports a time-out', async () => {
    const result = await findElectronBinary({
      electronDir: electronPackage(),
      runInstaller: failing({ code: null, timedOut: true }),
      env: {},
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/\(the download did not finish within 120 s\)$/);
  });

  it('reports an installer that succeeds without a binary', async () => {
    const result = await findElectronBinary({
      electronDir: electronPackage(),
      runInstaller: async () => ({ code: 0, timedOut: false, output: '' }),
      env: {},
    });
    expect(!result.ok && result.reason).toMatch(/left no binary/);
  });

  it('reports a missing electron package without running anything', async () => {
    const runInstaller = vi.fn(failing({}));
    const result = await findElectronBinary({ electronDir: '/nonexistent/electron', runInstaller, env: {} });
    expect(!result.ok && result.reason).toMatch(/electron package is not installed/);
    expect(runInstaller).not.toHaveBeenCalled();
  });

  it('never throws, even when the installer runner does', async () => {
    const result = await findElectronBinary({
      electronDir: electronPackage(),
      runInstaller: () => Promise.reject(new Error('spawn EACCES')),
      env: {},
    });
    expect(result).toEqual({ ok: false, reason: 'could not look for the Electron binary: spawn EACCES' });
  });

  it('finds this repository’s electron package by default and answers in one line', async () => {
    const result = await findElectronBinary({ runInstaller: failing({ output: 'TypeError: fetch failed' }) });
    if (result.ok) expect(fs.existsSync(result.path)).toBe(true);
    else expect(result.reason).not.toContain('\n');
  });
});

describe('installedBinary', () => {
  it('needs both path.txt and the file it names', () => {
    const dir = electronPackage();
    expect(installedBinary(dir, {})).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(installedBinary(dir, {})).toBeNull();
    fs.mkdirSync(path.join(dir, 'dist', 'electron'), { recursive: true });
    expect(installedBinary(dir, {})).toBeNull(); // a folder is not an executable
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = electronPackage();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    const override = path.join(dir, 'elsewhere');
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(installedBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      path.join(override, 'electron'),
    );
  });
});

describe('describeInstallFailure', () => {
  const base = { code: 1, timedOut: false };
  it.each([
    ['getaddrinfo ENOTFOUND github.com', 'no route to GitHub: getaddrinfo'],
    ['Error: connect ECONNREFUSED 140.82.112.3:443', 'no route to GitHub: ECONNREFUSED'],
    ['HTTPError: Response code 404 (Not Found) for https://github.com/x', 'HTTPError: Response code 404'],
    [
      'Error: checksum mismatch\n    at verify (x.js:1:1)',
      'install.js failed with exit code 1: Error: checksum mismatch',
    ],
  ])('%s', (output, expected) => {
    const reason = describeInstallFailure({ ...base, output }, 120_000, {});
    expect(reason).toContain(expected);
    expect(reason).not.toContain('\n');
    expect(reason.startsWith('the Electron binary is not installed and could not be downloaded (')).toBe(
      true,
    );
  });

  it('names the mirror when one is set', () => {
    expect(
      describeInstallFailure({ ...base, output: 'fetch failed' }, 1000, {
        ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/',
      }),
    ).toContain('no route to npmmirror.com');
  });
});

describe('runNodeInstaller', () => {
  it('collects the output and exit code of a real process', async () => {
    const dir = electronPackage({
      installScript: 'console.error("TypeError: fetch failed"); process.exit(3)',
    });
    const outcome = await runNodeInstaller(path.join(dir, 'install.js'), 10_000);
    expect(outcome.code).toBe(3);
    expect(outcome.timedOut).toBe(false);
    expect(outcome.output).toContain('fetch failed');
  });

  it('kills an installer that runs past the limit', async () => {
    const dir = electronPackage({ installScript: 'setTimeout(() => {}, 60_000)' });
    const started = Date.now();
    const outcome = await runNodeInstaller(path.join(dir, 'install.js'), 300);
    expect(outcome).toMatchObject({ code: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports success', async () => {
    const dir = electronPackage({ installScript: 'console.log("ok")' });
    expect(await runNodeInstaller(path.join(dir, 'install.js'), 10_000)).toMatchObject({
      code: 0,
      timedOut: false,
    });
  });
});

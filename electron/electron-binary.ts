// Finds the Electron executable for `npm start` and the Electron end-to-end test, in plain Node. It reads what the
// electron package's installer left (`node_modules/electron/path.txt` naming a file under `dist/`) and, when the
// binary is missing, runs that installer once, with a time limit, before giving up with a one-line reason.
// It never requires the `electron` package: its index.js downloads synchronously with no time limit.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export interface InstallOutcome {
  /** Exit code, or null when the process was killed (time limit) or could not start. */
  code: number | null;
  timedOut: boolean;
  output: string;
}

export type RunInstaller = (installScript: string, timeoutMs: number) => Promise<InstallOutcome>;

export interface FindElectronBinaryOptions {
  /** The electron package folder; found from this repository's node_modules when left out. */
  electronDir?: string;
  runInstaller?: RunInstaller;
  timeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
}

export const INSTALL_TIMEOUT_MS = 120_000;

/** Runs `node <electron>/install.js` with a time limit, collecting its output. */
export const runNodeInstaller: RunInstaller = (installScript, timeoutMs) =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [installScript],
      {
        cwd: path.dirname(installScript),
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 4 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        if (!error) return resolve({ code: 0, timedOut: false, output });
        const killed = 'killed' in error && error.killed === true;
        const code = typeof error.code === 'number' ? error.code : null;
        resolve({ code: killed ? null : code, timedOut: killed, output: `${output}\n${error.message}` });
      },
    );
  });

function defaultElectronDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    return path.join(repoRoot, 'node_modules', 'electron');
  }
}

/** The executable named by the installer's marker, if it is there. */
export function installedBinary(
  electronDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const distDir = env['ELECTRON_OVERRIDE_DIST_PATH'] || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  try {
    return fs.statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

const NETWORK_FAILURE =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|getaddrinfo/i;

/** One line saying why the installer did not produce a binary. */
export function describeInstallFailure(
  outcome: InstallOutcome,
  timeoutMs: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const prefix = 'the Electron binary is not installed and could not be downloaded';
  if (outcome.timedOut)
    return `${prefix} (the download did not finish within ${Math.round(timeoutMs / 1000)} s)`;
  const mirror = env['ELECTRON_MIRROR'] || env['npm_config_electron_mirror'];
  const host = mirror ? hostOf(mirror) : 'GitHub';
  const network = NETWORK_FAILURE.exec(outcome.output);
  if (network) return `${prefix} (no route to ${host}: ${network[0]})`;
  const http = /\b(?:HTTPError|Response code|status code)\b[^\n]*/i.exec(outcome.output);
  if (http) return `${prefix} (${truncate(http[0].trim())})`;
  const firstLine = outcome.output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  const code = outcome.code === null ? 'no exit code' : `exit code ${outcome.code}`;
  return `${prefix} (install.js failed with ${code}${firstLine ? `: ${truncate(firstLine)}` : ''})`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function truncate(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export async function findElectronBinary(options: FindElectronBinaryOptions = {}): Promise<ElectronBinary> {
  try {
    const env = options.env ?? process.env;
    const electronDir = options.electronDir ?? defaultElectronDir();
    if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
      return {
        ok: false,
        reason: `the electron package is not installed (no ${electronDir}); run npm install`,
      };
    }
    const found = installedBinary(electronDir, env);
    if (found) return { ok: true, path: found };

    const installScript = path.join(electronDir, 'install.js');
    if (!fs.existsSync(installScript)) {
      return { ok: false, reason: `the Electron binary is not installed and ${installScript} is missing` };
    }
    const timeoutMs = options.timeoutMs ?? INSTALL_TIMEOUT_MS;
    const outcome = await (options.runInstaller ?? runNodeInstaller)(installScript, timeoutMs);
    const installed = installedBinary(electronDir, env);
    if (installed) return { ok: true, path: installed };
    if (outcome.code === 0 && !outcome.timedOut) {
      return {
        ok: false,
        reason: 'the Electron installer finished but left no binary (check path.txt and dist/)',
      };
    }
    return { ok: false, reason: describeInstallFailure(outcome, timeoutMs, env) };
  } catch (error) {
    return {
      ok: false,
      reason: `could not look for the Electron binary: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

// olistImport_ms: `npm run desk -- import --format olist` of the 35,397 real Olist orders into a fresh PGlite
// folder, wall time minus the wall time of a command that does nothing but start (`migrate` on a fresh folder:
// the same npm/tsx start-up, PGlite initdb and migrations), so what remains is the import itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './report';

export const OLIST_FILE = resolve('../shared/data/olist/orders_sample.csv.gz');

export interface OlistResult {
  ms: number;
  importWallMs: number[];
  noopWallMs: number[];
  /** The CLI's own timer ("... in 6.2 s"): importFile from opening the file to the last commit. */
  cliReportedMs: number[];
  summary: string;
}

interface Run {
  code: number | null;
  ms: number;
  output: string;
}

function desk(args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'desk', '--', ...args], { env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, ms: performance.now() - started, output }));
  });
}

/** Returns the result, or a reason to skip. */
export async function olistImport(runs: number, log: (s: string) => void): Promise<OlistResult | string> {
  if (!existsSync(OLIST_FILE)) return `Olist file absent (${OLIST_FILE})`;
  const help = await desk(['--help']);
  if (!help.output.includes('import --format olist')) return 'import command not available';
  const root = mkdtempSync(join(tmpdir(), 'overdue-desk-bench-olist-'));
  try {
    const importWallMs: number[] = [];
    const noopWallMs: number[] = [];
    const cliReportedMs: number[] = [];
    let summary = '';
    for (let i = 0; i < runs; i++) {
      const noop = await desk(['migrate', '--data-dir', join(root, `noop-${i}`)]);
      if (noop.code !== 0) return `desk migrate failed: ${noop.output.trim().slice(-300)}`;
      noopWallMs.push(noop.ms);
      const run = await desk([
        'import',
        '--format',
        'olist',
        '--file',
        OLIST_FILE,
        '--data-dir',
        join(root, `import-${i}`),
      ]);
      if (run.code !== 0) {
        if (/unknown command/.test(run.output)) return 'import command not available';
        return `desk import failed: ${run.output.trim().slice(-300)}`;
      }
      importWallMs.push(run.ms);
      summary =
        run.output.split('\n').find((l) => l.startsWith('imported ')) ?? run.output.trim().slice(-200);
      const own = / in ([\d.]+) s\s*$/.exec(summary);
      if (own) cliReportedMs.push(Number(own[1]) * 1000);
      log(
        `  olist run ${i + 1}: import ${Math.round(run.ms)} ms, no-op ${Math.round(noop.ms)} ms: ${summary}`,
      );
    }
    return {
      ms: median(importWallMs) - median(noopWallMs),
      importWallMs,
      noopWallMs,
      cliReportedMs,
      summary,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// The Olist data set (../shared/data/olist/, never copied here) imported with the CLI, checked against a count
// made here independently of the importer: its own CSV split, its own São Paulo clock (a table of Brazil's DST
// periods, no Intl), its own percentiles. Skips, saying why, where the file is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { BACKENDS, POSTGRES_URL } from '../support/backends';

const FILE = resolve('../shared/data/olist/orders_sample.csv.gz');
const present = existsSync(FILE);
if (!present) console.log(`[olist] skipped: ${FILE} is absent (a clone without ../shared)`);

const HOUR = 3_600_000;
const TS = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** Brazil's DST (UTC-2) periods in these years, from local midnight to local midnight; none from 2019. */
const DST = [
  ['2016-10-16', '2017-02-19'],
  ['2017-10-15', '2018-02-18'],
  ['2018-11-04', '2019-02-17'],
].map(([from, to]) => [Date.parse(`${from}T01:00:00Z`), Date.parse(`${to}T00:00:00Z`)] as const);

/**
 * São Paulo wall clock to epoch ms. The wall time is compared as if it were UTC: from 01:00 on the first DST
 * day (00:00-00:59 did not exist and moves forward) to 00:00 on the last one (23:00-23:59 the evening before
 * happened twice; the first, DST, instant is taken) the offset is -2 h, otherwise -3 h.
 */
function saoPaulo(text: string): number | null {
  const m = TS.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  if (y < 2016 || wall < Date.parse('2016-03-01T00:00:00Z') || y > 2021)
    throw new Error(`outside the DST table: ${text}`);
  const dst = DST.some(([from, to]) => wall >= from && wall < to);
  return wall + (dst ? 2 : 3) * HOUR;
}

/** One CSV line into fields; the file has no newlines inside quotes (checked below), only commas. */
const splitLine = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => {
    const v = m[1] ?? '';
    return v.startsWith('"') ? v.slice(1, -1).replaceAll('""', '"') : v;
  });

interface Row {
  open: boolean;
  deadline: number | null;
  handoff: number | null;
}

function independentCount() {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split(/\r?\n/).filter(Boolean);
  const header = splitLine(lines[0]!);
  const col = (name: string) => header.indexOf(name);
  const times = header.filter((h) => /timestamp|_at$|_date/.test(h)); // all seven time columns
  expect(times).toHaveLength(7);
  const rows = new Map<string, Row>();
  let rejected = 0;
  for (const line of lines.slice(1)) {
    const f = splitLine(line);
    const status = f[col('order_status')] ?? '';
    const known = [
      'canceled',
      'unavailable',
      'shipped',
      'delivered',
      'processing',
      'invoiced',
      'created',
      'approved',
    ];
    if (
      f.length !== header.length ||
      !f[0] ||
      !known.includes(status) ||
      times.some((t) => f[col(t)] && saoPaulo(f[col(t)]!) === null)
    ) {
      rejected++;
      continue;
    }
    const at = (name: string) => (f[col(name)] ? saoPaulo(f[col(name)]!) : null);
    rows.set(f[0], {
      open: !['canceled', 'unavailable', 'shipped', 'delivered'].includes(status),
      deadline: at('shipping_limit_date'),
      handoff: at('order_delivered_carrier_date'),
    });
  }
  return { lines, rows: [...rows.values()], rejected };
}

/** numpy's default percentile: linear between closest ranks, position p * (n - 1). */
function percentile(sorted: number[], p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function expectedStats(rows: Row[], now: number) {
  const late = rows
    .filter((r) => r.handoff !== null && r.deadline !== null && r.handoff > r.deadline)
    .map((r) => (r.handoff! - r.deadline!) / HOUR)
    .sort((a, b) => a - b);
  return {
    orders: rows.length,
    openOverdue: rows.filter((r) => r.open && r.handoff === null && r.deadline !== null && r.deadline < now)
      .length,
    shippedLate: late.length,
    latenessHours: {
      p50: round4(percentile(late, 0.5)),
      p90: round4(percentile(late, 0.9)),
      max: round4(late.at(-1)!),
    },
  };
}

const NOWS = ['2018-09-01 00:00:00', '2017-12-24 12:00:00']; // the second in Brazil's DST
const tmp = mkdtempSync(join(tmpdir(), 'desk-olist-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...r, seconds: (performance.now() - started) / 1000 };
}

async function checkImport(label: string, target: string[], env: Record<string, string>) {
  const expected = independentCount();
  expect(expected.lines.length - 1).toBe(35_397);
  expect(expected.lines.filter((l) => l.includes('"')).length).toBe(3); // the quoted seller cities
  expect(expected.rejected).toBe(0);

  const first = cli(['import', '--format', 'olist', '--file', FILE, ...target], env);
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toMatch(
    /: 35397 new, 0 updated, 0 unchanged, 0 rejected \(\d+ cases opened\) in [\d.]+ s$/m,
  );
  console.log(
    `[olist] ${label} import: ${first.stdout.trim().split('\n').at(-1)} (process ${first.seconds.toFixed(1)} s)`,
  );

  for (const now of NOWS) {
    const stats = cli(['stats', '--json', '--now', now, ...target], env);
    expect(stats.status, stats.stderr).toBe(0);
    const got = JSON.parse(stats.stdout) as Record<string, unknown>;
    const want = expectedStats(expected.rows, Date.parse(String(got.now)));
    expect(got.timezone).toBe('America/Sao_Paulo');
    expect(Date.parse(String(got.now))).toBe(saoPaulo(now));
    expect({
      orders: got.orders,
      openOverdue: got.openOverdue,
      shippedLate: got.shippedLate,
      latenessHours: got.latenessHours,
    }).toEqual(want);
    console.log(`[olist] ${label} stats at ${now}: ${JSON.stringify(want)}`);
  }

  const again = cli(['import', '--format', 'olist', '--file', FILE, ...target], env);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toMatch(/: 0 new, 0 updated, 35397 unchanged, 0 rejected \(0 cases opened\) in/);
  console.log(`[olist] ${label} re-import: ${again.stdout.trim().split('\n').at(-1)}`);
  return expected;
}

describe('the Olist data set', () => {
  // Minutes, not seconds: a fresh PGlite folder, 35,397 orders and three more CLI runs on a two-core machine.
  const timeout = 600_000;
  it.skipIf(!present)(
    'imports into a fresh PGlite folder with numbers that match an independent count, and opens cases',
    { timeout },
    async () => {
      const dataDir = join(tmp, 'pglite');
      const expected = await checkImport('PGlite', ['--data-dir', dataDir], { DATABASE_URL: '' });
      const database = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const { rows } = (await database.db.execute(
          `select count(*) filter (where status = 'open' and overdue_at is not null)::int as overdue,
                count(*) filter (where status = 'closed' and outcome = 'shipped_late')::int as late
         from cases where warehouse_id = 'olist-br'`,
        )) as { rows: { overdue: number; late: number }[] };
        // Every deadline in the file is long past: each unfinished order has an overdue case, each late one a
        // closed "shipped late" case.
        const past = expectedStats(expected.rows, Date.now());
        expect(rows[0]).toEqual({ overdue: past.openOverdue, late: past.shippedLate });
        expect(past.openOverdue).toBeGreaterThan(0);
      } finally {
        await database.close();
      }
    },
  );

  const postgres = BACKENDS.some((b) => b.name === 'postgres');
  it.skipIf(!present || !postgres)('gives the same numbers on PostgreSQL', { timeout }, async () => {
    const name = `desk_olist_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    try {
      await checkImport('PostgreSQL', [], { DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

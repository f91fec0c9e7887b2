// CSV import and stats on real databases: the importer called directly on PGlite and PostgreSQL, then the CLI
// as an operator runs it (separate processes on one PGlite folder). Fixtures: tests/fixtures/import/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/open';
import { cases, orders } from '../../server/db/schema';
import { importFile, type RejectedRow } from '../../server/import/import-file';
import { loadMapping } from '../../server/import/mapping';
import { OLIST_MAPPING } from '../../server/import/olist';
import { ensureWarehouse } from '../../server/import/warehouse';
import { parseZoned } from '../../server/import/zoned-time';
import { ensureDefaultRules } from '../../server/orders/rulebook';
import { computeStats } from '../../server/stats/stats';
import { BACKENDS } from '../support/backends';

const FIXTURES = 'tests/fixtures/import';
const SHOP = join(FIXTURES, 'shop-orders.csv');
const tmp = mkdtempSync(join(tmpdir(), 'desk-import-'));
const shanghai = (wall: string) => parseZoned(wall, 'Asia/Shanghai')!;
const NOW = shanghai('2024-06-21 00:00:00');

const SHOP_REJECTED: RejectedRow[] = [
  { line: 5, reason: 'missing order id' },
  { line: 8, reason: 'unparseable date "2024-06-31 10:00:00" in 承诺发货时间' },
  { line: 9, reason: 'unknown status "丢件"' },
  { line: 10, reason: 'expected 13 fields, found 12' },
];

async function importShop(db: Db, file: string, now = NOW) {
  const rejected: RejectedRow[] = [];
  const summary = await importFile(db, {
    file,
    mapping: await loadMapping(join(FIXTURES, 'shop-mapping.json')),
    timezone: 'Asia/Shanghai',
    warehouseId: 'wh-shop',
    now,
    batchSize: 3, // several batches even for a small file
    onRejected: (r) => void rejected.push(r),
  });
  return { summary, rejected };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(BACKENDS)('import a mapped CSV on $name', (backend) => {
  it('imports the good rows, reports the bad ones by line, and changes nothing the second time', async () => {
    const database = await backend.open();
    const db = database.db;
    try {
      await ensureDefaultRules(db);
      await ensureWarehouse(db, { id: 'wh-shop', name: 'wh-shop', timezone: 'Asia/Shanghai' });

      const first = await importShop(db, SHOP);
      expect(first.rejected).toEqual(SHOP_REJECTED);
      expect(first.summary).toMatchObject({ rows: 12, new: 8, updated: 0, unchanged: 0, rejected: 4 });
      // P001 saved, P002/P009/P012 late, P003 overdue, P011 due soon: P005 is not due yet, P010 was cancelled.
      expect(first.summary.cases).toEqual({ opened: 6, overdue: 0, closed: 0 });

      const p009 = (await db.select().from(orders).where(eq(orders.platformOrderId, 'P009')))[0];
      expect(p009).toMatchObject({
        platform: 'douyin',
        customerName: '王"小芳", 收',
        city: '杭州, 萧山',
        valueFen: 129900,
        shipBy: new Date('2024-06-18T12:00:00Z'),
        handedOverAt: new Date('2024-06-20T12:00:00Z'),
      });
      // No promise in the file: the platform rule sets it (pdd: 48 h after payment).
      const p011 = (await db.select().from(orders).where(eq(orders.platformOrderId, 'P011')))[0];
      expect(p011).toMatchObject({
        shipBy: new Date(shanghai('2024-06-21 10:00:00')),
        deadlineSource: 'platform_default',
      });

      const again = await importShop(db, SHOP, NOW + 3_600_000);
      expect(again.summary).toMatchObject({ new: 0, updated: 0, unchanged: 8, rejected: 4 });
      expect(again.summary.cases).toEqual({ opened: 0, overdue: 0, closed: 0 });

      // The same file gzipped, once named .gz and once hiding behind .csv: read alike, still nothing to change.
      const gz = join(tmp, `${backend.name}-shop.csv.gz`);
      const disguised = join(tmp, `${backend.name}-shop-gz.csv`);
      writeFileSync(gz, gzipSync(readFileSync(SHOP)));
      writeFileSync(disguised, gzipSync(readFileSync(SHOP)));
      for (const file of [gz, disguised]) {
        const r = await importShop(db, file);
        expect(r.rejected).toEqual(SHOP_REJECTED);
        expect(r.summary).toMatchObject({ new: 0, updated: 0, unchanged: 8 });
      }

      const stats = await computeStats(db, { now: NOW, timezone: 'Asia/Shanghai', warehouseId: 'wh-shop' });
      expect(stats).toMatchObject({
        orders: 8,
        openOverdue: 1, // P003
        shippedLate: 3, // P012 1 h, P002 6.5 h, P009 48 h
        // p90: position 0.9 * 2 = 1.8, so 6.5 + 0.8 * (48 - 6.5)
        latenessHours: { p50: 6.5, p90: 39.7, max: 48 },
        shippedOnTime: 1,
        cancelled: 1,
        withoutDeadline: 0,
        cases: { open: 2, overdue: 1, closed: 4, resolved: 0 },
      });
      expect(stats.byPlatform.find((p) => p.key === 'pdd')).toEqual({
        key: 'pdd',
        orders: 4,
        openOverdue: 0,
        shippedLate: 0,
      });
      expect(stats.byOutcome).toEqual([
        { outcome: 'shipped_late', cases: 3 },
        { outcome: 'saved', cases: 1 },
      ]);

      // A later export: P003 went out 21 h late. One update, its case closes as shipped late.
      const v2 = join(tmp, `${backend.name}-shop-v2.csv`);
      writeFileSync(
        v2,
        readFileSync(SHOP, 'utf8').replace(
          'P003,tmall,2024-06-17 11:00:00,2024-06-17 12:00:00,2024-06-19 12:00:00,,待发货',
          'P003,tmall,2024-06-17 11:00:00,2024-06-17 12:00:00,2024-06-19 12:00:00,2024-06-20 09:00:00,已发货',
        ),
      );
      const later = await importShop(db, v2, shanghai('2024-06-21 12:00:00'));
      expect(later.summary).toMatchObject({ new: 0, updated: 1, unchanged: 7, rejected: 4 });
      const [p003Case] = await db
        .select({ status: cases.status, outcome: cases.outcome, lateMinutes: cases.lateMinutes })
        .from(cases)
        .innerJoin(orders, and(eq(orders.id, cases.orderId), eq(orders.platformOrderId, 'P003')));
      expect(p003Case).toEqual({ status: 'closed', outcome: 'shipped_late', lateMinutes: 21 * 60 });
      const after = await computeStats(db, { now: NOW, timezone: 'Asia/Shanghai', warehouseId: 'wh-shop' });
      expect(after).toMatchObject({ openOverdue: 0, shippedLate: 4, latenessHours: { p50: 13.75, max: 48 } });
    } finally {
      await database.close();
    }
  });
});

describe.each(BACKENDS)('the Olist mapping on $name', (backend) => {
  it('leaves an order without a deadline without one, keeps the platform rule otherwise, and lets the last row win', async () => {
    const database = await backend.open();
    const db = database.db;
    try {
      await ensureDefaultRules(db);
      await ensureWarehouse(db, { id: 'olist-br', name: 'Olist (Brazil)', timezone: 'America/Sao_Paulo' });
      const [header, ...rows] = readFileSync(join(FIXTURES, 'olist-like.csv'), 'utf8').trim().split('\n');
      const e = rows.find((r) => r.startsWith('syn-e,'))!; // created, no deadline
      const f = rows.find((r) => r.startsWith('syn-f,'))!; // invoiced, deadline 2018-09-03 12:00
      const file = join(tmp, `${backend.name}-dup.csv`);
      // syn-e, then syn-f, then syn-f again as it looked before it had a deadline, in one batch.
      writeFileSync(file, [header, e, f, f.replace('2018-09-03 12:00:00', '')].join('\n'));
      const summary = await importFile(db, {
        file,
        mapping: OLIST_MAPPING,
        timezone: 'America/Sao_Paulo',
        warehouseId: 'olist-br',
        now: Date.parse('2018-09-01T03:00:00Z'),
      });
      expect(summary).toMatchObject({ rows: 3, new: 2, rejected: 0 });
      const stored = await db
        .select({
          id: orders.platformOrderId,
          shipBy: orders.shipBy,
          source: orders.deadlineSource,
          rule: orders.ruleId,
        })
        .from(orders)
        .orderBy(orders.platformOrderId);
      expect(stored).toEqual([
        { id: 'syn-e', shipBy: null, source: 'none', rule: null },
        { id: 'syn-f', shipBy: null, source: 'none', rule: null },
      ]);
      // The same rows in the other order: the deadline comes last and wins, with the platform's rule.
      writeFileSync(file, [header, f.replace('2018-09-03 12:00:00', ''), f].join('\n'));
      const again = await importFile(db, {
        file,
        mapping: OLIST_MAPPING,
        timezone: 'America/Sao_Paulo',
        warehouseId: 'olist-br',
        now: Date.parse('2018-09-01T03:00:00Z'),
      });
      expect(again).toMatchObject({ new: 0, updated: 1 });
      const [syf] = await db.select().from(orders).where(eq(orders.platformOrderId, 'syn-f'));
      expect(syf).toMatchObject({
        shipBy: new Date('2018-09-03T15:00:00Z'),
        deadlineSource: 'order',
        ruleId: 'olist-default',
      });
    } finally {
      await database.close();
    }
  });
});

describe('desk import and desk stats (CLI)', () => {
  const dataDir = join(tmp, 'cli-data');
  const desk = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args, '--data-dir', dataDir], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
  const statsAt = (now: string, ...more: string[]) => {
    const r = desk(['stats', '--json', '--now', now, ...more]);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it('imports the Olist format, creating its warehouse, and reports bad rows by line', () => {
    const r = desk(['import', '--format', 'olist', '--file', join(FIXTURES, 'olist-like.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('created warehouse olist-br "Olist (Brazil)" (America/Sao_Paulo)');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('line '))).toEqual([
      'line 8: unknown status "lost"',
      'line 9: unparseable date "2018-02-30 10:00:00" in shipping_limit_date',
      'line 12: missing order id',
      'line 13: expected 23 fields, found 22',
    ]);
    // Cases: syn-c and syn-f open and overdue today, syn-a and syn-j closed as shipped late; syn-i went out
    // before its warning was due, so it never needed one.
    expect(r.stdout).toMatch(
      /^imported tests\/fixtures\/import\/olist-like\.csv: 8 new, 0 updated, 0 unchanged, 4 rejected \(4 cases opened\) in \d+\.\d s$/m,
    );
  });

  it('gives the figures at a wall-clock now in the only warehouse’s zone', () => {
    // syn-a 30 h late; syn-j 7 h late across the end of DST (6 h on the wall clock).
    expect(statsAt('2018-09-01 00:00:00')).toMatchObject({
      now: '2018-09-01T03:00:00.000Z',
      timezone: 'America/Sao_Paulo',
      orders: 8,
      openOverdue: 1,
      shippedLate: 2,
      latenessHours: { p50: 18.5, p90: 27.7, max: 30 },
      withoutDeadline: 1,
    });
    expect(statsAt('2018-09-05 00:00:00')).toMatchObject({ openOverdue: 2, shippedLate: 2 });
    expect(statsAt('2018-09-03 12:00:00', '--tz', 'UTC')).toMatchObject({
      now: '2018-09-03T12:00:00.000Z',
      openOverdue: 1,
    });
  });

  it('imports a mapped CSV into a new warehouse, writes every rejection with --errors, and re-imports as a no-op', () => {
    const errors = join(tmp, 'errors.csv');
    const args = [
      'import',
      '--format',
      'csv',
      '--file',
      SHOP,
      '--mapping',
      join(FIXTURES, 'shop-mapping.json'),
      '--warehouse',
      'wh-shop',
    ];
    const first = desk([...args, '--errors', errors, '--now', '2024-06-21 00:00:00']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('created warehouse wh-shop "wh-shop" (Asia/Shanghai)');
    expect(first.stdout).toContain('line 10: expected 13 fields, found 12');
    expect(first.stdout).toMatch(/: 8 new, 0 updated, 0 unchanged, 4 rejected \(6 cases opened\) in/);
    expect(readFileSync(errors, 'utf8')).toBe(
      'line,reason\n5,missing order id\n8,"unparseable date ""2024-06-31 10:00:00"" in 承诺发货时间"\n9,"unknown status ""丢件"""\n10,"expected 13 fields, found 12"\n',
    );
    const second = desk(args);
    expect(second.stdout).toMatch(/: 0 new, 0 updated, 8 unchanged, 4 rejected \(0 cases opened\) in/);

    // Two warehouses hold orders now: --now is read in UTC unless a warehouse or a zone is named.
    expect(statsAt('2024-06-21 00:00:00')).toMatchObject({ timezone: 'UTC', orders: 16 });
    expect(statsAt('2024-06-21 00:00:00', '--warehouse', 'wh-shop')).toMatchObject({
      timezone: 'Asia/Shanghai',
      orders: 8,
      openOverdue: 1,
      latenessHours: { p50: 6.5, p90: 39.7, max: 48 },
    });
    const table = desk(['stats', '--warehouse', 'wh-shop', '--now', '2024-06-21 00:00:00']);
    expect(table.stdout).toContain(
      'stats at 2024-06-21 00:00:00 Asia/Shanghai (2024-06-20T16:00:00.000Z), warehouse wh-shop',
    );
    expect(table.stdout).toContain('  open overdue      1 (12.5%)');
  });

  it('prints at most 50 rejections and says how many more', () => {
    const header = readFileSync(SHOP, 'utf8').split('\r\n')[0];
    const file = join(tmp, 'many-bad.csv');
    writeFileSync(file, [header, ...Array.from({ length: 60 }, (_, i) => `B${i},pdd`)].join('\n'));
    const r = desk([
      'import',
      '--format',
      'csv',
      '--file',
      file,
      '--mapping',
      join(FIXTURES, 'shop-mapping.json'),
      '--warehouse',
      'wh-shop',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const printed = r.stdout.split('\n').filter((l) => l.startsWith('line '));
    expect(printed).toHaveLength(50);
    expect(printed[0]).toBe('line 2: expected 13 fields, found 2');
    expect(r.stdout).toContain('... and 10 more rejected rows (--errors FILE lists them all)');
    expect(r.stdout).toMatch(/: 0 new, 0 updated, 0 unchanged, 60 rejected/);
  });

  it('exits 1, saying why, when the file or the mapping is unusable', () => {
    const missing = desk(['import', '--format', 'olist', '--file', join(tmp, 'nope.csv.gz')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const badMapping = desk([
      'import',
      '--format',
      'csv',
      '--file',
      SHOP,
      '--mapping',
      join(FIXTURES, 'bad-mapping.json'),
      '--warehouse',
      'wh-shop',
    ]);
    expect(badMapping.status).toBe(1);
    expect(badMapping.stderr).toMatch(/mapping .*bad-mapping\.json is invalid/);
    expect(badMapping.stderr).toContain('paidAt');
    const wrongColumns = desk(['import', '--format', 'olist', '--file', SHOP]);
    expect(wrongColumns.status).toBe(1);
    expect(wrongColumns.stderr).toContain('the file has no column "order_id"');
    const corrupt = join(tmp, 'corrupt.csv.gz');
    writeFileSync(corrupt, gzipSync(readFileSync(SHOP)).subarray(0, 40));
    const truncated = desk([
      'import',
      '--format',
      'csv',
      '--file',
      corrupt,
      '--mapping',
      join(FIXTURES, 'shop-mapping.json'),
      '--warehouse',
      'wh-shop',
    ]);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toContain(`cannot read ${corrupt}`);
  });
});

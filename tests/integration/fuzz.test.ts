// Property-based fuzzing of every request body the API accepts and of the CSV importer: no input crashes the
// server (5xx), every refusal is a 4xx with a reason, and a refused request writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/open';
import { importFile } from '../../server/import/import-file';
import { OLIST_MAPPING } from '../../server/import/olist';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const WRITE_TABLES = [
  'orders',
  'cases',
  'case_events',
  'users',
  'user_warehouses',
  'risk_flags',
  'promotions',
  'platform_rules',
  'force_majeure',
  'pickers',
  'warehouses',
  'sync_mutation_results',
];

/** Bodies of every shape, from well-formed-looking objects to junk. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'caseId',
      'orders',
      'events',
      'mutations',
      'clientId',
      'csv',
      'username',
      'password',
      'role',
      'region',
      'startsAt',
      'endsAt',
      'scope',
      'kind',
      'platform',
      'paidAt',
    ),
    fc.jsonValue(),
  ),
  fc.string().map((s) => ({ __raw: s })),
);

describe.each(BACKENDS)('fuzzing the API ($name)', (backend) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    token = (await h.login('admin')).token;
  });
  afterAll(() => h.close());

  const fingerprint = async () =>
    (
      await queryRows<{ t: string; n: string }>(
        h.db,
        sql.raw(
          WRITE_TABLES.map((t) => `select '${t}' as t, count(*)::text as n from ${t}`).join(' union all '),
        ),
      )
    )
      .map((r) => `${r.t}=${r.n}`)
      .join(',');

  it(`answers random bodies on every write route with a 4xx and a reason, writing nothing (${RUNS} per route)`, async () => {
    const routes = h.server.app.routeTable.filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(15);
    let sent = 0;
    for (const route of routes) {
      const path = route.url.replace(':warehouseId', 'wh-hz-xs-1').replace(/:(\w+)/g, 'fuzz-$1');
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const raw =
            typeof b === 'object' && b !== null && '__raw' in b
              ? String((b as { __raw: string }).__raw)
              : JSON.stringify(b);
          const before = await fingerprint();
          const res = await fetch(h.url + path, {
            method: route.method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: raw,
          });
          const text = await res.text();
          sent++;
          expect(
            res.status,
            `${route.method} ${path} ${raw.slice(0, 200)} -> ${text.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.status >= 400) {
            const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
            expect(typeof parsed.error).toBe('string');
            expect(String(parsed.message).length).toBeGreaterThan(0);
            expect(await fingerprint(), `${route.method} ${path} wrote despite ${res.status}`).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    }
    expect(sent).toBe(routes.length * RUNS);
  }, 600_000);
});

describe('fuzzing the CSV importer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-fuzz-csv-'));
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(BACKENDS[0]!);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never throws on hostile CSV, accounts for every row, and rejects bad ones with a line number', async () => {
    const header =
      'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,shipping_limit_date,shipping_limit_date_max,' +
      'order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date,seller_id,seller_city,seller_state,' +
      'n_sellers,customer_city,customer_state,customer_zip_code_prefix,product_category_name,product_category_name_english,' +
      'item_count,price_total,freight_value_total,source_repo';
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        '"',
        '""',
        ',',
        '\n',
        '2018-01-01 10:00:00',
        'delivered',
        'canceled',
        'bogus',
        '12.5',
        '-1',
        '1e400',
      ),
    );
    const row = fc
      .array(cell, { minLength: 0, maxLength: 25 })
      .map((cells) =>
        cells
          .map((c) => (/[",\n]/.test(c) && Math.random() < 0.5 ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const file = join(dir, `f${n++}.csv`);
        writeFileSync(file, [header, ...rows].join('\n'));
        const rejected: { line: number; reason: string }[] = [];
        const summary = await importFile(h.db, {
          file,
          mapping: OLIST_MAPPING,
          timezone: 'America/Sao_Paulo',
          warehouseId: 'wh-hz-xs-1',
          now: h.clock.now,
          onRejected: (r) => void rejected.push(r),
        });
        expect(summary.new + summary.updated + summary.unchanged + summary.rejected).toBe(summary.rows);
        expect(rejected).toHaveLength(summary.rejected);
        for (const r of rejected) {
          expect(r.line).toBeGreaterThanOrEqual(2);
          expect(r.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS * 4 },
    );
    // A file without the mapped columns is refused as a whole, with a message naming them.
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'order_id,status\n1,delivered\n');
    await expect(
      importFile(h.db, {
        file: bad,
        mapping: OLIST_MAPPING,
        timezone: 'America/Sao_Paulo',
        warehouseId: 'wh-hz-xs-1',
        now: h.clock.now,
      }),
    ).rejects.toThrow(/has no column/);
  }, 600_000);
});

// The benchmark's world: the demo warehouse, its directory and users (seedDemo with a small order count), then
// as many more orders as it takes to hold exactly N open cases. Their deadlines are spread evenly from now-10 h
// to now+10 h, and each order's category is drawn so its warning lead (2 h fresh, 4 h food, 12 h durable) has
// already passed, so every one opens a case. The orders go through the real ingestion path (ingestOrders, the
// same code as REST and CSV import), so orders, cases, row versions and pokes are exactly what production
// writes.
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { WARNING_LEAD_MINUTES } from '../shared/rules/clocks';
import { perishabilityOf } from '../shared/rules/perishability';
import type { OrderInput } from '../shared/schemas/order-input';
import type { Db } from '../server/db/open';
import { cases } from '../server/db/schema';
import { CATEGORIES, PLATFORM_MIX } from '../server/demo/catalog';
import { orderFacts } from '../server/demo/orders';
import { Random } from '../server/demo/random';
import { seedDemo } from '../server/demo/seed';
import { DEMO_WAREHOUSE_ID } from '../server/demo/world';
import { ingestOrders } from '../server/orders/ingest';
import { loadRuleBook } from '../server/orders/rulebook';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Orders of the demo seed itself (directory, users, a few history and open cases). */
export const SEED_ORDERS = 300;
/** Orders per ingestOrders call (one transaction each) and per ANALYZE. */
const BATCH = 1000;
const SLICE = 20_000;

export interface WorldStats {
  openCases: number;
  seedOpenCases: number;
  generatedOrders: number;
  seedMs: number;
  ingestMs: number;
  method: string;
}

/** N orders with deadlines spread over [now-10 h, now+10 h], each of a category whose case is already open. */
export function generateOrders(n: number, now: number, seed = 2011): OrderInput[] {
  const r = new Random(seed);
  const seen = new Set<string>();
  const out: OrderInput[] = [];
  for (let i = 0; i < n; i++) {
    const shipBy = Math.round(now - 10 * HOUR + ((i + r.next()) / n) * 20 * HOUR);
    const minutesLeft = (shipBy - now) / MINUTE;
    // Only categories whose warning lead covers the time left: the case opens at ingestion.
    const fits = CATEGORIES.filter((c) => WARNING_LEAD_MINUTES[perishabilityOf(c.label)] >= minutesLeft);
    const category = r.weighted(fits.map((c) => [c, c.weight] as const));
    const platform = r.weighted(PLATFORM_MIX);
    const paidAt = shipBy - r.int(12, 36) * HOUR;
    let order = orderFacts(r, platform, category, paidAt);
    while (seen.has(`${order.platform}\u0000${order.platformOrderId}`))
      order = orderFacts(r, platform, category, paidAt);
    seen.add(`${order.platform}\u0000${order.platformOrderId}`);
    out.push({ ...order, promisedShipBy: shipBy });
  }
  return out;
}

export async function countOpen(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.status, 'open')));
  return row?.n ?? 0;
}

/** Seeds the demo world and ingests orders until the warehouse holds `openCases` open cases. */
export async function buildWorld(
  db: Db,
  openCases: number,
  now: number,
  log: (line: string) => void,
): Promise<WorldStats> {
  let t = performance.now();
  await seedDemo(db, { now, orders: SEED_ORDERS, seed: 11 });
  const seedOpenCases = await countOpen(db);
  const seedMs = performance.now() - t;
  const inputs = generateOrders(Math.max(0, openCases - seedOpenCases), now);
  const book = await loadRuleBook(db);
  t = performance.now();
  for (let i = 0; i < inputs.length; i += SLICE) {
    const slice = inputs.slice(i, i + SLICE);
    await ingestOrders(db, DEMO_WAREHOUSE_ID, slice, { now, book, batchSize: BATCH });
    await db.execute(sql`analyze orders`);
    await db.execute(sql`analyze cases`);
    log(`  ingested ${Math.min(i + SLICE, inputs.length)} / ${inputs.length} orders`);
  }
  const ingestMs = performance.now() - t;
  return {
    openCases: await countOpen(db),
    seedOpenCases,
    generatedOrders: inputs.length,
    seedMs,
    ingestMs,
    method: `seedDemo(${SEED_ORDERS} orders) + ingestOrders in transactions of ${BATCH}`,
  };
}

// ---- PostgreSQL databases of the run ----

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** True when PostgreSQL answers at `base`. */
export async function postgresReachable(base: string): Promise<string | null> {
  try {
    return await admin(base, async (c) => {
      const { rows } = await c.query<{ v: string }>('select version() as v');
      return rows[0]?.v ?? 'PostgreSQL';
    });
  } catch {
    return null;
  }
}

export async function databaseExists(base: string, name: string): Promise<boolean> {
  return admin(base, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    return (rowCount ?? 0) > 0;
  });
}

export async function createDatabase(base: string, name: string): Promise<void> {
  await admin(base, (c) => c.query(`create database ${pg.escapeIdentifier(name)}`));
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  await admin(base, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`));
}

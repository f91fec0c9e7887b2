// Writes the demo world into an empty database: directory and accounts, the promotion of the surge world, then
// the orders through the same ingestion path as real orders (which opens the cases due now and records closed
// cases for the history), causes on the late history cases, and a few open cases already claimed, as if the
// shift had started.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { CAUSES, type Cause } from '../../shared/schemas/enums';
import { insertUser } from '../accounts/users';
import type { Db } from '../db/open';
import {
  caseEvents,
  cases,
  couriers,
  orders,
  pickers,
  promotions,
  warehouseClock,
  warehouses,
  zones,
} from '../db/schema';
import { ingestOrders } from '../orders/ingest';
import { ensureDefaultRules, loadRuleBook } from '../orders/rulebook';
import { writeTransaction } from '../sync/write-tx';
import { CAUSE_WEIGHTS } from './causes';
import { Random } from './random';
import { NORMAL_ORDERS_PER_DAY } from './rhythm';
import {
  buildDemoWorld,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WAREHOUSE_ID,
  type DemoUser,
  type DemoWorld,
} from './world';

export interface SeedOptions {
  seed?: number;
  now: number;
  /** Orders of a normal day (default 2000); the surge world has eight times as many. */
  orders?: number;
  /** Double 11: a promotion active now, 8x the orders, two pickers missing per shift, rain. */
  surge?: boolean;
}

export interface SeedResult {
  created: boolean;
  users: DemoUser[];
  orders: number;
  openCases: number;
}

/** The cause table lives in causes.ts, shared with the simulator; re-exported for existing callers. */
export { CAUSE_WEIGHTS };

/** Orders ingested between two refreshes of the planner's statistics (see ingestAll). */
const ANALYZE_EVERY = 4000;

async function writeDirectory(db: Db, world: DemoWorld): Promise<void> {
  await writeTransaction(db, async (scope) => {
    const { tx } = scope;
    const wh = world.warehouse;
    await tx.insert(warehouses).values({ ...wh, rowVersion: 0 });
    await tx.insert(warehouseClock).values({ warehouseId: wh.id });
    const v = await scope.version(wh.id);
    await tx.update(warehouses).set({ rowVersion: v }).where(eq(warehouses.id, wh.id));
    await tx.insert(zones).values(world.zones.map((z) => ({ ...z, rowVersion: v })));
    await tx.insert(pickers).values(world.pickers.map((p) => ({ ...p, rowVersion: v })));
    await tx.insert(couriers).values(world.couriers.map((c) => ({ ...c, rowVersion: v })));
    for (const user of world.users) await insertUser(scope, { ...user, warehouseIds: [wh.id] });
  });
}

/**
 * Ingests the orders in slices, refreshing the planner's statistics between them. PGlite has no autovacuum, so
 * without this the case engine's joins keep the plan they chose for an empty table and a 16,000-order seed
 * takes several times longer (PostgreSQL analyzes by itself, and an extra ANALYZE is cheap there).
 */
async function ingestAll(db: Db, world: DemoWorld, now: number): Promise<number> {
  const book = await loadRuleBook(db);
  let created = 0;
  for (let i = 0; i < world.orders.length; i += ANALYZE_EVERY) {
    const slice = world.orders.slice(i, i + ANALYZE_EVERY);
    created += (await ingestOrders(db, DEMO_WAREHOUSE_ID, slice, { now, book })).new;
    await db.execute(sql`analyze orders`);
    await db.execute(sql`analyze cases`);
  }
  return created;
}

/** Late history cases get a recorded cause, as coordinators would have noted during review. */
async function recordHistoryCauses(db: Db, r: Random): Promise<void> {
  await writeTransaction(db, async (scope) => {
    const late = await scope.tx
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.outcome, 'shipped_late')))
      .orderBy(asc(orders.platformOrderId));
    const byCause = new Map<Cause, string[]>();
    for (const { id } of late) {
      if (!r.chance(0.9)) continue;
      const cause = r.weighted(CAUSES.map((c) => [c, CAUSE_WEIGHTS[c]] as const));
      byCause.set(cause, [...(byCause.get(cause) ?? []), id]);
    }
    if (!byCause.size) return;
    const v = await scope.version(DEMO_WAREHOUSE_ID);
    for (const [cause, ids] of byCause) {
      await scope.tx.update(cases).set({ cause, rowVersion: v }).where(inArray(cases.id, ids));
    }
  });
}

/** Hands some overdue cases to the demo coordinators, as if the shift had already started. */
async function claimSome(db: Db, world: DemoWorld, r: Random, now: number): Promise<void> {
  const coordinators = world.users.filter((u) => u.role === 'coordinator');
  await writeTransaction(db, async (scope) => {
    const open = await scope.tx
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(
        and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.status, 'open'), isNotNull(cases.overdueAt)),
      )
      .orderBy(asc(orders.platformOrderId));
    const v = await scope.version(DEMO_WAREHOUSE_ID);
    for (const { id } of open.filter(() => r.chance(0.2))) {
      const who = r.pick(coordinators);
      const at = new Date(now - r.int(5, 90) * 60_000);
      await scope.tx
        .update(cases)
        .set({ assigneeId: who.id, claimedAt: at, version: sql`${cases.version} + 1`, rowVersion: v })
        .where(eq(cases.id, id));
      await scope.tx.insert(caseEvents).values({
        id: r.uuid(),
        warehouseId: DEMO_WAREHOUSE_ID,
        caseId: id,
        kind: 'claimed',
        actorId: who.id,
        at,
        text: null,
        rowVersion: v,
      });
    }
  });
}

/** Seeds the demo world unless the demo warehouse already exists. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const seed = options.seed ?? 11;
  const [existing] = await db.select().from(warehouses).where(eq(warehouses.id, DEMO_WAREHOUSE_ID));
  const users = DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD }));
  if (existing) return { created: false, users, orders: 0, openCases: 0 };
  const world = buildDemoWorld({
    seed,
    now: options.now,
    orders: options.orders ?? NORMAL_ORDERS_PER_DAY,
    surge: options.surge ?? false,
  });
  await ensureDefaultRules(db);
  const r = new Random(seed ^ 0x5eed);
  await writeDirectory(db, world);
  // Before the orders, so ingestion gives the promotion's orders its ship-by date.
  if (world.promotion) {
    const { id, name, platforms, paidFrom, paidUntil, shipBy } = world.promotion;
    const row = {
      name,
      platforms,
      paidFrom: new Date(paidFrom),
      paidUntil: new Date(paidUntil),
      shipBy: new Date(shipBy),
    };
    await db
      .insert(promotions)
      .values({ id, ...row })
      .onConflictDoUpdate({ target: promotions.id, set: row });
  }
  const created = await ingestAll(db, world, options.now);
  await recordHistoryCauses(db, r);
  await claimSome(db, world, r, options.now);
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.status, 'open')));
  return { created: true, users: world.users, orders: created, openCases: open?.n ?? 0 };
}

// Writes the demo world into an empty database: directory and accounts, then the orders through the same
// ingestion path as real orders (which opens the cases due now and records closed cases for the history),
// causes on the late history cases, and a few open cases already claimed, as if the shift had started.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { CAUSES, type Cause } from '../../shared/schemas/enums';
import { insertUser } from '../accounts/users';
import type { Db } from '../db/open';
import {
  caseEvents,
  cases,
  couriers,
  orders,
  pickers,
  warehouseClock,
  warehouses,
  zones,
} from '../db/schema';
import { ingestOrders } from '../orders/ingest';
import { ensureDefaultRules } from '../orders/rulebook';
import { writeTransaction } from '../sync/write-tx';
import { Random } from './random';
import { buildDemoWorld, DEMO_WAREHOUSE_ID, type DemoUser, type DemoWorld } from './world';

export interface SeedOptions {
  seed?: number;
  now: number;
  orders?: number;
}

export interface SeedResult {
  created: boolean;
  users: DemoUser[];
  orders: number;
  openCases: number;
}

/** Causes of late shipments in roughly the proportions a Hangzhou warehouse sees in a normal week. */
export const CAUSE_WEIGHTS: Record<Cause, number> = {
  out_of_stock: 22,
  pick_error: 7,
  mis_sort: 4,
  picker_absent: 8,
  short_staffed: 10,
  packing_backlog: 14,
  courier_missed_pickup: 12,
  courier_depot_overload: 10,
  weather: 5,
  address_issue: 3,
  system_error: 2,
  merchant_delay: 2,
  other: 1,
};

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

/** Late history cases get a recorded cause, as coordinators would have noted during review. */
async function recordHistoryCauses(db: Db, r: Random): Promise<void> {
  await writeTransaction(db, async (scope) => {
    const late = await scope.tx
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.outcome, 'shipped_late')))
      .orderBy(asc(orders.platformOrderId));
    const v = await scope.version(DEMO_WAREHOUSE_ID);
    for (const { id } of late) {
      if (!r.chance(0.9)) continue;
      const cause = r.weighted(CAUSES.map((c) => [c, CAUSE_WEIGHTS[c]] as const));
      await scope.tx.update(cases).set({ cause, rowVersion: v }).where(eq(cases.id, id));
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
  const world = buildDemoWorld({
    seed: options.seed ?? 11,
    now: options.now,
    orders: options.orders ?? 2000,
  });
  const [existing] = await db.select().from(warehouses).where(eq(warehouses.id, DEMO_WAREHOUSE_ID));
  if (existing) return { created: false, users: world.users, orders: 0, openCases: 0 };
  await ensureDefaultRules(db);
  const r = new Random((options.seed ?? 11) ^ 0x5eed);
  await writeDirectory(db, world);
  const ingested = await ingestOrders(db, DEMO_WAREHOUSE_ID, world.orders, { now: options.now });
  await recordHistoryCauses(db, r);
  await claimSome(db, world, r, options.now);
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), eq(cases.status, 'open')));
  return { created: true, users: world.users, orders: ingested.new, openCases: open?.n ?? 0 };
}

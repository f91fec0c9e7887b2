// Writes the demo world into an empty database: directory, accounts, orders, a history of closed cases for the
// review screens, then one engine tick so the cases due now are open, and a few of them already claimed.
import { eq, sql } from 'drizzle-orm';
import { CAUSES, type Cause } from '../../shared/schemas/enums';
import { lateMinutes, opensAt } from '../../shared/rules/clocks';
import { insertUser } from '../accounts/users';
import type { Db } from '../db/open';
import {
  cases,
  couriers,
  orders,
  pickers,
  warehouseClock,
  warehouses,
  zones,
  caseEvents,
} from '../db/schema';
import { tick } from '../engine/case-engine';
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

const CAUSE_WEIGHTS: Record<Cause, number> = {
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

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function writeWorld(db: Db, world: DemoWorld, r: Random, now: number): Promise<void> {
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
    for (const part of chunk(world.orders, 500)) {
      await tx.insert(orders).values(
        part.map((o) => ({
          ...o,
          paidAt: new Date(o.paidAt),
          shipBy: new Date(o.shipBy),
          handedOverAt: o.handedOverAt === null ? null : new Date(o.handedOverAt),
          cancelledAt: o.cancelledAt === null ? null : new Date(o.cancelledAt),
          updatedAt: new Date(now),
        })),
      );
    }
    // History: orders that were finished after their warning opened had a case, now closed.
    const history = world.orders.flatMap((o) => {
      const end = o.handedOverAt ?? o.cancelledAt;
      const opened = opensAt(o.shipBy, o.perishability);
      if (end === null || end <= opened) return [];
      const late =
        o.handedOverAt !== null && o.handedOverAt > o.shipBy ? lateMinutes(o.shipBy, o.handedOverAt) : null;
      const cause =
        late !== null && r.chance(0.9) ? r.weighted(CAUSES.map((c) => [c, CAUSE_WEIGHTS[c]] as const)) : null;
      return [
        {
          id: r.uuid(),
          warehouseId: o.warehouseId,
          orderId: o.id,
          status: 'closed' as const,
          shipBy: new Date(o.shipBy),
          openedAt: new Date(opened),
          overdueAt: late !== null ? new Date(o.shipBy) : null,
          closedAt: new Date(end),
          cause,
          outcome: o.cancelledAt !== null ? 'order_cancelled' : late !== null ? 'shipped_late' : 'saved',
          lateMinutes: late,
          version: 1,
          rowVersion: v,
        },
      ];
    });
    for (const part of chunk(history, 500)) await tx.insert(cases).values(part);
  });
}

/** Hands some overdue cases to the demo coordinators, as if the shift had already started. */
async function claimSome(db: Db, world: DemoWorld, r: Random, now: number): Promise<void> {
  const coordinators = world.users.filter((u) => u.role === 'coordinator');
  await writeTransaction(db, async (scope) => {
    const open = await scope.tx
      .select({ id: cases.id })
      .from(cases)
      .where(
        sql`${cases.warehouseId} = ${DEMO_WAREHOUSE_ID} and ${cases.status} = 'open' and ${cases.overdueAt} is not null`,
      )
      .orderBy(cases.id);
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
  const r = new Random((options.seed ?? 11) ^ 0x5eed);
  await writeWorld(db, world, r, options.now);
  const ticked = await tick(db, options.now);
  await claimSome(db, world, r, options.now);
  return { created: true, users: world.users, orders: world.orders.length, openCases: ticked.opened };
}

// What the simulator reads and writes besides orders: its own small state (kept in server_meta, so a restarted
// server continues where it stopped), the warehouse's people and couriers, the orders still in the building,
// the causes it records on late cases and the picker statuses it keeps current.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Cause, Perishability, PickerStatus } from '../../shared/schemas/enums';
import type { Db } from '../db/open';
import { cases, couriers, orders, pickers, serverMeta, warehouses } from '../db/schema';
import { loadRuleBook } from '../orders/rulebook';
import type { Promotion } from '../../shared/rules/platform-rules';
import type { Progress } from '../demo/plan';
import type { RosterPicker } from '../demo/roster';
import { writeTransaction } from '../sync/write-tx';

export interface SimState {
  /** When the simulator first ran on this database: it never schedules a step before it. */
  since: number;
  /** The first minute whose new orders have not been generated yet. */
  cursor: number;
  /** The clock at the last completed tick. */
  lastTick: number;
}

const stateKey = (warehouseId: string) => `demo.sim:${warehouseId}`;

export async function loadState(db: Db, warehouseId: string): Promise<SimState | null> {
  const [row] = await db
    .select()
    .from(serverMeta)
    .where(eq(serverMeta.key, stateKey(warehouseId)));
  return row ? (JSON.parse(row.value) as SimState) : null;
}

export async function saveState(db: Db, warehouseId: string, state: SimState): Promise<void> {
  const value = JSON.stringify(state);
  await db
    .insert(serverMeta)
    .values({ key: stateKey(warehouseId), value })
    .onConflictDoUpdate({ target: serverMeta.key, set: { value } });
}

export interface Directory {
  pickers: (RosterPicker & { status: PickerStatus })[];
  couriers: { id: string; status: string; pickupCutoffs: string[] }[];
  promotions: Promotion[];
}

/** The warehouse's roster, couriers and the promotions in force; null when the warehouse does not exist. */
export async function loadDirectory(db: Db, warehouseId: string): Promise<Directory | null> {
  const [wh] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!wh) return null;
  const roster = await db
    .select({
      id: pickers.id,
      zoneId: pickers.zoneId,
      shiftStart: pickers.shiftStart,
      shiftEnd: pickers.shiftEnd,
      status: pickers.status,
    })
    .from(pickers)
    .where(eq(pickers.warehouseId, warehouseId))
    .orderBy(pickers.id);
  const docks = await db
    .select({ id: couriers.id, status: couriers.status, pickupCutoffs: couriers.pickupCutoffs })
    .from(couriers)
    .where(eq(couriers.warehouseId, warehouseId))
    .orderBy(couriers.id);
  return { pickers: roster, couriers: docks, promotions: (await loadRuleBook(db)).promotions };
}

export interface InFlight {
  id: string;
  platform: string;
  platformOrderId: string;
  category: string;
  perishability: Perishability;
  paidAt: number;
  shipBy: number | null;
  promo: boolean;
  zoneId: string | null;
  courierId: string | null;
  done: Progress;
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** Orders neither handed over nor cancelled. */
export async function loadInFlight(db: Db, warehouseId: string): Promise<InFlight[]> {
  const rows = await db
    .select({
      id: orders.id,
      platform: orders.platform,
      platformOrderId: orders.platformOrderId,
      category: orders.category,
      perishability: orders.perishability,
      paidAt: orders.paidAt,
      shipBy: orders.shipBy,
      deadlineSource: orders.deadlineSource,
      zoneId: orders.zoneId,
      courierId: orders.courierId,
      pickingStartedAt: orders.pickingStartedAt,
      pickedAt: orders.pickedAt,
      packedAt: orders.packedAt,
      handedOverAt: orders.handedOverAt,
      cancelledAt: orders.cancelledAt,
    })
    .from(orders)
    .where(and(eq(orders.warehouseId, warehouseId), notInArray(orders.status, ['handed_over', 'cancelled'])));
  return rows.map((o) => ({
    id: o.id,
    platform: o.platform,
    platformOrderId: o.platformOrderId,
    category: o.category,
    perishability: o.perishability,
    paidAt: o.paidAt.getTime(),
    shipBy: ms(o.shipBy),
    promo: o.deadlineSource === 'promotion',
    zoneId: o.zoneId,
    courierId: o.courierId,
    done: {
      pickingStartedAt: ms(o.pickingStartedAt),
      pickedAt: ms(o.pickedAt),
      packedAt: ms(o.packedAt),
      handedOverAt: ms(o.handedOverAt),
      cancelledAt: ms(o.cancelledAt),
    },
  }));
}

/**
 * Writes the cause on the cases the engine just closed as shipped late, as the coordinator would when reviewing
 * them; a case a person already gave a cause keeps theirs. One new warehouse version, so clients pull them.
 */
export async function recordCauses(
  db: Db,
  warehouseId: string,
  byOrder: ReadonlyMap<string, Cause>,
): Promise<number> {
  if (!byOrder.size) return 0;
  return writeTransaction(db, async (scope) => {
    const late = await scope.tx
      .select({ id: cases.id, orderId: cases.orderId })
      .from(cases)
      .where(
        and(
          eq(cases.warehouseId, warehouseId),
          inArray(cases.orderId, [...byOrder.keys()]),
          eq(cases.outcome, 'shipped_late'),
          isNull(cases.cause),
        ),
      );
    if (!late.length) return 0;
    const v = await scope.version(warehouseId);
    const byCause = new Map<Cause, string[]>();
    for (const c of late) {
      const cause = byOrder.get(c.orderId)!;
      byCause.set(cause, [...(byCause.get(cause) ?? []), c.id]);
    }
    for (const [cause, ids] of byCause) {
      await scope.tx
        .update(cases)
        .set({ cause, version: sql`${cases.version} + 1`, rowVersion: v })
        .where(inArray(cases.id, ids));
    }
    return late.length;
  });
}

/** Sets picker statuses (shift changes, absences), as one synced write. */
export async function updateRoster(
  db: Db,
  warehouseId: string,
  changes: ReadonlyMap<string, PickerStatus>,
): Promise<number> {
  if (!changes.size) return 0;
  await writeTransaction(db, async (scope) => {
    const v = await scope.version(warehouseId);
    for (const [id, status] of changes) {
      await scope.tx
        .update(pickers)
        .set({ status, rowVersion: v })
        .where(and(eq(pickers.warehouseId, warehouseId), eq(pickers.id, id)));
    }
  });
  return changes.size;
}

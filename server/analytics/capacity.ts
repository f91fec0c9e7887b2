// Capacity planning for a promotion (brief F15): how many orders the promotion's days will bring (eight times the
// normal day before it starts; once under way, what it actually brings if that is more), against what the
// pickers on the roster can pick in a day, zone by zone, and how many extra picker shifts close the gap.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open';
import { pickers, promotions } from '../db/schema';
import type { CapacityPlan } from '../../shared/schemas/analytics';

export type { CapacityPlan };

/** Orders one picker picks in an hour when the history is too thin to say (the demo's measured median). */
export const DEFAULT_PICKS_PER_HOUR = 30;
export const SHIFT_HOURS = 8;
export const SURGE_FACTOR = 8;
const DAY_MS = 24 * 3_600_000;

export async function capacityPlan(
  db: Db,
  warehouseId: string,
  promotionId: string | null,
  now: Date,
): Promise<CapacityPlan> {
  const [promo] = promotionId ? await db.select().from(promotions).where(eq(promotions.id, promotionId)) : [];
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  // The normal rhythm: orders paid per day outside any promotion window, over the last week or as much of it as
  // the history covers (a warehouse with two days of orders is not a seventh as busy as they were).
  const [normal] = await queryRows<{ n: string; first: Date | string | null }>(
    db,
    sql`select count(*) as n, min(o.paid_at) as first from orders o
        where o.warehouse_id = ${warehouseId} and o.paid_at >= ${weekAgo} and o.paid_at < ${now} and o.deadline_source <> 'promotion'`,
  );
  const firstMs = normal?.first ? new Date(normal.first).getTime() : now.getTime();
  const coveredDays = Math.min(7, Math.max(1, (now.getTime() - firstMs) / DAY_MS));
  const normalPerDay = Math.round(Number(normal?.n ?? 0) / coveredDays);
  let expected = normalPerDay * (promo ? SURGE_FACTOR : 1);
  if (promo && promo.paidFrom < now) {
    // A promotion under way plans with what it has brought so far when that is more than the rule of thumb:
    // orders paid per day in its window until now (counted over at least a day, so its first hours are not
    // blown up into a daily figure).
    const until = new Date(Math.min(now.getTime(), promo.paidUntil.getTime()));
    const [seen] = await queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from orders o
          where o.warehouse_id = ${warehouseId} and o.paid_at >= ${promo.paidFrom} and o.paid_at < ${until}`,
    );
    const days = Math.max(1, (until.getTime() - promo.paidFrom.getTime()) / DAY_MS);
    expected = Math.max(expected, Math.round(Number(seen?.n ?? 0) / days));
  }
  const mix = await queryRows<{ zone_id: string | null; share: string }>(
    db,
    sql`select o.zone_id, count(*)::float / greatest(1, sum(count(*)) over ()) as share from orders o
        where o.warehouse_id = ${warehouseId} and o.paid_at >= ${weekAgo} group by 1`,
  );
  const roster = await db
    .select({ zoneId: pickers.zoneId, n: sql<number>`count(*)::int` })
    .from(pickers)
    .where(eq(pickers.warehouseId, warehouseId))
    .groupBy(pickers.zoneId);
  const pickersByZone = new Map(roster.map((r) => [r.zoneId, r.n]));
  const perPickerDay = DEFAULT_PICKS_PER_HOUR * SHIFT_HOURS;
  return {
    promotion: promo
      ? {
          id: promo.id,
          name: promo.name,
          paidFrom: promo.paidFrom.getTime(),
          paidUntil: promo.paidUntil.getTime(),
          shipBy: promo.shipBy.getTime(),
        }
      : null,
    normalOrdersPerDay: normalPerDay,
    expectedOrdersPerDay: expected,
    zones: mix
      .filter((m) => m.zone_id !== null)
      .map((m) => {
        const zoneId = m.zone_id!;
        const count = pickersByZone.get(zoneId) ?? 0;
        // Three shifts a day: each picker on the roster works one of them.
        const capacity = count * perPickerDay;
        const expectedZone = Math.round(expected * Number(m.share));
        return {
          zoneId,
          pickers: count,
          capacityPerDay: capacity,
          expectedPerDay: expectedZone,
          extraPickerShifts: Math.max(0, Math.ceil((expectedZone - capacity) / perPickerDay)),
        };
      }),
  };
}

// Capacity planning for a promotion (brief F15): how many orders the promotion's days will bring, against what
// the pickers on the roster can pick in a day, zone by zone, and how many extra picker shifts close the gap.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open';
import { pickers, promotions } from '../db/schema';

/** Orders one picker picks in an hour when the history is too thin to say (the demo's measured median). */
export const DEFAULT_PICKS_PER_HOUR = 30;
export const SHIFT_HOURS = 8;
export const SURGE_FACTOR = 8;

export interface CapacityPlan {
  promotion: { id: string; name: string; paidFrom: number; paidUntil: number; shipBy: number } | null;
  normalOrdersPerDay: number;
  expectedOrdersPerDay: number;
  zones: {
    zoneId: string;
    pickers: number;
    capacityPerDay: number;
    expectedPerDay: number;
    extraPickerShifts: number;
  }[];
}

export async function capacityPlan(
  db: Db,
  warehouseId: string,
  promotionId: string | null,
  now: Date,
): Promise<CapacityPlan> {
  const [promo] = promotionId ? await db.select().from(promotions).where(eq(promotions.id, promotionId)) : [];
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  // The normal rhythm: orders paid per day over the last week, outside any promotion window.
  const [normal] = await queryRows<{ per_day: string }>(
    db,
    sql`select count(*) / 7.0 as per_day from orders o
        where o.warehouse_id = ${warehouseId} and o.paid_at >= ${weekAgo} and o.paid_at < ${now} and o.deadline_source <> 'promotion'`,
  );
  const normalPerDay = Math.round(Number(normal?.per_day ?? 0));
  const expected = normalPerDay * (promo ? SURGE_FACTOR : 1);
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

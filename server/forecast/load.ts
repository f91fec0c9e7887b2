// Loads what the breach forecast needs for one warehouse from the database: its unfinished orders, zones with
// their pickers (status now, shifts over the window), pick rates measured over the last days, couriers with
// their pickups as instants in the warehouse's time zone, and the risk flags still running.
import { and, eq, gte, isNotNull, lt, notInArray } from 'drizzle-orm';
import {
  forecastWindowEnd,
  normalizeHorizons,
  type CourierWindow,
  type ForecastInput,
  type ForecastOrder,
  type ZoneCapacity,
} from '../../shared/rules/forecast';
import { measurePickRates, type ZoneRate } from '../../shared/rules/forecast-history';
import type { Db } from '../db/open';
import { couriers, orders, pickers, warehouses, zones } from '../db/schema';
import { pickupsBetween, shiftsBetween } from './calendar';
import { loadRiskFlags } from './risk-flags';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** How far back pick rates and packing times are measured. */
export const HISTORY_DAYS = 7;
/** Packed to ready at the dock (assumed; not recorded). */
export const DOCK_MINUTES = 20;
/** Picked to packed where a zone has no history. */
export const DEFAULT_PACKING_MINUTES = 25;

export interface LoadedForecastInput {
  warehouseId: string;
  timezone: string;
  input: ForecastInput;
  rates: ZoneRate[];
}

export async function loadForecastInput(
  db: Db,
  warehouseId: string,
  now: number,
  horizonsHours: readonly number[],
): Promise<LoadedForecastInput | null> {
  const [warehouse] = await db
    .select({ timezone: warehouses.timezone })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  if (!warehouse) return null;
  const tz = warehouse.timezone;
  const horizons = normalizeHorizons(horizonsHours);
  const windowEnd = forecastWindowEnd(now, horizons);
  const historyFrom = Math.floor((now - HISTORY_DAYS * 24 * HOUR) / HOUR) * HOUR;

  const zoneRows = await db
    .select({ id: zones.id })
    .from(zones)
    .where(eq(zones.warehouseId, warehouseId))
    .orderBy(zones.id);
  const pickerRows = await db
    .select({
      id: pickers.id,
      zoneId: pickers.zoneId,
      status: pickers.status,
      shiftStart: pickers.shiftStart,
      shiftEnd: pickers.shiftEnd,
    })
    .from(pickers)
    .where(eq(pickers.warehouseId, warehouseId))
    .orderBy(pickers.id);
  const courierRows = await db
    .select({ id: couriers.id, status: couriers.status, cutoffs: couriers.pickupCutoffs })
    .from(couriers)
    .where(eq(couriers.warehouseId, warehouseId))
    .orderBy(couriers.id);
  const openRows = await db
    .select({
      id: orders.id,
      zoneId: orders.zoneId,
      courierId: orders.courierId,
      region: orders.region,
      city: orders.city,
      shipBy: orders.shipBy,
      status: orders.status,
      pickedAt: orders.pickedAt,
      packedAt: orders.packedAt,
    })
    .from(orders)
    .where(
      and(
        eq(orders.warehouseId, warehouseId),
        notInArray(orders.status, ['handed_over', 'cancelled']),
        isNotNull(orders.shipBy),
      ),
    );
  const pickRows = await db
    .select({
      zoneId: orders.zoneId,
      pickingStartedAt: orders.pickingStartedAt,
      pickedAt: orders.pickedAt,
      packedAt: orders.packedAt,
    })
    .from(orders)
    .where(
      and(
        eq(orders.warehouseId, warehouseId),
        isNotNull(orders.zoneId),
        gte(orders.pickedAt, new Date(historyFrom)),
        lt(orders.pickedAt, new Date(now)),
      ),
    );
  const risks = await loadRiskFlags(db, warehouseId, now);

  // Who was rostered in each past hour, from the shift patterns (past absences are not recorded).
  const pastShifts = pickerRows.map((p) => ({
    zoneId: p.zoneId,
    shifts: shiftsBetween(p.shiftStart, p.shiftEnd, historyFrom, now, tz),
  }));
  const rostered = (zoneId: string, hourStart: number) => {
    const mid = hourStart + 30 * MINUTE;
    return pastShifts.filter((p) => p.zoneId === zoneId && p.shifts.some((s) => s.from <= mid && mid < s.to))
      .length;
  };
  const rates = measurePickRates({
    zoneIds: zoneRows.map((z) => z.id),
    from: historyFrom,
    to: now,
    picks: pickRows.flatMap((r) =>
      r.zoneId !== null && r.pickedAt
        ? [
            {
              zoneId: r.zoneId,
              pickingStartedAt: r.pickingStartedAt?.getTime() ?? null,
              pickedAt: r.pickedAt.getTime(),
              packedAt: r.packedAt?.getTime() ?? null,
            },
          ]
        : [],
    ),
    rostered,
  });

  const zoneCapacities: ZoneCapacity[] = rates.map((rate) => ({
    zoneId: rate.zoneId,
    ratePerPickerHour: rate.ratePerPickerHour,
    packMinutes: Math.round(rate.packMinutes?.p50 ?? DEFAULT_PACKING_MINUTES) + DOCK_MINUTES,
    pickers: pickerRows
      .filter((p) => p.zoneId === rate.zoneId)
      .map((p) => ({
        pickerId: p.id,
        status: p.status,
        shifts: shiftsBetween(p.shiftStart, p.shiftEnd, now - 24 * HOUR, windowEnd, tz),
      })),
  }));
  const packOf = new Map(zoneCapacities.map((z) => [z.zoneId, z.packMinutes]));
  const defaultPackMinutes = DEFAULT_PACKING_MINUTES + DOCK_MINUTES;

  const forecastOrders: ForecastOrder[] = openRows.map((o) => {
    const order: ForecastOrder = {
      orderId: o.id,
      zoneId: o.zoneId,
      courierId: o.courierId,
      region: o.region,
      city: o.city,
      shipBy: o.shipBy!.getTime(),
      stage: o.status === 'handed_over' || o.status === 'cancelled' ? 'packed' : o.status,
    };
    const pack = (o.zoneId !== null ? packOf.get(o.zoneId) : undefined) ?? defaultPackMinutes;
    if (o.status === 'picked' && o.pickedAt) order.readyNotBefore = o.pickedAt.getTime() + pack * MINUTE;
    if (o.status === 'packed' && o.packedAt)
      order.readyNotBefore = o.packedAt.getTime() + DOCK_MINUTES * MINUTE;
    return order;
  });
  forecastOrders.sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));

  const courierWindows: CourierWindow[] = courierRows.map((c) => ({
    courierId: c.id,
    status: c.status,
    pickups: c.cutoffs.length ? pickupsBetween(c.cutoffs, now, windowEnd, tz) : null,
  }));

  return {
    warehouseId,
    timezone: tz,
    rates,
    input: {
      now,
      horizonsHours: horizons,
      orders: forecastOrders,
      zones: zoneCapacities,
      couriers: courierWindows,
      risks,
      defaultPackMinutes,
    },
  };
}

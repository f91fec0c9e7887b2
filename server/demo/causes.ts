// Why orders ship late, in one table the seeded history and the simulator share: how often each cause occurs,
// how conditions on the floor and on the road shift the mix, and what each cause does to an order.
import { CAUSES, type Cause } from '../../shared/schemas/enums';
import { HOUR_MS } from '../../shared/rules/clocks';
import { hashUnit, type Random } from './random';

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

/** What was true for an order when it was paid. All false: a normal day, and the mix is CAUSE_WEIGHTS. */
export interface Conditions {
  /** A picker of the order's zone is absent. */
  absentInZone: boolean;
  /** The order's courier depot is overloaded (爆仓). */
  overloadedCourier: boolean;
  rain: boolean;
  /** A promotion (Double 11): eight times the orders for the same people and docks. */
  surge: boolean;
}

export const NORMAL_DAY: Conditions = {
  absentInZone: false,
  overloadedCourier: false,
  rain: false,
  surge: false,
};

/** How much more likely a cause becomes under each condition (multipliers on CAUSE_WEIGHTS). */
const BOOSTS: Record<keyof Conditions, Partial<Record<Cause, number>>> = {
  absentInZone: { picker_absent: 5, short_staffed: 1.5 },
  overloadedCourier: { courier_depot_overload: 5, courier_missed_pickup: 1.5 },
  rain: { weather: 4, courier_depot_overload: 2, courier_missed_pickup: 1.5 },
  surge: { packing_backlog: 3, short_staffed: 2, courier_depot_overload: 2, out_of_stock: 1.3 },
};

export function causeWeights(c: Conditions): Record<Cause, number> {
  const w = { ...CAUSE_WEIGHTS };
  for (const key of Object.keys(BOOSTS) as (keyof Conditions)[]) {
    if (!c[key]) continue;
    for (const [cause, factor] of Object.entries(BOOSTS[key]) as [Cause, number][]) w[cause] *= factor;
  }
  return w;
}

export function sampleCause(r: Random, c: Conditions): Cause {
  const w = causeWeights(c);
  return r.weighted(CAUSES.map((cause) => [cause, w[cause]] as const));
}

/**
 * The share of orders something goes wrong for: 5% on a normal day, 12% in a surge, more where a picker is
 * missing, the courier's depot is overloaded or it rains.
 */
export function disruptionChance(c: Conditions): number {
  return (
    (c.surge ? 0.12 : 0.05) +
    (c.absentInZone ? 0.03 : 0) +
    (c.overloadedCourier ? 0.03 : 0) +
    (c.rain ? 0.02 : 0)
  );
}

/** Of the disrupted orders, the share a coordinator still gets out before the deadline (the case is "saved"). */
export const RESCUED_SHARE = 0.35;

/** Rain in Hangzhou: decided per six-hour block, about a quarter of the time; a promotion night is wet. */
export const RAIN_SHARE = 0.25;
export const rainAt = (seed: number, t: number, surge: boolean): boolean =>
  surge || hashUnit(seed, 'rain', Math.floor(t / (6 * HOUR_MS))) < RAIN_SHARE;

export type Stage = 'picking_started' | 'picked' | 'packed' | 'handed_over';

/**
 * What a cause does to a late order: the step it holds up, and how long after the deadline that step ends
 * (hours, uniform). After it the order flows normally and leaves with the courier's next pickup; a cause at
 * the handover stage means the pickups themselves fail until then.
 */
export const CAUSE_EFFECTS: Record<Cause, { stage: Stage; lateHours: readonly [number, number] }> = {
  out_of_stock: { stage: 'picked', lateHours: [2, 30] }, // stock moved from another warehouse
  pick_error: { stage: 'picked', lateHours: [0.5, 4] }, // wrong item found at packing, picked again
  mis_sort: { stage: 'handed_over', lateHours: [0.5, 6] }, // parcel in the wrong courier's cage
  picker_absent: { stage: 'picking_started', lateHours: [0.5, 8] }, // until another picker takes the zone
  short_staffed: { stage: 'picking_started', lateHours: [0.5, 6] },
  packing_backlog: { stage: 'packed', lateHours: [1, 10] },
  courier_missed_pickup: { stage: 'handed_over', lateHours: [0, 2] }, // the next pickup after the deadline
  courier_depot_overload: { stage: 'handed_over', lateHours: [2, 30] }, // the depot refuses parcels (爆仓)
  weather: { stage: 'handed_over', lateHours: [1, 12] },
  address_issue: { stage: 'packed', lateHours: [2, 24] }, // waiting for the buyer to confirm the address
  system_error: { stage: 'packed', lateHours: [0.5, 4] }, // no waybill from the platform
  merchant_delay: { stage: 'picking_started', lateHours: [4, 36] },
  other: { stage: 'packed', lateHours: [1, 12] },
};

// Moving the orders in the building forward: each order's plan (drawn once, cached while it is in flight) and
// the milestones already recorded give the steps due by now; the earliest ones, up to the per-tick limit, go
// through applyOrderEvents like a warehouse system's events, and the cases that close late get their cause.
import type { Cause } from '../../shared/schemas/enums';
import type { OrderEvent } from '../../shared/schemas/order-input';
import { MINUTE_MS } from '../../shared/rules/clocks';
import type { Db } from '../db/open';
import { applyOrderEvents } from '../orders/events';
import {
  deadlineOf,
  dueSteps,
  planOrder,
  schedule,
  type DueKind,
  type OrderPlan,
  type PlanWorld,
} from '../demo/plan';
import { absentZones } from '../demo/roster';
import { loadInFlight, recordCauses, type Directory, type InFlight } from './store';

/** Plans by order id, redrawn when the world they were drawn in (overloaded depots, the roster) changes. */
export class Planner {
  private readonly plans = new Map<string, OrderPlan>();
  private signature = '';
  private world: PlanWorld | null = null;

  constructor(
    private readonly seed: number,
    /** options.surge === true: every order is planned as in a promotion. */
    private readonly forceSurge: boolean,
  ) {}

  /** Takes this tick's directory; surgeAt says whether a promotion ran at an instant. */
  use(dir: Directory, surgeAt: (t: number) => boolean): void {
    const overloaded = dir.couriers.filter((c) => c.status === 'overloaded').map((c) => c.id);
    const signature = JSON.stringify([
      overloaded,
      dir.pickers.map((p) => [p.id, p.zoneId, p.shiftStart, p.shiftEnd]),
    ]);
    if (signature !== this.signature) this.plans.clear();
    this.signature = signature;
    const absent = new Map<number, ReadonlySet<string>>();
    this.world = {
      seed: this.seed,
      overloadedCouriers: new Set(overloaded),
      absentZones: (t) => {
        const minute = Math.floor(t / MINUTE_MS);
        let zones = absent.get(minute);
        if (!zones) absent.set(minute, (zones = absentZones(this.seed, dir.pickers, t, surgeAt(t))));
        return zones;
      },
    };
  }

  planOf(o: InFlight): OrderPlan {
    if (!this.world) throw new Error('Planner.use() first');
    let plan = this.plans.get(o.id);
    if (!plan)
      this.plans.set(o.id, (plan = planOrder({ ...o, surge: o.promo || this.forceSurge }, this.world)));
    return plan;
  }

  /** Drops the plans of orders that are no longer in flight. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.plans.keys()) if (!ids.has(id)) this.plans.delete(id);
  }
}

export interface ProgressResult {
  eventsApplied: number;
  eventsDeferred: number;
  handedOver: number;
  handedOverLate: number;
  cancelled: number;
  causesRecorded: number;
}

const STAGE_ORDER: Record<DueKind, number> = {
  picking_started: 0,
  picked: 1,
  packed: 2,
  handed_over: 3,
  cancelled: 4,
};

export async function advanceOrders(
  db: Db,
  warehouseId: string,
  planner: Planner,
  dir: Directory,
  options: { since: number; now: number; maxEvents: number },
): Promise<ProgressResult> {
  const result = {
    eventsApplied: 0,
    eventsDeferred: 0,
    handedOver: 0,
    handedOverLate: 0,
    cancelled: 0,
    causesRecorded: 0,
  };
  const inFlight = await loadInFlight(db, warehouseId);
  const cutoffs = new Map(dir.couriers.map((c) => [c.id, c.pickupCutoffs]));
  const due: { o: InFlight; plan: OrderPlan; kind: DueKind; at: number }[] = [];
  for (const o of inFlight) {
    const plan = planner.planOf(o);
    const times = schedule(o, plan, o.done, {
      since: options.since,
      cutoffs: cutoffs.get(plan.courierId) ?? [],
    });
    for (const step of dueSteps(times, o.done, options.now)) due.push({ o, plan, ...step });
  }
  planner.keepOnly(new Set(inFlight.map((o) => o.id)));
  // Earliest first, and a fixed order for ties, so the same clock always gives the same batch.
  due.sort(
    (a, b) =>
      a.at - b.at ||
      a.o.platformOrderId.localeCompare(b.o.platformOrderId) ||
      STAGE_ORDER[a.kind] - STAGE_ORDER[b.kind],
  );
  const batch = due.slice(0, options.maxEvents);
  result.eventsDeferred = due.length - batch.length;
  if (!batch.length) return result;
  const events = batch.map(({ o, plan, kind, at }): OrderEvent => {
    const key = { platform: o.platform as OrderEvent['platform'], platformOrderId: o.platformOrderId, at };
    return kind === 'packed'
      ? { kind, ...key, courierId: plan.courierId, waybill: plan.waybill }
      : { kind, ...key };
  });
  const applied = await applyOrderEvents(db, [warehouseId], events, options.now);
  const late = new Map<string, Cause>();
  for (const [i, { o, plan, kind, at }] of batch.entries()) {
    if (applied[i]?.status !== 'applied') continue;
    result.eventsApplied++;
    if (kind === 'cancelled') result.cancelled++;
    if (kind !== 'handed_over') continue;
    result.handedOver++;
    if (at > deadlineOf(o)) late.set(o.id, plan.cause);
  }
  result.handedOverLate = late.size;
  result.causesRecorded = await recordCauses(db, warehouseId, late);
  return result;
}

// An order's fate, drawn once from the seed and the order's own number: the courier, whether something goes
// wrong and why (CAUSE_WEIGHTS under the conditions when it was paid), and how long each step takes. From the
// plan and the milestones already reached, `schedule` says when every remaining step happens. Both are pure, so
// the simulator can forget everything between ticks and after a restart and still continue the same story.
import type { Cause, Perishability } from '../../shared/schemas/enums';
import { HOUR_MS, MINUTE_MS, WARNING_LEAD_MINUTES } from '../../shared/rules/clocks';
import { CAUSE_EFFECTS, disruptionChance, rainAt, RESCUED_SHARE, sampleCause, type Stage } from './causes';
import { pickCourier, waybillFor } from './orders';
import { hashSeed, Random } from './random';
import { cutoffAfter } from './time';

export interface PlanInput {
  platform: string;
  platformOrderId: string;
  category: string;
  perishability: Perishability;
  paidAt: number;
  shipBy: number | null;
  zoneId: string | null;
  courierId: string | null;
  /** Promotion conditions: eight times the orders for the same pickers and docks. */
  surge: boolean;
}

export interface PlanWorld {
  seed: number;
  overloadedCouriers: ReadonlySet<string>;
  /** Zones with a picker absent at t. */
  absentZones(t: number): ReadonlySet<string>;
}

export interface OrderPlan {
  /** Why the order is late if it ends up late (drawn for every order, used only then). */
  cause: Cause;
  /** Something goes wrong: the cause's step is held up until around the deadline. */
  disrupted: boolean;
  /** A disrupted order a coordinator gets out just before the deadline (green channel). */
  rescued: boolean;
  courierId: string;
  waybill: string;
  waitMs: number;
  pickMs: number;
  packMs: number;
  /** For a disrupted order: how far past the deadline (or, rescued, before it) the held step ends. */
  holdMs: number;
  cancelAt: number | null;
}

export interface Progress {
  pickingStartedAt: number | null;
  pickedAt: number | null;
  packedAt: number | null;
  handedOverAt: number | null;
  cancelledAt: number | null;
}

export const NO_PROGRESS: Progress = {
  pickingStartedAt: null,
  pickedAt: null,
  packedAt: null,
  handedOverAt: null,
  cancelledAt: null,
};

/** Time from packed to ready at the dock; steps after a rescue take minutes. */
const DOCK_MS = 20 * MINUTE_MS;
const FAST_MS = 8 * MINUTE_MS;
const minutes = (r: Random, min: number, max: number) => Math.round(r.between(min, max)) * MINUTE_MS;

export const deadlineOf = (o: { paidAt: number; shipBy: number | null }): number =>
  o.shipBy ?? o.paidAt + 48 * HOUR_MS;

export function planOrder(o: PlanInput, world: PlanWorld): OrderPlan {
  const r = new Random(hashSeed(world.seed, o.platform, o.platformOrderId));
  // Always draw the courier and waybill, so the plan does not change once the order carries them.
  const drawn = pickCourier(r, o.platform, o.category);
  const courierId = o.courierId ?? drawn;
  const waybill = waybillFor(r, courierId);
  const conditions = {
    absentInZone: o.zoneId !== null && world.absentZones(o.paidAt).has(o.zoneId),
    overloadedCourier: world.overloadedCouriers.has(courierId),
    rain: rainAt(world.seed, o.paidAt, o.surge),
    surge: o.surge,
  };
  const cause = sampleCause(r, conditions);
  const disrupted = r.chance(disruptionChance(conditions));
  const rescued = r.chance(RESCUED_SHARE);
  const waitMs = o.surge ? minutes(r, 60, 600) : minutes(r, 20, 180);
  const pickMs = minutes(r, 8, 45);
  const packMs = o.surge ? minutes(r, 30, 240) : minutes(r, 10, 90);
  const [lo, hi] = CAUSE_EFFECTS[cause].lateHours;
  const lateMs = Math.round(r.between(lo, hi) * 60) * MINUTE_MS;
  // A rescue lands after the case opened (the warning lead) and leaves time for the fast steps.
  const rescueMs = Math.round(WARNING_LEAD_MINUTES[o.perishability] * r.between(0.35, 0.8)) * MINUTE_MS;
  const deadline = deadlineOf(o);
  const cancelAt =
    disrupted && !rescued
      ? r.chance(0.1)
        ? deadline + minutes(r, 60, 720)
        : null
      : r.chance(0.012)
        ? o.paidAt + minutes(r, 5, 180)
        : null;
  return {
    cause,
    disrupted,
    rescued: disrupted && rescued,
    courierId,
    waybill,
    waitMs,
    pickMs,
    packMs,
    holdMs: disrupted && rescued ? -rescueMs : lateMs,
    cancelAt,
  };
}

export interface ScheduleContext {
  /** The simulator acts from this instant on: nothing it schedules happens earlier (-Infinity: no limit). */
  since: number;
  /** The courier's pickup cut-offs ("HH:MM", warehouse time). */
  cutoffs: readonly string[];
}

/** When each step happens (reached ones at their recorded time); cancelledAt only if it comes first. */
export function schedule(
  o: { paidAt: number; shipBy: number | null },
  plan: OrderPlan,
  done: Progress,
  ctx: ScheduleContext,
): Progress & { handedOverAt: number } {
  const held: Stage | null = plan.disrupted ? CAUSE_EFFECTS[plan.cause].stage : null;
  const holdUntil = deadlineOf(o) + plan.holdMs;
  let fast = false;
  const step = (stage: Stage, reached: number | null, after: number, durationMs: number): number => {
    if (reached !== null) return reached;
    let at = Math.max(after, ctx.since) + (fast ? FAST_MS : durationMs);
    if (stage === held) {
      at = Math.max(at, holdUntil);
      fast = plan.rescued;
    }
    return at;
  };
  const pickingStartedAt = step('picking_started', done.pickingStartedAt, o.paidAt, plan.waitMs);
  const pickedAt = step('picked', done.pickedAt, pickingStartedAt, plan.pickMs);
  const packedAt = step('packed', done.packedAt, pickedAt, plan.packMs);
  // Parcels leave with the courier's next pickup, except a rescued one (a green-channel pickup on request).
  const ready = step('handed_over', null, packedAt, DOCK_MS);
  const handedOverAt = done.handedOverAt ?? (fast ? ready : cutoffAfter(ready, ctx.cutoffs));
  // A cancellation due before the simulator started happens once it runs (spread like a first step).
  const cancel =
    plan.cancelAt === null ? null : plan.cancelAt < ctx.since ? ctx.since + plan.waitMs : plan.cancelAt;
  const cancelledAt = done.cancelledAt ?? (cancel !== null && cancel < handedOverAt ? cancel : null);
  return { pickingStartedAt, pickedAt, packedAt, handedOverAt, cancelledAt };
}

export type DueKind = Stage | 'cancelled';
const STAGES: readonly Stage[] = ['picking_started', 'picked', 'packed', 'handed_over'];
const FIELD = {
  picking_started: 'pickingStartedAt',
  picked: 'pickedAt',
  packed: 'packedAt',
  handed_over: 'handedOverAt',
} as const;

/** The steps not yet recorded whose time has come by `now`, in order; nothing after a cancellation. */
export function dueSteps(plan: Progress, done: Progress, now: number): { kind: DueKind; at: number }[] {
  if (done.handedOverAt !== null || done.cancelledAt !== null) return [];
  const reached = Math.max(-1, ...STAGES.map((s, i) => (done[FIELD[s]] !== null ? i : -1)));
  const steps: { kind: DueKind; at: number }[] = [];
  for (const stage of STAGES.slice(reached + 1)) {
    const at = plan[FIELD[stage]];
    if (at === null || at > now || (plan.cancelledAt !== null && at >= plan.cancelledAt)) break;
    steps.push({ kind: stage, at });
  }
  if (plan.cancelledAt !== null && plan.cancelledAt <= now)
    steps.push({ kind: 'cancelled', at: plan.cancelledAt });
  return steps;
}

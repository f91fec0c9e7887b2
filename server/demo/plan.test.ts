import { describe, expect, it } from 'vitest';
import { perishabilityOf } from '../../shared/rules/perishability';
import { WARNING_LEAD_MINUTES } from '../../shared/rules/clocks';
import { COURIERS } from './catalog';
import { orderFacts, pickKind } from './orders';
import {
  deadlineOf,
  dueSteps,
  NO_PROGRESS,
  planOrder,
  schedule,
  type PlanInput,
  type PlanWorld,
} from './plan';
import { Random } from './random';
import { minuteOfDay, toMinutes } from './time';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 11, 2); // 10:00 in Hangzhou
const CUTOFFS = new Map(COURIERS.map((c) => [`cr-${c.key}`, [...c.cutoffs]]));
const world: PlanWorld = { seed: 11, overloadedCouriers: new Set(['cr-zto']), absentZones: () => new Set() };

function inputs(n: number, seed = 5): PlanInput[] {
  const r = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const { platform, category } = pickKind(r);
    const facts = orderFacts(r, platform, category, T0 + i * 60_000);
    const shipBy = facts.paidAt + (category.label === '生鲜' ? 24 : 48) * H;
    return { ...facts, perishability: perishabilityOf(facts.category), shipBy, surge: false };
  });
}
const ctx = (courierId: string, since = Number.NEGATIVE_INFINITY) => ({
  since,
  cutoffs: CUTOFFS.get(courierId)!,
});

describe('order plans', () => {
  it('are the same for the same seed and order, and do not change once the order has its courier', () => {
    for (const o of inputs(200)) {
      const plan = planOrder(o, world);
      expect(planOrder(o, world)).toEqual(plan);
      expect(planOrder({ ...o, courierId: plan.courierId }, world)).toEqual(plan);
    }
    const plans = (seed: number) => inputs(50).map((o) => planOrder(o, { ...world, seed }));
    expect(plans(1)).not.toEqual(plans(2));
  });

  it('let most orders flow on time, make disrupted ones late and rescued ones just in time', () => {
    const orders = inputs(6000);
    let disrupted = 0;
    let rescued = 0;
    for (const o of orders) {
      const plan = planOrder(o, world);
      const s = schedule(o, plan, NO_PROGRESS, ctx(plan.courierId));
      expect(s.pickingStartedAt! <= s.pickedAt! && s.pickedAt! <= s.packedAt!).toBe(true);
      expect(s.packedAt!).toBeLessThanOrEqual(s.handedOverAt);
      const deadline = deadlineOf(o);
      if (!plan.disrupted) expect(s.handedOverAt).toBeLessThanOrEqual(deadline);
      else if (plan.rescued) {
        rescued++;
        expect(s.handedOverAt).toBeLessThanOrEqual(deadline);
        expect(s.handedOverAt).toBeGreaterThan(deadline - WARNING_LEAD_MINUTES[o.perishability] * 60_000);
      } else {
        disrupted++;
        expect(s.handedOverAt).toBeGreaterThan(deadline);
      }
      // Normal handovers happen at one of the courier's pickup cut-offs.
      if (!plan.rescued)
        expect(CUTOFFS.get(plan.courierId)!.map(toMinutes)).toContain(minuteOfDay(s.handedOverAt));
    }
    const share = (disrupted + rescued) / orders.length;
    expect(share).toBeGreaterThan(0.04); // 5% plus the overloaded courier's extra
    expect(share).toBeLessThan(0.08);
    expect(rescued / (disrupted + rescued)).toBeGreaterThan(0.2);
  });

  it('send more of the overloaded courier parcels late for its depot', () => {
    const counts = { zto: 0, other: 0 };
    for (const o of inputs(20000, 9)) {
      const plan = planOrder(o, world);
      if (plan.disrupted && plan.cause === 'courier_depot_overload')
        counts[plan.courierId === 'cr-zto' ? 'zto' : 'other']++;
    }
    // ZTO carries about a fifth of the parcels but most of the depot-overload delays.
    expect(counts.zto).toBeGreaterThan(counts.other);
  });

  it('never schedule a step before the simulator started, and keep the steps already done', () => {
    const since = T0 + 72 * H;
    for (const o of inputs(300)) {
      const plan = planOrder(o, world);
      const done = { ...NO_PROGRESS, pickingStartedAt: o.paidAt + H };
      const s = schedule(o, plan, done, ctx(plan.courierId, since));
      expect(s.pickingStartedAt).toBe(o.paidAt + H);
      for (const t of [s.pickedAt!, s.packedAt!, s.handedOverAt]) expect(t).toBeGreaterThan(since);
      if (s.cancelledAt !== null) expect(s.cancelledAt).toBeGreaterThan(since);
    }
  });
});

describe('due steps', () => {
  const times = { pickingStartedAt: 10, pickedAt: 20, packedAt: 30, handedOverAt: 40, cancelledAt: null };
  it('lists the steps whose time has come, in order, and nothing in the future', () => {
    expect(dueSteps(times, NO_PROGRESS, 25)).toEqual([
      { kind: 'picking_started', at: 10 },
      { kind: 'picked', at: 20 },
    ]);
    expect(
      dueSteps(times, { ...NO_PROGRESS, pickingStartedAt: 10, pickedAt: 20 }, 45).map((s) => s.kind),
    ).toEqual(['packed', 'handed_over']);
    expect(dueSteps(times, { ...NO_PROGRESS, handedOverAt: 40 }, 100)).toEqual([]);
  });

  it('stops at a cancellation', () => {
    const cancelled = { ...times, cancelledAt: 25 };
    expect(dueSteps(cancelled, NO_PROGRESS, 100)).toEqual([
      { kind: 'picking_started', at: 10 },
      { kind: 'picked', at: 20 },
      { kind: 'cancelled', at: 25 },
    ]);
  });
});

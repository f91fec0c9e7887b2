// The extra orders of the surge world: paid inside the promotion window up to now, spread over the hours like
// a real Double 11 (night lull, evening peaks), and already as far along as their plans say: the same plans
// the simulator follows, so seeded and simulated orders behave alike when the simulator takes over.
import type { Courier, Picker } from '../../shared/schemas/directory';
import type { Promotion } from '../../shared/rules/platform-rules';
import type { OrderInput } from '../../shared/schemas/order-input';
import { MINUTE_MS } from '../../shared/rules/clocks';
import { perishabilityOf } from '../../shared/rules/perishability';
import { orderFacts, pickKind } from './orders';
import { NO_PROGRESS, planOrder, schedule, type PlanWorld } from './plan';
import { hashSeed, Random } from './random';
import { ordersPerMinute } from './rhythm';
import { absentZones } from './roster';

export interface PromoOrderOptions {
  seed: number;
  now: number;
  count: number;
  promotion: Promotion;
  pickers: readonly Picker[];
  couriers: readonly Courier[];
}

/** Payment times following the day's rhythm over [from, to): inverse sampling over the minutes. */
function paidTimes(r: Random, from: number, to: number, count: number): number[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let t = from; t < to; t += MINUTE_MS) cumulative.push((total += ordersPerMinute(t, 1)));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    times.push(from + lo * MINUTE_MS + Math.floor(r.next() * MINUTE_MS));
  }
  return times.sort((a, b) => a - b);
}

export function promoOrders(options: PromoOrderOptions): OrderInput[] {
  const { seed, now, promotion } = options;
  const r = new Random(hashSeed(seed, 'promo-orders'));
  const world: PlanWorld = {
    seed,
    overloadedCouriers: new Set(options.couriers.filter((c) => c.status === 'overloaded').map((c) => c.id)),
    absentZones: (t) => absentZones(seed, options.pickers, t, true),
  };
  const cutoffs = new Map(options.couriers.map((c) => [c.id, c.pickupCutoffs]));
  const until = Math.min(now, promotion.paidUntil);
  return paidTimes(r, promotion.paidFrom, until, options.count).map((paidAt) => {
    const { platform, category } = pickKind(r);
    const facts = orderFacts(r, platform, category, paidAt);
    const input = {
      ...facts,
      perishability: perishabilityOf(facts.category),
      shipBy: promotion.shipBy,
      surge: true,
    };
    const plan = planOrder(input, world);
    const s = schedule(input, plan, NO_PROGRESS, {
      since: Number.NEGATIVE_INFINITY,
      cutoffs: cutoffs.get(plan.courierId) ?? [],
    });
    // Only what has happened by now; the simulator does the rest.
    const past = (t: number | null) => (t !== null && t <= now ? t : null);
    const cancelledAt = past(s.cancelledAt);
    const before = (t: number | null) =>
      cancelledAt !== null && t !== null && t >= cancelledAt ? null : past(t);
    const packedAt = before(s.packedAt);
    return {
      ...facts,
      courierId: packedAt !== null ? plan.courierId : null,
      waybill: packedAt !== null ? plan.waybill : null,
      pickingStartedAt: before(s.pickingStartedAt),
      pickedAt: before(s.pickedAt),
      packedAt,
      waybillAt: packedAt,
      handedOverAt: before(s.handedOverAt),
      cancelledAt,
    };
  });
}

import { describe, expect, it } from 'vitest';
import { buildDemoWorld, demoPromotion } from './world';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 11, 2); // Double 11, 10:00 in Hangzhou
const milestones = (o: ReturnType<typeof buildDemoWorld>['orders'][number]) =>
  [o.paidAt, o.pickingStartedAt, o.pickedAt, o.packedAt, o.handedOverAt, o.cancelledAt].filter(
    (t): t is number => t !== null,
  );

describe('the demo world', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = buildDemoWorld({ seed: 4, now: T0, orders: 300, surge: true });
    expect(buildDemoWorld({ seed: 4, now: T0, orders: 300, surge: true })).toEqual(a);
    expect(buildDemoWorld({ seed: 5, now: T0, orders: 300, surge: true }).orders).not.toEqual(a.orders);
  });

  it('has nothing paid or done after now, and no promotion on a normal day', () => {
    const world = buildDemoWorld({ seed: 11, now: T0, orders: 2000 });
    expect(world.promotion).toBeNull();
    expect(world.orders).toHaveLength(2000);
    for (const o of world.orders) for (const t of milestones(o)) expect(t).toBeLessThanOrEqual(T0);
    expect(world.orders.some((o) => o.expectedShipBy < T0 && o.handedOverAt === null)).toBe(true); // overdue now
    expect(world.couriers.filter((c) => c.status === 'overloaded').map((c) => c.id)).toEqual(['cr-zto']);
  });
});

describe('the surge world (Double 11 drill)', () => {
  const normal = buildDemoWorld({ seed: 11, now: T0, orders: 500 });
  const surge = buildDemoWorld({ seed: 11, now: T0, orders: 500, surge: true });
  const promo = surge.promotion!;

  it('runs a promotion paid from two days ago to a day from now, shipping by 23:59 the day after', () => {
    expect(promo).toEqual(demoPromotion(T0));
    expect(promo).toMatchObject({
      name: '双11 大促演练',
      platforms: null,
      paidFrom: T0 - 48 * H,
      paidUntil: T0 + 24 * H,
    });
    expect(promo.shipBy).toBe(Date.UTC(2026, 10, 13, 15, 59)); // 13 November 23:59 in Hangzhou
  });

  it('has eight times the orders, the extra ones paid inside the window with the promotion ship-by', () => {
    expect(surge.orders).toHaveLength(8 * 500);
    expect(surge.orders.slice(0, 500).map((o) => o.platformOrderId)).toEqual(
      normal.orders.map((o) => o.platformOrderId),
    );
    const extra = surge.orders.slice(500);
    for (const o of extra) {
      expect(o.paidAt).toBeGreaterThanOrEqual(promo.paidFrom);
      expect(o.paidAt).toBeLessThanOrEqual(T0);
      expect(o.expectedShipBy).toBe(promo.shipBy);
      for (const t of milestones(o)) expect(t).toBeLessThanOrEqual(T0);
    }
    // The warehouse is behind: some promotion orders have left, many are still waiting.
    const shipped = extra.filter((o) => o.handedOverAt !== null).length / extra.length;
    const waiting = extra.filter((o) => o.pickingStartedAt === null && o.cancelledAt === null).length;
    expect(shipped).toBeGreaterThan(0.3);
    expect(waiting).toBeGreaterThan(50);
    // Follows the day's rhythm: more paid between 20:00 and 23:00 than between 02:00 and 05:00 (Hangzhou).
    const hour = (t: number) => new Date(t + 8 * H).getUTCHours();
    const count = (from: number, to: number) =>
      extra.filter((o) => hour(o.paidAt) >= from && hour(o.paidAt) < to).length;
    expect(count(20, 23)).toBeGreaterThan(4 * count(2, 5));
  });

  it('is short of pickers and has the ZTO depot overloaded', () => {
    expect(surge.pickers.filter((p) => p.status === 'absent')).toHaveLength(2);
    expect(surge.couriers.find((c) => c.id === 'cr-zto')?.status).toBe('overloaded');
  });
});

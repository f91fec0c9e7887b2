import { describe, expect, it } from 'vitest';
import { CAUSES, type Cause } from '../../shared/schemas/enums';
import {
  CAUSE_EFFECTS,
  CAUSE_WEIGHTS,
  disruptionChance,
  NORMAL_DAY,
  rainAt,
  sampleCause,
  type Conditions,
} from './causes';
import { Random } from './random';

const N = 40_000;
function shares(conditions: Conditions, seed = 2026): Record<Cause, number> {
  const r = new Random(seed);
  const counts = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
  for (let i = 0; i < N; i++) counts[sampleCause(r, conditions)]++;
  return Object.fromEntries(CAUSES.map((c) => [c, counts[c] / N])) as Record<Cause, number>;
}
const total = CAUSES.reduce((s, c) => s + CAUSE_WEIGHTS[c], 0);

describe('cause sampling', () => {
  it('follows CAUSE_WEIGHTS on a normal day, within a percentage point per cause', () => {
    const s = shares(NORMAL_DAY);
    for (const c of CAUSES) expect(Math.abs(s[c] - CAUSE_WEIGHTS[c] / total), c).toBeLessThan(0.01);
    expect(s.out_of_stock).toBeGreaterThan(s.packing_backlog); // the most common cause stays first
  });

  it('shifts the mix where the conditions make a cause likelier', () => {
    const normal = shares(NORMAL_DAY);
    expect(shares({ ...NORMAL_DAY, absentInZone: true }).picker_absent).toBeGreaterThan(
      normal.picker_absent * 3,
    );
    expect(shares({ ...NORMAL_DAY, surge: true }).packing_backlog).toBeGreaterThan(
      normal.packing_backlog * 1.8,
    );
    const overloaded = shares({ ...NORMAL_DAY, overloadedCourier: true });
    expect(overloaded.courier_depot_overload).toBeGreaterThan(normal.courier_depot_overload * 3);
    expect(shares({ ...NORMAL_DAY, rain: true }).weather).toBeGreaterThan(normal.weather * 3);
  });

  it('is the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 50 }, () => sampleCause(r, NORMAL_DAY));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe('disruptions', () => {
  it('hit few orders on a normal day and more than twice as many in a surge', () => {
    expect(disruptionChance(NORMAL_DAY)).toBe(0.05);
    expect(disruptionChance({ ...NORMAL_DAY, surge: true })).toBeGreaterThan(
      2 * disruptionChance(NORMAL_DAY),
    );
    const worst = { absentInZone: true, overloadedCourier: true, rain: true, surge: true };
    expect(disruptionChance(worst)).toBeLessThan(0.25); // most orders still flow on time
  });

  it('give every cause an effect that ends after the deadline', () => {
    for (const c of CAUSES) {
      const [lo, hi] = CAUSE_EFFECTS[c].lateHours;
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeGreaterThan(lo);
    }
    expect(CAUSE_EFFECTS.out_of_stock.lateHours[1]).toBeGreaterThanOrEqual(24); // stock-outs stall for many hours
  });

  it('rain falls about a quarter of the time, and always on a promotion night', () => {
    const blocks = Array.from({ length: 4000 }, (_, i) => rainAt(11, i * 6 * 3_600_000, false));
    const share = blocks.filter(Boolean).length / blocks.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    expect(rainAt(11, 0, true)).toBe(true);
  });
});

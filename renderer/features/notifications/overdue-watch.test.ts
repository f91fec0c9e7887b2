import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../../shared/test-data';
import { isCritical, OverdueWatch } from './overdue-watch';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const MIN = 60_000;

describe('critical overdue alerts', () => {
  it('calls fresh and frozen goods and a penalty of ¥50 or more critical', () => {
    expect(isCritical(sampleCase({ perishability: 'fresh' }))).toBe(true);
    expect(isCritical(sampleCase({ perishability: 'frozen' }))).toBe(true);
    expect(isCritical(sampleCase({ perishability: 'food', penaltyFen: 4_999 }))).toBe(false);
    expect(isCritical(sampleCase({ perishability: 'durable', penaltyFen: 5_000 }))).toBe(true);
  });

  it('takes stock on the first scan, then alerts each critical case once when it turns overdue', () => {
    const already = sampleCase({ id: 'already', perishability: 'fresh', shipBy: NOW - MIN });
    const soon = sampleCase({ id: 'soon', perishability: 'frozen', shipBy: NOW + 2 * MIN });
    const plain = sampleCase({ id: 'plain', shipBy: NOW + MIN });
    const watch = new OverdueWatch();
    expect(watch.scan([already, soon, plain], NOW)).toEqual({ overdueOpen: 1, newlyCritical: [] });
    expect(watch.scan([already, soon, plain], NOW + MIN)).toEqual({ overdueOpen: 2, newlyCritical: [] });
    const turned = watch.scan([already, soon, plain], NOW + 3 * MIN);
    expect(turned.overdueOpen).toBe(3);
    expect(turned.newlyCritical.map((c) => c.id)).toEqual(['soon']);
    expect(watch.scan([already, soon, plain], NOW + 4 * MIN).newlyCritical).toEqual([]);
  });

  it('ignores closed cases and counts a case that arrives already overdue as new', () => {
    const watch = new OverdueWatch();
    watch.scan([], NOW);
    const arrived = sampleCase({ id: 'arrived', penaltyFen: 8_000, shipBy: NOW - 5 * MIN });
    const closed = sampleCase({ id: 'closed', perishability: 'fresh', shipBy: NOW - MIN, status: 'closed' });
    const result = watch.scan([arrived, closed], NOW);
    expect(result.overdueOpen).toBe(1);
    expect(result.newlyCritical.map((c) => c.id)).toEqual(['arrived']);
  });

  it('does not alert again when a case leaves overdue (a delay) and comes back', () => {
    const watch = new OverdueWatch();
    const c = sampleCase({ id: 'c', perishability: 'fresh', shipBy: NOW + MIN });
    watch.scan([c], NOW);
    expect(watch.scan([c], NOW + 2 * MIN).newlyCritical).toHaveLength(1);
    const delayed = { ...c, shipBy: NOW + 10 * MIN };
    watch.scan([delayed], NOW + 3 * MIN);
    expect(watch.scan([delayed], NOW + 11 * MIN).newlyCritical).toEqual([]);
  });

  it('gives the same result in slices as at once, and sees cases added between slices', () => {
    const cases = new Map(
      Array.from({ length: 3_000 }, (_, i) => {
        const c = sampleCase({
          id: `c${i}`,
          perishability: i % 3 === 0 ? 'fresh' : 'durable',
          shipBy: NOW - MIN - (i % 7) * 1_000,
        });
        return [c.id, c] as const;
      }),
    );
    const whole = new OverdueWatch();
    const sliced = new OverdueWatch();
    whole.scan(cases.values(), NOW - 2 * MIN);
    sliced.scan(cases.values(), NOW - 2 * MIN);
    const expected = whole.scan([...cases.values()], NOW);

    const pass = sliced.begin(NOW);
    const it = cases.values();
    let slices = 0;
    let allowed = 0;
    // Each slice may go on for two checks: the pass stops at a check, never in between.
    while (!pass.take(it, () => allowed-- > 0)) {
      slices++;
      allowed = 1;
    }
    const result = pass.finish();
    expect(slices).toBeGreaterThan(2);
    expect(expected.overdueOpen).toBe(3_000);
    expect(result.overdueOpen).toBe(expected.overdueOpen);
    expect(result.newlyCritical.map((c) => c.id)).toEqual(expected.newlyCritical.map((c) => c.id));

    const late = sliced.begin(NOW);
    const it2 = cases.values();
    expect(late.take(it2, () => false)).toBe(false);
    const arrived = sampleCase({ id: 'arrived', perishability: 'frozen', shipBy: NOW - MIN });
    cases.set(arrived.id, arrived);
    expect(late.take(it2, () => true)).toBe(true);
    expect(late.finish().newlyCritical.map((c) => c.id)).toEqual(['arrived']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM_RULES } from './platform-defaults';
import { penaltyFen, type PenaltyFormula } from './penalty';

const rule = (id: string) => DEFAULT_PLATFORM_RULES.find((r) => r.id === id)!.penalty;

describe('platform penalties', () => {
  it('Taobao: 5% of the price, at least 5 and at most 30 yuan', () => {
    expect(penaltyFen(rule('taobao-default'), 2_000)).toBe(500);
    expect(penaltyFen(rule('taobao-default'), 30_000)).toBe(1_500);
    expect(penaltyFen(rule('taobao-default'), 1_000_000)).toBe(3_000);
  });

  it('Tmall and JD: 30%, at most 500 yuan', () => {
    expect(penaltyFen(rule('tmall-default'), 10_000)).toBe(3_000);
    expect(penaltyFen(rule('jd-default'), 1_000_000)).toBe(50_000);
  });

  it('Pinduoduo: a 3 yuan coupon per late order', () => {
    expect(penaltyFen(rule('pdd-default'), 1)).toBe(300);
    expect(penaltyFen(rule('pdd-default'), 9_999_999)).toBe(300);
  });

  it('Douyin: nothing up to 3 yuan, 3 yuan up to 300, then 1% at most 30 yuan', () => {
    const douyin = rule('douyin-default');
    expect(penaltyFen(douyin, 299)).toBe(0);
    expect(penaltyFen(douyin, 300)).toBe(300);
    expect(penaltyFen(douyin, 29_999)).toBe(300);
    expect(penaltyFen(douyin, 30_000)).toBe(300);
    expect(penaltyFen(douyin, 100_000)).toBe(1_000);
    expect(penaltyFen(douyin, 10_000_000)).toBe(3_000);
  });

  it('is never negative and never falls as the order value rises (for share and fixed formulas)', () => {
    const formula = fc.oneof(
      fc.record({
        kind: fc.constant('share' as const),
        rate: fc.double({ min: 0, max: 1, noNaN: true }),
        minFen: fc.nat(10_000),
        maxFen: fc.option(fc.nat(100_000), { nil: null }),
      }),
      fc.record({ kind: fc.constant('fixed' as const), fen: fc.nat(10_000) }),
    );
    fc.assert(
      fc.property(formula, fc.nat(10_000_000), fc.nat(10_000_000), (f: PenaltyFormula, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(penaltyFen(f, lo)).toBeGreaterThanOrEqual(0);
        if (f.kind === 'share' && f.maxFen !== null && f.maxFen < f.minFen) return;
        expect(penaltyFen(f, hi)).toBeGreaterThanOrEqual(penaltyFen(f, lo));
      }),
    );
  });

  it('records a source for every seeded rule, and which figures are unconfirmed', () => {
    for (const r of DEFAULT_PLATFORM_RULES) expect(r.source.length).toBeGreaterThan(10);
    expect(DEFAULT_PLATFORM_RULES.filter((r) => !r.confirmed).map((r) => r.id)).toContain('pdd-default');
  });
});

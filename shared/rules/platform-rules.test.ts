import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM_RULES } from './platform-defaults';
import { pickupBy, resolveDeadline, ruleFor, type Promotion } from './platform-rules';

const H = 3_600_000;
const paidAt = Date.UTC(2026, 10, 11, 2, 0); // Double 11, 10:00 in Hangzhou
const double11: Promotion = {
  id: 'd11',
  name: '双11',
  platforms: null,
  paidFrom: Date.UTC(2026, 10, 10, 16, 0),
  paidUntil: Date.UTC(2026, 10, 13, 15, 59, 59),
  shipBy: Date.UTC(2026, 10, 16, 15, 59),
};

describe('ship-by deadline', () => {
  it("takes the order's own promise first", () => {
    const d = resolveDeadline(
      { platform: 'tmall', category: '服饰', paidAt, promisedShipBy: paidAt + 5 * H },
      DEFAULT_PLATFORM_RULES,
      [double11],
    );
    expect(d).toMatchObject({ shipBy: paidAt + 5 * H, source: 'order' });
  });

  it('then an active promotion', () => {
    const d = resolveDeadline(
      { platform: 'tmall', category: '服饰', paidAt, promisedShipBy: null },
      DEFAULT_PLATFORM_RULES,
      [double11],
    );
    expect(d).toMatchObject({ shipBy: double11.shipBy, source: 'promotion' });
    const after = resolveDeadline(
      { platform: 'tmall', category: '服饰', paidAt: double11.paidUntil + 1, promisedShipBy: null },
      DEFAULT_PLATFORM_RULES,
      [double11],
    );
    expect(after.source).toBe('platform_default');
  });

  it('then the platform rule for the category, then the platform default', () => {
    const fresh = resolveDeadline(
      { platform: 'jd', category: '生鲜', paidAt, promisedShipBy: null },
      DEFAULT_PLATFORM_RULES,
      [],
    );
    expect(fresh).toMatchObject({ shipBy: paidAt + 24 * H, source: 'category_rule' });
    const apparel = resolveDeadline(
      { platform: 'jd', category: '服饰', paidAt, promisedShipBy: null },
      DEFAULT_PLATFORM_RULES,
      [],
    );
    expect(apparel).toMatchObject({ shipBy: paidAt + 48 * H, source: 'platform_default' });
  });

  it('has no deadline for a platform without rules and without a promise', () => {
    expect(
      resolveDeadline({ platform: 'olist', category: 'x', paidAt, promisedShipBy: null }, [], []),
    ).toMatchObject({ shipBy: null, source: 'none' });
  });

  it('only lets a promotion apply to its platforms', () => {
    const jdOnly = { ...double11, platforms: ['jd' as const] };
    expect(
      resolveDeadline(
        { platform: 'pdd', category: '', paidAt, promisedShipBy: null },
        DEFAULT_PLATFORM_RULES,
        [jdOnly],
      ).source,
    ).toBe('platform_default');
  });

  it('runs the pickup clock from the waybill', () => {
    const pdd = ruleFor(DEFAULT_PLATFORM_RULES, 'pdd', '服饰');
    expect(pickupBy(pdd, paidAt)).toBe(paidAt + 24 * H);
    expect(pickupBy(pdd, null)).toBeNull();
    expect(pickupBy(ruleFor(DEFAULT_PLATFORM_RULES, 'taobao', '服饰'), paidAt)).toBeNull();
  });
});

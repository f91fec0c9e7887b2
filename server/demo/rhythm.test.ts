import { describe, expect, it } from 'vitest';
import { expectedOrders, HOURLY_SHAPE, NORMAL_ORDERS_PER_DAY, ordersPerMinute, SURGE_FACTOR } from './rhythm';
import { dayStart } from './time';

const H = 3_600_000;
/** Midnight in Hangzhou on 12 November 2026. */
const MIDNIGHT = dayStart(Date.UTC(2026, 10, 12, 4));
const at = (hour: number) => MIDNIGHT + hour * H;
const rate = (hour: number) => ordersPerMinute(at(hour), NORMAL_ORDERS_PER_DAY);

describe('the day rhythm', () => {
  it('adds up to the orders of a day, and eight times that in a surge', () => {
    expect(expectedOrders(MIDNIGHT, MIDNIGHT + 24 * H, NORMAL_ORDERS_PER_DAY)).toBeCloseTo(2000, 0);
    expect(expectedOrders(MIDNIGHT, MIDNIGHT + 24 * H, NORMAL_ORDERS_PER_DAY * SURGE_FACTOR)).toBeCloseTo(
      16000,
      -1,
    );
  });

  it('is quiet at night and peaks around 10:00 and 20:00-22:00', () => {
    expect(HOURLY_SHAPE).toHaveLength(24);
    const night = Math.max(rate(2.5), rate(3.5), rate(4.5));
    expect(night * 6).toBeLessThan(rate(10.5));
    // 10:00 is a local maximum of the morning, the evening peak is the day's highest.
    expect(rate(10.5)).toBeGreaterThan(rate(8.5));
    expect(rate(10.5)).toBeGreaterThan(rate(13.5));
    const evening = Math.max(rate(20.5), rate(21.5));
    for (let h = 0; h < 24; h++) if (h < 20 || h > 22) expect(rate(h + 0.5)).toBeLessThan(evening);
  });

  it('changes smoothly from minute to minute (no step at the top of the hour)', () => {
    for (let h = 0; h < 24; h++) {
      const before = ordersPerMinute(at(h) - 60_000, 2000);
      const after = ordersPerMinute(at(h), 2000);
      expect(Math.abs(after - before)).toBeLessThan(0.02);
    }
  });
});

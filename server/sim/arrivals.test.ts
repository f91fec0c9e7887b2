import { describe, expect, it } from 'vitest';
import { dayStart } from '../demo/time';
import { arrivalsInMinute, arrivalsUntil } from './arrivals';

const M = 60_000;
const H = 60 * M;
const DAY = dayStart(Date.UTC(2026, 10, 12, 4)); // midnight in Hangzhou
const perDay = (orders: { paidAt: number }[]) => orders.length;

describe('new orders', () => {
  it('are drawn from the seed and the minute alone', () => {
    const minute = DAY + 10 * H;
    expect(arrivalsInMinute(3, minute, 16000)).toEqual(arrivalsInMinute(3, minute, 16000));
    expect(arrivalsInMinute(3, minute, 16000)).not.toEqual(arrivalsInMinute(4, minute, 16000));
    for (const o of arrivalsInMinute(3, minute, 16000)) {
      expect(o.paidAt).toBeGreaterThanOrEqual(minute);
      expect(o.paidAt).toBeLessThan(minute + M);
    }
  });

  it('come at about the day rate, quiet at night and busy in the evening', () => {
    const day = arrivalsUntil({
      seed: 1,
      cursor: DAY,
      now: DAY + 24 * H,
      ordersPerDay: 2000,
      maxOrders: 1e9,
      maxLagMs: 1e12,
    });
    expect(perDay(day.orders)).toBeGreaterThan(1850);
    expect(perDay(day.orders)).toBeLessThan(2150);
    expect(day.cursor).toBe(DAY + 24 * H);
    const inHours = (from: number, to: number) =>
      day.orders.filter((o) => o.paidAt >= DAY + from * H && o.paidAt < DAY + to * H).length;
    expect(inHours(20, 22)).toBeGreaterThan(5 * inHours(3, 5));
  });

  it('do not depend on how the clock got there', () => {
    const oneJump = arrivalsUntil({
      seed: 2,
      cursor: DAY,
      now: DAY + 3 * H,
      ordersPerDay: 2000,
      maxOrders: 1e9,
      maxLagMs: 1e12,
    });
    let cursor = DAY;
    const steps = [];
    for (const now of [DAY + 7 * M + 5_000, DAY + 90 * M, DAY + 3 * H]) {
      const b = arrivalsUntil({ seed: 2, cursor, now, ordersPerDay: 2000, maxOrders: 1e9, maxLagMs: 1e12 });
      steps.push(...b.orders);
      cursor = b.cursor;
    }
    expect(steps).toEqual(oneJump.orders);
  });

  it('are capped per tick and not back-filled beyond the catch-up limit', () => {
    const capped = arrivalsUntil({
      seed: 1,
      cursor: DAY + 8 * H,
      now: DAY + 20 * H,
      ordersPerDay: 16000,
      maxOrders: 100,
      maxLagMs: 1e12,
    });
    expect(capped.orders.length).toBeGreaterThanOrEqual(100);
    expect(capped.orders.length).toBeLessThan(150); // stops after the minute that reached the cap
    expect(capped.cursor).toBeLessThan(DAY + 20 * H);
    const late = arrivalsUntil({
      seed: 1,
      cursor: DAY,
      now: DAY + 10 * H,
      ordersPerDay: 2000,
      maxOrders: 1e9,
      maxLagMs: 6 * H,
    });
    expect(late.skippedMinutes).toBe(4 * 60);
    expect(Math.min(...late.orders.map((o) => o.paidAt))).toBeGreaterThanOrEqual(DAY + 4 * H);
    // Only whole minutes before now: nothing is paid in the future.
    expect(Math.max(...late.orders.map((o) => o.paidAt))).toBeLessThan(DAY + 10 * H);
  });
});

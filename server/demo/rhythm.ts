// The rhythm of a Chinese e-commerce day at the warehouse (Asia/Shanghai): almost nothing between 02:00 and
// 06:00, a morning peak around 10:00 (office workers at their desks), a flat afternoon, and the evening peak
// from 20:00 to 22:00 (after dinner, live-stream sales), tailing off after midnight.
import { MINUTE_MS } from '../../shared/rules/clocks';
import { hourOfDay } from './time';

/** Relative order intake for each local hour, 00:00 to 23:00. */
export const HOURLY_SHAPE: readonly number[] = [
  3.2, 1.8, 0.9, 0.5, 0.4, 0.5, 1.0, 2.0, 3.4, 5.0, 6.6, 6.0, 4.8, 4.9, 5.1, 5.0, 4.6, 4.4, 4.4, 5.4, 7.0,
  7.6, 7.2, 5.0,
];
const SHAPE_TOTAL = HOURLY_SHAPE.reduce((s, v) => s + v, 0);

/** The demo warehouse's volume on a normal day, and how much a promotion multiplies it (Double 11). */
export const NORMAL_ORDERS_PER_DAY = 2000;
export const SURGE_FACTOR = 8;

/**
 * Expected orders per minute at t for a warehouse doing `ordersPerDay`. The shape is interpolated between the
 * middles of the hours (cyclically), which keeps the day's integral exactly `ordersPerDay`.
 */
export function ordersPerMinute(t: number, ordersPerDay: number): number {
  const h = (hourOfDay(t) - 0.5 + 24) % 24;
  const i = Math.floor(h);
  const frac = h - i;
  const shape = HOURLY_SHAPE[i]! * (1 - frac) + HOURLY_SHAPE[(i + 1) % 24]! * frac;
  return (ordersPerDay * shape) / SHAPE_TOTAL / 60;
}

/** Expected orders over [from, to), summed minute by minute. */
export function expectedOrders(from: number, to: number, ordersPerDay: number): number {
  let total = 0;
  for (let t = from; t < to; t += MINUTE_MS) total += ordersPerMinute(t, ordersPerDay);
  return total;
}

// New orders, minute by minute: each minute's orders are drawn from the seed and the minute alone (a Poisson
// count at the rate of the day's rhythm, then the orders themselves), so a minute produces the same orders
// however the clock jumped to reach it, and re-ingesting a minute after a crash changes nothing.
import type { OrderInput } from '../../shared/schemas/order-input';
import { MINUTE_MS } from '../../shared/rules/clocks';
import { orderFacts, pickKind } from '../demo/orders';
import { hashSeed, Random } from '../demo/random';
import { ordersPerMinute } from '../demo/rhythm';

/** The orders paid in the minute starting at `minuteStart` (a multiple of a minute), by payment time. */
export function arrivalsInMinute(seed: number, minuteStart: number, ordersPerDay: number): OrderInput[] {
  const r = new Random(hashSeed(seed, 'arrivals', Math.floor(minuteStart / MINUTE_MS)));
  const count = r.poisson(ordersPerMinute(minuteStart + MINUTE_MS / 2, ordersPerDay));
  const times = Array.from({ length: count }, () => minuteStart + Math.floor(r.next() * MINUTE_MS));
  return times
    .sort((a, b) => a - b)
    .map((paidAt) => {
      const { platform, category } = pickKind(r);
      return orderFacts(r, platform, category, paidAt);
    });
}

export interface ArrivalBatch {
  orders: OrderInput[];
  /** The first minute not yet generated. */
  cursor: number;
  /** Minutes skipped because they were further back than the catch-up limit. */
  skippedMinutes: number;
}

/**
 * The orders of the whole minutes in [cursor, now), oldest first, stopping after the minute that reaches
 * `maxOrders` (the rest wait for the next tick) and skipping minutes older than `maxLagMs` before now.
 */
export function arrivalsUntil(options: {
  seed: number;
  cursor: number;
  now: number;
  ordersPerDay: number;
  maxOrders: number;
  maxLagMs: number;
}): ArrivalBatch {
  const oldest = Math.floor((options.now - options.maxLagMs) / MINUTE_MS) * MINUTE_MS;
  let cursor = options.cursor;
  let skippedMinutes = 0;
  if (cursor < oldest) {
    skippedMinutes = (oldest - cursor) / MINUTE_MS;
    cursor = oldest;
  }
  const orders: OrderInput[] = [];
  while (cursor + MINUTE_MS <= options.now && orders.length < options.maxOrders) {
    orders.push(...arrivalsInMinute(options.seed, cursor, options.ordersPerDay));
    cursor += MINUTE_MS;
  }
  return { orders, cursor, skippedMinutes };
}

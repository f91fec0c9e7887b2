// The live demo: on every tick it reads the server's clock, brings the pickers' shifts up to date, creates the
// orders paid since the last tick (the day's rhythm, eight-fold in a promotion) through ingestOrders, moves the
// orders in the building forward along their plans through applyOrderEvents, records the cause on every case
// that just closed late, and runs the case engine for the warehouse. It does not own the clock: the caller's
// `now()` may run faster than real time and jump; each tick catches up within fixed limits.
import { sql } from 'drizzle-orm';
import type { PickerStatus } from '../../shared/schemas/enums';
import { HOUR_MS, MINUTE_MS } from '../../shared/rules/clocks';
import type { Db } from '../db/open';
import { tickWarehouse } from '../engine/case-engine';
import { ingestOrders } from '../orders/ingest';
import { rainAt } from '../demo/causes';
import { DEMO_WAREHOUSE_ID } from '../demo/catalog';
import { NORMAL_ORDERS_PER_DAY, SURGE_FACTOR } from '../demo/rhythm';
import { rosterAt } from '../demo/roster';
import { arrivalsUntil } from './arrivals';
import { advanceOrders, Planner, type ProgressResult } from './progress';
import { loadDirectory, loadState, saveState, updateRoster, type Directory, type SimState } from './store';

/** Per-tick limits, so a clock that jumped by hours is caught up over several ticks instead of one huge one. */
export const MAX_NEW_ORDERS_PER_TICK = 500;
export const MAX_EVENTS_PER_TICK = 1000;
/** New orders are not back-filled further than this before now (a server that was down for a day skips it). */
export const MAX_CATCH_UP_MS = 6 * HOUR_MS;
/** PGlite has no autovacuum: refresh the planner's statistics after this many new orders. */
const ANALYZE_AFTER_ORDERS = 4000;

export interface SimulationOptions {
  /** The server's clock (possibly sped up); the simulator only reads it. */
  now: () => number;
  /** How much faster than real time `now` runs; only sets the default tick interval. */
  speed?: number;
  /** true or false to force; by default a promotion whose payment window covers now means surge. */
  surge?: boolean;
  /** Same seed as the demo seed, so seeded orders follow the plans they were seeded with. Default 11. */
  seed?: number;
  /** Real milliseconds between ticks (default: about five simulated minutes per tick, within 0.25-5 s). */
  tickMs?: number;
  /** A normal day's orders (default 2000). */
  ordersPerDay?: number;
  warehouseId?: string;
  /** Called with the error of a failed tick (the next tick tries again). */
  onError?: (err: unknown) => void;
}

export interface StepResult extends ProgressResult {
  at: number;
  surge: boolean;
  raining: boolean;
  ordersCreated: number;
  pickersUpdated: number;
  /** Minutes of new orders skipped because the clock jumped further than MAX_CATCH_UP_MS. */
  skippedMinutes: number;
}

const COUNTERS = [
  'ordersCreated',
  'eventsApplied',
  'handedOver',
  'handedOverLate',
  'cancelled',
  'causesRecorded',
  'pickersUpdated',
  'skippedMinutes',
] as const;

/** Totals since start; eventsDeferred, surge and raining are those of the last tick. */
export interface SimStats extends Omit<StepResult, 'at'> {
  ticks: number;
  /** The clock at the last tick (null before the first). */
  simulatedTo: number | null;
  lastError: string | null;
}

export interface Simulation {
  /** One tick at options.now(); null when the warehouse does not exist (nothing seeded). */
  step(): Promise<StepResult | null>;
  stats(): SimStats;
}

export interface RunningSimulation extends Simulation {
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

/** About five simulated minutes per tick, but never more often than 4 times a second or less than every 5 s. */
export const defaultTickMs = (speed = 1): number => Math.min(5000, Math.max(250, (5 * MINUTE_MS) / speed));

export function createSimulation(db: Db, options: SimulationOptions): Simulation {
  const warehouseId = options.warehouseId ?? DEMO_WAREHOUSE_ID;
  const seed = options.seed ?? 11;
  const perDay = options.ordersPerDay ?? NORMAL_ORDERS_PER_DAY;
  const planner = new Planner(seed, options.surge === true);
  let state: SimState | null = null;
  /** True until the first tick on a database the simulator never ran on. */
  let fresh = false;
  let sinceAnalyze = 0;
  const totals: SimStats = {
    ticks: 0,
    simulatedTo: null,
    surge: false,
    raining: false,
    eventsDeferred: 0,
    lastError: null,
    ...(Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Record<(typeof COUNTERS)[number], number>),
  };

  const surgeAt = (dir: Directory, t: number) =>
    options.surge ?? dir.promotions.some((p) => p.paidFrom <= t && t <= p.paidUntil);

  /** Statuses that changed since the last tick (or, on the very first tick, that the database has wrong). */
  function rosterChanges(dir: Directory, s: SimState, now: number): Map<string, PickerStatus> {
    const current = rosterAt(seed, dir.pickers, now, surgeAt(dir, now));
    const before = fresh ? null : rosterAt(seed, dir.pickers, s.lastTick, surgeAt(dir, s.lastTick));
    const changes = new Map<string, PickerStatus>();
    for (const p of dir.pickers) {
      const status = current.get(p.id)!;
      if ((before === null || before.get(p.id) !== status) && p.status !== status) changes.set(p.id, status);
    }
    return changes;
  }

  async function step(): Promise<StepResult | null> {
    const now = options.now();
    const dir = await loadDirectory(db, warehouseId);
    if (!dir) return null;
    if (!state) {
      const stored = await loadState(db, warehouseId);
      fresh = stored === null;
      state = stored ?? { since: now, cursor: Math.floor(now / MINUTE_MS) * MINUTE_MS, lastTick: now };
    }
    const s = state;
    const surge = surgeAt(dir, now);
    const pickersUpdated = await updateRoster(db, warehouseId, rosterChanges(dir, s, now));
    const arrivals = arrivalsUntil({
      seed,
      cursor: s.cursor,
      now,
      ordersPerDay: perDay * (surge ? SURGE_FACTOR : 1),
      maxOrders: MAX_NEW_ORDERS_PER_TICK,
      maxLagMs: MAX_CATCH_UP_MS,
    });
    let ordersCreated = 0;
    if (arrivals.orders.length) {
      ordersCreated = (await ingestOrders(db, warehouseId, arrivals.orders, { now })).new;
      sinceAnalyze += arrivals.orders.length;
    }
    if (sinceAnalyze >= ANALYZE_AFTER_ORDERS) {
      await db.execute(sql`analyze orders`);
      await db.execute(sql`analyze cases`);
      sinceAnalyze = 0;
    }
    planner.use(dir, (t) => surgeAt(dir, t));
    const progress = await advanceOrders(db, warehouseId, planner, dir, {
      since: s.since,
      now,
      maxEvents: MAX_EVENTS_PER_TICK,
    });
    // Cases open and turn overdue on the simulated clock, not only when the server's engine timer fires.
    await tickWarehouse(db, warehouseId, now);
    state = { since: s.since, cursor: arrivals.cursor, lastTick: Math.max(s.lastTick, now) };
    await saveState(db, warehouseId, state);
    fresh = false;
    const result: StepResult = {
      at: now,
      surge,
      raining: rainAt(seed, now, surge),
      ordersCreated,
      pickersUpdated,
      skippedMinutes: arrivals.skippedMinutes,
      ...progress,
    };
    totals.ticks++;
    totals.simulatedTo = now;
    totals.surge = surge;
    totals.raining = result.raining;
    totals.eventsDeferred = result.eventsDeferred;
    for (const k of COUNTERS) totals[k] += result[k];
    return result;
  }

  return {
    step: async () => {
      try {
        const r = await step();
        totals.lastError = null;
        return r;
      } catch (err) {
        totals.lastError = err instanceof Error ? err.message : String(err);
        state = null; // read it again from the database on the next tick
        throw err;
      }
    },
    stats: () => ({ ...totals }),
  };
}

/** Runs createSimulation on a timer (one tick at a time, tickMs apart) until stop(). */
export function startSimulation(db: Db, options: SimulationOptions): RunningSimulation {
  const sim = createSimulation(db, options);
  const tickMs = options.tickMs ?? defaultTickMs(options.speed);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    if (stopped) return;
    running = sim
      .step()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    ...sim,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// The demo world and the live simulator on a real database: the Double 11 drill seeds a promotion before its
// orders, and the simulator, driven by hand through simulated hours, creates and moves orders, closes late cases
// with their causes, opens new ones, never writes a time after its clock, and continues the same story when
// restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../server/db/open';
import { cases, couriers, pickers, promotions, warehouseClock } from '../../server/db/schema';
import { seedDemo } from '../../server/demo/seed';
import { DEMO_WAREHOUSE_ID } from '../../server/demo/world';
import { resumeAt } from '../../server/sim/clock';
import { createSimulation, startSimulation } from '../../server/sim/simulator';
import { BACKENDS } from '../support/backends';
import { T0 } from '../support/harness';

const H = 3_600_000;
const count = async (db: Db, where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orders where ${where}`))[0]!.n;
/** Orders with any time after `now` (a simulator must never write the future). */
const inFuture = (db: Db, now: number) =>
  count(
    db,
    sql`greatest(paid_at, picking_started_at, picked_at, packed_at, waybill_at, handed_over_at, cancelled_at) > ${new Date(now)}`,
  );
const clockOf = async (db: Db) =>
  (await db.select().from(warehouseClock).where(eq(warehouseClock.warehouseId, DEMO_WAREHOUSE_ID)))[0]!
    .version;

describe.each(BACKENDS)('demo world and simulator ($name)', (backend) => {
  const open: Database[] = [];
  const fresh = async () => {
    const database = await backend.open();
    await database.migrate();
    open.push(database);
    return database.db;
  };
  afterAll(async () => {
    for (const d of open) await d.close();
  });

  it('seeds the Double 11 drill: the promotion first, eight times the orders, promotion deadlines', async () => {
    const db = await fresh();
    const result = await seedDemo(db, { now: T0, orders: 200, seed: 3, surge: true });
    expect(result).toMatchObject({ created: true, orders: 1600 });
    expect(await count(db, sql`true`)).toBe(8 * 200);
    const [promo] = await db.select().from(promotions);
    expect(promo).toMatchObject({ name: '双11 大促演练', platforms: null });
    expect(promo!.paidFrom.getTime()).toBe(T0 - 48 * H);
    expect(promo!.paidUntil.getTime()).toBe(T0 + 24 * H);
    expect(promo!.shipBy.getTime()).toBe(Date.UTC(2026, 10, 13, 15, 59)); // 13 Nov 23:59 in Hangzhou
    // Every order paid inside the window got the promotion's ship-by, and nothing else did.
    const inWindow = sql`paid_at between ${promo!.paidFrom} and ${promo!.paidUntil}`;
    expect(await count(db, sql`deadline_source = 'promotion'`)).toBeGreaterThanOrEqual(1400);
    expect(
      await count(db, sql`deadline_source = 'promotion' and ship_by = ${promo!.shipBy} and ${inWindow}`),
    ).toBe(await count(db, inWindow));
    expect(await count(db, sql`deadline_source = 'promotion' and not (${inWindow})`)).toBe(0);
    expect(await inFuture(db, T0)).toBe(0);
    const absent = await db.select().from(pickers).where(eq(pickers.status, 'absent'));
    expect(absent).toHaveLength(2);
    const [zto] = await db.select().from(couriers).where(eq(couriers.id, 'cr-zto'));
    expect(zto?.status).toBe('overloaded');
  });

  describe('two simulated days', () => {
    let db: Db;
    let now = T0;
    const sim = { created: 0, handedOver: 0, causes: 0 };
    let clockBefore = 0;
    beforeAll(async () => {
      db = await fresh();
      await seedDemo(db, { now: T0, orders: 150, seed: 7 });
      clockBefore = await clockOf(db);
      const simulation = createSimulation(db, { now: () => now, seed: 7, ordersPerDay: 800 });
      for (let step = 0; step < 48; step++) {
        now += H;
        await simulation.step();
        if ((await inFuture(db, now)) > 0) throw new Error(`a milestone after now at step ${step}`);
      }
      const stats = simulation.stats();
      sim.created = stats.ordersCreated;
      sim.handedOver = stats.handedOver;
      sim.causes = stats.causesRecorded;
    });

    it('creates orders at the day rate and moves them to the courier', async () => {
      expect(await count(db, sql`paid_at > ${new Date(T0)}`)).toBe(sim.created);
      expect(sim.created).toBeGreaterThan(1400); // two days at 800 a day
      expect(sim.created).toBeLessThan(1800);
      // Parcels packed after the last pickup (19:30-22:00) wait for the next morning's.
      expect(sim.handedOver).toBeGreaterThan(900);
      expect(await count(db, sql`paid_at > ${new Date(T0)} and status = 'handed_over'`)).toBeGreaterThan(800);
      expect(await count(db, sql`status = 'packed' and (courier_id is null or waybill is null)`)).toBe(0);
    });

    it('closes late cases with the cause recorded, in a new warehouse version', async () => {
      const closedLate = await db
        .select()
        .from(cases)
        .where(
          and(eq(cases.outcome, 'shipped_late'), gt(cases.closedAt, new Date(T0)), isNotNull(cases.cause)),
        );
      expect(closedLate.length).toBe(sim.causes);
      expect(sim.causes).toBeGreaterThan(5);
      for (const c of closedLate) {
        expect(c.rowVersion).toBeGreaterThan(clockBefore);
        expect(c.version).toBeGreaterThanOrEqual(1);
      }
      expect(new Set(closedLate.map((c) => c.cause)).size).toBeGreaterThan(2);
    });

    it('tells a restarted server where its clock should resume', async () => {
      expect(await resumeAt(db, T0)).toBe(now); // the simulated time already reached, not the earlier real one
      expect(await resumeAt(db, now + H)).toBe(now + H);
    });

    it('opens new cases, for its own orders too, once their warning time comes', async () => {
      const [row] = await queryRows<{ n: number; own: number; overdue: number }>(
        db,
        sql`select count(*)::int as n, count(*) filter (where o.paid_at > ${new Date(T0)})::int as own,
                   count(c.overdue_at) filter (where o.paid_at > ${new Date(T0)})::int as overdue
            from cases c join orders o on o.id = c.order_id where c.opened_at > ${new Date(T0)}`,
      );
      expect(row!.n).toBeGreaterThan(25);
      // Durable goods warn 12 h before a 48 h deadline: orders of the first 12 h have reached it.
      expect(row!.own).toBeGreaterThan(5);
      expect(row!.overdue).toBeGreaterThan(0);
    });
  });

  it('is deterministic for a seed and continues the same story after a restart', async () => {
    const run = async (restartAt: number | null) => {
      const db = await fresh();
      await seedDemo(db, { now: T0, orders: 80, seed: 5 });
      let now = T0;
      let simulation = createSimulation(db, { now: () => now, seed: 5, ordersPerDay: 400 });
      for (let step = 0; step < 16; step++) {
        if (step === restartAt)
          simulation = createSimulation(db, { now: () => now, seed: 5, ordersPerDay: 400 });
        now += 45 * 60_000;
        await simulation.step();
      }
      return queryRows<Record<string, unknown>>(
        db,
        sql`select o.platform_order_id, o.status, o.courier_id, o.waybill, o.picking_started_at, o.picked_at,
                   o.packed_at, o.handed_over_at, o.cancelled_at, c.status as case_status, c.outcome, c.cause
            from orders o left join cases c on c.order_id = o.id order by o.platform, o.platform_order_id`,
      );
    };
    const straight = await run(null);
    expect(straight.length).toBeGreaterThan(150);
    expect(await run(8)).toEqual(straight);
  });

  it('runs on a timer with a sped-up clock until stopped', async () => {
    const db = await fresh();
    await seedDemo(db, { now: T0, orders: 40, seed: 9 });
    const started = Date.now();
    const now = () => T0 + (Date.now() - started) * 3600; // an hour a second
    const errors: unknown[] = [];
    const running = startSimulation(db, { now, speed: 3600, seed: 9, onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await running.stop();
    const stats = running.stats();
    expect(errors).toEqual([]);
    expect(stats.ticks).toBeGreaterThan(1);
    expect(stats.eventsApplied).toBeGreaterThan(0);
    const ticks = stats.ticks;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(running.stats().ticks).toBe(ticks); // stopped means stopped
    expect(await inFuture(db, now())).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, orders, warehouseClock } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness } from '../support/harness';

const HOUR = 3_600_000;
const WH = 'wh-hz-xs-1';

describe.each(BACKENDS)('case engine ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h.close());

  async function addOrder(id: string, shipBy: number, perishability: 'fresh' | 'durable') {
    await h.db.insert(orders).values({
      id,
      warehouseId: WH,
      platform: 'tmall',
      platformOrderId: id,
      status: 'paid',
      category: perishability === 'fresh' ? '生鲜' : '服饰',
      perishability,
      valueFen: 19900,
      items: [{ sku: 'X', name: '测试商品', qty: 1 }],
      customerName: '测试',
      customerPhone: '13800000000',
      city: '杭州',
      region: '浙江',
      paidAt: new Date(shipBy - 48 * HOUR),
      shipBy: new Date(shipBy),
    });
  }
  const caseOf = async (orderId: string) =>
    (await h.db.select().from(cases).where(eq(cases.orderId, orderId)))[0];
  const clock = async () =>
    (await h.db.select().from(warehouseClock).where(eq(warehouseClock.warehouseId, WH)))[0]!.version;

  it('opens a case at the warning lead time, marks it overdue at the deadline and closes it on late handover', async () => {
    h.clock.now = T0;
    await addOrder('eng-1', T0 + 3 * HOUR, 'fresh'); // fresh warns 2 h ahead
    await h.tick();
    expect(await caseOf('eng-1')).toBeUndefined();
    h.clock.now = T0 + 1.5 * HOUR;
    await h.tick();
    expect(await caseOf('eng-1')).toMatchObject({ status: 'open', overdueAt: null });
    // Noticed at 1.5 h, but the warning was due at 1 h (deadline minus the fresh lead time): that is recorded.
    expect((await caseOf('eng-1'))?.openedAt.getTime()).toBe(T0 + HOUR);
    h.clock.now = T0 + 3 * HOUR + 60_000;
    await h.tick();
    expect((await caseOf('eng-1'))?.overdueAt?.getTime()).toBe(T0 + 3 * HOUR);
    await h.db
      .update(orders)
      .set({ status: 'handed_over', handedOverAt: new Date(T0 + 5.5 * HOUR) })
      .where(eq(orders.id, 'eng-1'));
    h.clock.now = T0 + 6 * HOUR;
    await h.tick();
    expect(await caseOf('eng-1')).toMatchObject({
      status: 'closed',
      outcome: 'shipped_late',
      lateMinutes: 150,
    });
  });

  it('closes a case handed over before its deadline as saved, and one cancelled as cancelled', async () => {
    h.clock.now = T0;
    await addOrder('eng-2', T0 + 5 * HOUR, 'durable');
    await addOrder('eng-3', T0 + 5 * HOUR, 'durable');
    await h.tick();
    expect(await caseOf('eng-2')).toMatchObject({ status: 'open' });
    await h.db
      .update(orders)
      .set({ status: 'handed_over', handedOverAt: new Date(T0 + HOUR) })
      .where(eq(orders.id, 'eng-2'));
    await h.db
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: new Date(T0 + HOUR) })
      .where(eq(orders.id, 'eng-3'));
    h.clock.now = T0 + HOUR;
    await h.tick();
    expect(await caseOf('eng-2')).toMatchObject({ status: 'closed', outcome: 'saved', lateMinutes: null });
    expect(await caseOf('eng-3')).toMatchObject({ status: 'closed', outcome: 'order_cancelled' });
  });

  it('leaves the warehouse clock alone when a tick finds nothing to do', async () => {
    await h.tick();
    const before = await clock();
    const result = await h.tick();
    expect(result).toEqual({ opened: 0, overdue: 0, closed: 0 });
    expect(await clock()).toBe(before);
  });
});

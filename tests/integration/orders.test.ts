import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { OrderInputRaw } from '../../shared/schemas/order-input';
import { cases, orders } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness } from '../support/harness';

const H = 3_600_000;
const WH = 'wh-hz-xs-1';

const order = (id: string, extra: Partial<OrderInputRaw> = {}): OrderInputRaw => ({
  platform: 'tmall',
  platformOrderId: id,
  category: '服饰',
  valueFen: 59_900,
  items: [{ sku: 'AP-1', name: '羽绒服', qty: 1 }],
  customerName: '陈静',
  customerPhone: '13900001111',
  city: '温州',
  region: '浙江',
  paidAt: T0 - 40 * H,
  ...extra,
});

describe.each(BACKENDS)('orders in, clocks and rules ($name)', (backend) => {
  let h: Harness;
  let admin: string;
  let coordinator: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    admin = (await h.login('admin')).token;
    coordinator = (await h.login('zhangwei')).token;
  });
  afterAll(() => h.close());

  const post = (path: string, body: unknown, token = admin) =>
    h.request<Record<string, unknown>>('POST', path, { token, body });
  const caseOf = async (platformOrderId: string) => {
    const [row] = await h.db
      .select()
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(eq(orders.platformOrderId, platformOrderId));
    return row?.cases;
  };
  const orderOf = async (platformOrderId: string) =>
    (await h.db.select().from(orders).where(eq(orders.platformOrderId, platformOrderId)))[0];

  it('stores every character and instant of a batch as sent (tabs, line breaks, backslashes, \\N)', async () => {
    // On PGlite new orders are written with COPY, whose text format gives these characters meaning.
    const nasty = 'a\tb\nc\\d \\N \r "引号" 🚚';
    const sent = [
      order('ESC-1', {
        customerName: nasty,
        city: '\\N',
        items: [{ sku: 'S\t1', name: `${nasty}\\`, qty: 2 }],
        waybill: 'SF\\001',
        vip: true,
        pickedAt: T0 - 3 * H + 123,
      }),
      order('ESC-2', { customerName: '' }),
    ];
    const res = await post(`/api/warehouses/${WH}/orders/batch`, { orders: sent });
    expect(res.status).toBe(200);
    const [a, b] = [await orderOf('ESC-1'), await orderOf('ESC-2')];
    expect(a).toMatchObject({
      customerName: nasty,
      city: '\\N',
      items: [{ sku: 'S\t1', name: `${nasty}\\`, qty: 2 }],
      waybill: 'SF\\001',
      vip: true,
      packedAt: null,
    });
    expect(a?.pickedAt?.getTime()).toBe(T0 - 3 * H + 123);
    expect(a?.paidAt.getTime()).toBe(T0 - 40 * H);
    expect(b).toMatchObject({ customerName: '', vip: false, waybill: null, currency: 'CNY' });
  });

  it('upserts one order idempotently, with the deadline and penalty from the platform rule', async () => {
    const first = await post(`/api/warehouses/${WH}/orders`, order('TM-1'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ result: 'new', cases: { opened: 1 } });
    const stored = await orderOf('TM-1');
    expect(stored).toMatchObject({
      deadlineSource: 'platform_default',
      penaltyFen: 17_970,
      ruleId: 'tmall-default',
      status: 'paid',
    });
    expect(stored?.shipBy?.getTime()).toBe(T0 + 8 * H);
    expect((await post(`/api/warehouses/${WH}/orders`, order('TM-1'))).body).toMatchObject({
      result: 'unchanged',
    });
    expect(
      (await post(`/api/warehouses/${WH}/orders`, order('TM-1', { valueFen: 100_000 }))).body,
    ).toMatchObject({ result: 'updated' });
    expect((await orderOf('TM-1'))?.penaltyFen).toBe(30_000);
  });

  it('lets only integration (admin) accounts ingest, and only into their warehouses', async () => {
    expect((await post(`/api/warehouses/${WH}/orders`, order('TM-2'), coordinator)).status).toBe(403);
    expect((await post(`/api/warehouses/wh-bj-dx-2/orders`, order('TM-2'))).status).toBe(404);
  });

  it('imports the good orders of a batch and reports the bad ones by index', async () => {
    const res = await post(`/api/warehouses/${WH}/orders/batch`, {
      orders: [
        order('B-1'),
        { ...order('B-2'), paidAt: 'yesterday' },
        order('B-3', { platform: 'pdd', category: '生鲜' }),
        { platform: 'ebay' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ new: 2, updated: 0, unchanged: 0 });
    const rejected = res.body.rejected as { index: number; reason: string }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 3]);
    expect(rejected[0]!.reason).toContain('paidAt');
    expect(await orderOf('B-2')).toBeUndefined();
    // Fresh goods on Pinduoduo: the 24 h category rule and a 3 yuan coupon.
    expect(await orderOf('B-3')).toMatchObject({
      deadlineSource: 'category_rule',
      penaltyFen: 300,
      perishability: 'fresh',
    });
  });

  it('moves an order and its case with events, whatever order they arrive in, and closes it on handover', async () => {
    await post(`/api/warehouses/${WH}/orders`, order('EV-1', { paidAt: T0 - 47 * H }));
    const e = (kind: string, at: number, extra = {}) => ({
      kind,
      platform: 'tmall',
      platformOrderId: 'EV-1',
      at,
      ...extra,
    });
    const events = [
      e('handed_over', T0 + 3 * H, { courierId: 'cr-sf', waybill: 'SF1234567890' }),
      e('picked', T0 - 2 * H),
      e('picking_started', T0 - 3 * H),
      e('packed', T0 - H, { courierId: 'cr-sf', waybill: 'SF1234567890' }),
    ];
    const res = await post(`/api/warehouses/${WH}/order-events`, { events: events.slice(1) });
    expect((res.body.results as { status: string }[]).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect(await orderOf('EV-1')).toMatchObject({ status: 'packed', waybill: 'SF1234567890' });
    await post(`/api/warehouses/${WH}/order-events`, { events: [events[0], ...events] });
    const o = await orderOf('EV-1');
    expect(o).toMatchObject({ status: 'handed_over', courierId: 'cr-sf' });
    expect(o?.pickupBy?.getTime()).toBe(T0 - H + 72 * H);
    expect(await caseOf('EV-1')).toMatchObject({
      status: 'closed',
      outcome: 'shipped_late',
      lateMinutes: 120,
    });
    const unknown = await post(`/api/warehouses/${WH}/order-events`, {
      events: [{ ...events[0], platformOrderId: 'NOPE' }],
    });
    expect(unknown.body.results).toEqual([{ index: 0, status: 'rejected', reason: 'no order tmall/NOPE' }]);
  });

  it('gives orders paid in a promotion its ship-by date, and re-times unfinished orders when rules change', async () => {
    const promo = await post('/api/admin/promotions', {
      name: '双11',
      platforms: ['jd'],
      paidFrom: T0 - 10 * H,
      paidUntil: T0 + 10 * H,
      shipBy: T0 + 100 * H,
    });
    expect(promo.status).toBe(200);
    await post(`/api/warehouses/${WH}/orders`, order('JD-1', { platform: 'jd', paidAt: T0 - H }));
    expect(await orderOf('JD-1')).toMatchObject({ deadlineSource: 'promotion' });
    expect((await orderOf('JD-1'))?.shipBy?.getTime()).toBe(T0 + 100 * H);
    expect(
      (
        await post('/api/admin/promotions', {
          name: 'x',
          platforms: null,
          paidFrom: 2,
          paidUntil: 1,
          shipBy: 3,
        })
      ).status,
    ).toBe(400);

    const before = await caseOf('TM-1');
    const { rules } = (
      await h.request<{ rules: Record<string, unknown>[] }>('GET', '/api/rules', { token: coordinator })
    ).body;
    const tmall = rules.find((r) => r.id === 'tmall-default')!;
    const { id: _id, ...rest } = tmall;
    const put = await h.request<{ ordersUpdated: number }>('PUT', '/api/admin/rules/tmall-default', {
      token: admin,
      body: { ...rest, shipWithinHours: 36 },
    });
    expect(put.status).toBe(200);
    expect(put.body.ordersUpdated).toBeGreaterThan(0);
    const after = await caseOf('TM-1');
    expect(after?.shipBy.getTime()).toBe(T0 - 4 * H);
    expect(after?.rowVersion).toBeGreaterThan(before!.rowVersion);
    expect(
      (await h.request('PUT', '/api/admin/rules/tmall-default', { token: coordinator, body: { ...rest } }))
        .status,
    ).toBe(403);
  });

  it('lets a lead declare force majeure for a region, pausing the clocks it covers', async () => {
    // Tmall ships within 36 h now (previous test): the deadline falls inside the window, at T0 + 2 h.
    await post(
      `/api/warehouses/${WH}/orders`,
      order('FM-1', { city: '温州', region: '浙江', paidAt: T0 - 34 * H }),
    );
    await post(
      `/api/warehouses/${WH}/orders`,
      order('FM-2', { city: '北京', region: '北京', paidAt: T0 - 34 * H }),
    );
    const before = await caseOf('FM-1');
    const lead = (await h.login('lina')).token;
    const body = { region: '浙江', reason: '台风“梅花”登陆，快递停收', startsAt: T0 - H, endsAt: T0 + 5 * H };
    expect((await post(`/api/warehouses/${WH}/force-majeure`, body, coordinator)).status).toBe(403);
    const res = await post(`/api/warehouses/${WH}/force-majeure`, body, lead);
    expect(res.status).toBe(200);
    expect(res.body.affectedCases).toBeGreaterThan(0);
    const after = await caseOf('FM-1');
    expect(before?.shipBy.getTime()).toBe(T0 + 2 * H);
    // The clock stood still from the start of the window (T0 - 1 h) to the old deadline: 3 h are given back.
    expect(after?.shipBy.getTime()).toBe(T0 + 5 * H);
    expect(after?.pauses).toMatchObject([
      { kind: 'force_majeure', note: body.reason, from: T0 + 2 * H, to: T0 + 5 * H },
    ]);
    expect((await caseOf('FM-2'))?.pauses).toEqual([]);
  });
});

describe.each(BACKENDS)('buyer-agreed delays ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h.close());

  it('moves the deadline within the platform limits (微信小店: 3 negotiations, 4 h ahead) and syncs the pause', async () => {
    const admin = (await h.login('admin')).token;
    await h.request('POST', `/api/warehouses/${WH}/orders`, {
      token: admin,
      body: order('WX-1', { platform: 'wechat', paidAt: T0 - 40 * H }),
    });
    const [row] = await h.db
      .select()
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(eq(orders.platformOrderId, 'WX-1'));
    const caseId = row!.cases.id;
    const { token } = await h.login('zhangwei');
    const agree = (id: number, hours: number) => ({
      id,
      name: 'agreeDelay',
      args: { caseId, newShipBy: T0 + hours * H, note: `买家同意第${id}次延期` },
    });
    const res = await h.push(token, 'delay-client-1', [
      agree(1, 20),
      agree(2, 30),
      agree(3, 40),
      agree(4, 50),
    ]);
    expect(res.body).toMatchObject({
      results: [
        { status: 'applied' },
        { status: 'applied' },
        { status: 'applied' },
        { status: 'refused', refusal: { code: 'forbidden' } },
      ],
    });
    const pulled = await h.pullAll(token, 'delay-client-1');
    const view = pulled.changes.find((c) => c.op === 'put' && c.kind === 'case' && c.value.id === caseId);
    expect(view?.op === 'put' && view.kind === 'case' && view.value.shipBy).toBe(T0 + 40 * H);
    expect(view?.op === 'put' && view.kind === 'case' && view.value.pauses.map((p) => p.to)).toEqual(
      [20, 30, 40].map((x) => T0 + x * H),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Dashboard } from '../../server/analytics/dashboard';
import type { Handover } from '../../server/analytics/handover';
import type { CapacityPlan } from '../../server/analytics/capacity';
import { caseEvents, cases, orders } from '../../server/db/schema';
import { ingestOrders } from '../../server/orders/ingest';
import { OrderInput } from '../../shared/schemas/order-input';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness } from '../support/harness';

const WH = 'wh-hz-xs-1';
const H = 3_600_000;
const DAY = 24 * H;

describe.each(BACKENDS)('review, handover and surge planning ($name)', (backend) => {
  let h: Harness;
  let coordinator: string;
  let lead: string;
  beforeAll(async () => {
    h = await startHarness(backend, { orders: 400 });
    coordinator = (await h.login('zhangwei')).token;
    lead = (await h.login('lina')).token;
  });
  afterAll(() => h.close());

  const from = T0 - 7 * DAY;
  const to = T0 + DAY;

  it('computes the dashboards over the recorded cases, consistent with the cases themselves', async () => {
    const res = await h.request<Dashboard>('GET', `/api/warehouses/${WH}/analytics?from=${from}&to=${to}`, {
      token: coordinator,
    });
    expect(res.status).toBe(200);
    const d = res.body;
    const inPeriod = and(
      eq(cases.warehouseId, WH),
      gte(cases.openedAt, new Date(from)),
      lt(cases.openedAt, new Date(to)),
    );
    const opened = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(inPeriod);
    expect(d.breakdowns.platform.reduce((s, b) => s + b.cases, 0)).toBe(opened[0]!.n);
    const withCause = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(
        and(
          eq(cases.warehouseId, WH),
          isNotNull(cases.cause),
          gte(cases.closedAt, new Date(from)),
          lt(cases.closedAt, new Date(to)),
        ),
      );
    expect(d.causePareto.reduce((s, c) => s + c.count, 0)).toBe(withCause[0]!.n);
    expect(d.causePareto.length).toBeGreaterThan(3);
    expect(d.causePareto.at(-1)?.cumulative).toBe(1);
    expect([...d.causePareto].sort((a, b) => b.count - a.count)).toEqual(d.causePareto);
    const overdue = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(
        and(
          eq(cases.warehouseId, WH),
          gte(cases.overdueAt, new Date(from)),
          lt(cases.overdueAt, new Date(to)),
        ),
      );
    expect(d.heatmap.reduce((s, x) => s + x.breaches, 0)).toBe(overdue[0]!.n);
    expect(d.heatmap.every((x) => x.weekday >= 1 && x.weekday <= 7 && x.hour >= 0 && x.hour < 24)).toBe(true);
    expect(d.timeToResolve.medianMinutes).toBeGreaterThan(0);
    expect(d.timeToResolve.p90Minutes!).toBeGreaterThanOrEqual(d.timeToResolve.medianMinutes!);
    expect(
      d.platformScores.every(
        (s) =>
          s.shippedWithin48h >= 0 && s.shippedWithin48h <= s.pickedUpWithin72h && s.pickedUpWithin72h <= 1,
      ),
    ).toBe(true);
    expect(d.breakdowns.courier.some((b) => b.key === '顺丰速运')).toBe(true);
    expect(d.overdueRate.every((r) => r.rate >= 0)).toBe(true);
    expect(
      (await h.request('GET', `/api/warehouses/wh-bj-dx-2/analytics`, { token: coordinator })).status,
    ).toBe(404);
  });

  it('counts approved compensation and leaves pending offers out of the cost', async () => {
    const [open] = await h.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open')))
      .limit(1);
    await h.push(coordinator, 'analytics-client-1', [
      {
        id: 1,
        name: 'offerCompensation',
        args: { caseId: open!.id, compensationId: crypto.randomUUID(), type: 'coupon', amountFen: 1000 },
      },
      {
        id: 2,
        name: 'offerCompensation',
        args: { caseId: open!.id, compensationId: crypto.randomUUID(), type: 'cash', amountFen: 20_000 },
      },
    ]);
    const d = (
      await h.request<Dashboard>('GET', `/api/warehouses/${WH}/analytics?from=${from}&to=${to}`, {
        token: coordinator,
      })
    ).body;
    expect(d.compensation).toMatchObject({
      offers: 2,
      approvedFen: 1000,
      pendingFen: 20_000,
      byType: [{ type: 'coupon', count: 1, fen: 1000 }],
    });
  });

  it('writes the shift handover: what came in, what was done, what is open and why, who holds what', async () => {
    const [open] = await h.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open'), isNull(cases.assigneeId)))
      .limit(1);
    await h.push(coordinator, 'handover-client-1', [
      { id: 1, name: 'claimCase', args: { caseId: open!.id, baseVersion: 0 } },
      {
        id: 2,
        name: 'addNote',
        args: { caseId: open!.id, noteId: crypto.randomUUID(), text: '缺货，等待调拨到明早' },
      },
    ]);
    const res = await h.request<Handover>(
      'GET',
      `/api/warehouses/${WH}/handover?from=${T0 - DAY}&to=${T0 + DAY}`,
      { token: coordinator },
    );
    expect(res.status).toBe(200);
    const still = res.body.stillOpen.find((c) => c.caseId === open!.id);
    expect(still).toMatchObject({ holder: '张伟', lastWord: '缺货，等待调拨到明早' });
    expect(res.body.actions).toContainEqual({
      kind: 'note',
      actor: '张伟',
      count: expect.any(Number) as number,
    });
    expect(res.body.byHolder.find((b) => b.holder === '张伟')?.open).toBeGreaterThan(0);
    const ordered = res.body.stillOpen.map((c) => c.shipBy);
    expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
  });

  it('plans capacity for a promotion: eight times the normal day against the roster, zone by zone', async () => {
    const admin = (await h.login('admin')).token;
    const promo = await h.request<{ promotion: { id: string } }>('POST', '/api/admin/promotions', {
      token: admin,
      body: {
        name: '双12',
        platforms: null,
        paidFrom: T0 + 30 * DAY,
        paidUntil: T0 + 31 * DAY,
        shipBy: T0 + 33 * DAY,
      },
    });
    const plan = (
      await h.request<CapacityPlan>(
        'GET',
        `/api/warehouses/${WH}/capacity-plan?promotionId=${promo.body.promotion.id}`,
        { token: lead },
      )
    ).body;
    expect(plan.promotion?.name).toBe('双12');
    expect(plan.expectedOrdersPerDay).toBe(plan.normalOrdersPerDay * 8);
    expect(plan.zones.length).toBe(6);
    for (const z of plan.zones)
      expect(z.extraPickerShifts).toBe(Math.max(0, Math.ceil((z.expectedPerDay - z.capacityPerDay) / 240)));
  });

  it('in surge overflow mode hands new cases to the least-loaded coordinator on shift', async () => {
    expect(
      (
        await h.request('PUT', `/api/warehouses/${WH}/settings`, {
          token: coordinator,
          body: { autoAssign: true },
        })
      ).status,
    ).toBe(403);
    const res = await h.request('PUT', `/api/warehouses/${WH}/settings`, {
      token: lead,
      body: { autoAssign: true },
    });
    expect(res.body).toMatchObject({ autoAssign: true });
    // Only 王芳's desk is on shift (it synced just now).
    const wang = await h.login('wangfang');
    await h.request('POST', '/api/sync/pull', {
      token: wang.token,
      body: { clientId: 'overflow-desk-1', cursor: null, protocolVersion: 1, limit: 1 },
    });
    await h.db.execute(
      sql`update sync_clients set last_seen_at = ${new Date(T0 - 3_600_000)} where user_id <> ${wang.user.id}`,
    );
    const before = await h.db
      .select()
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.assigneeId, wang.user.id)));
    h.clock.now = T0;
    await h.tick();
    const waiting = await h.db
      .select()
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open'), isNull(cases.assigneeId)));
    expect(waiting).toHaveLength(0);
    const toWang = await h.db
      .select()
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.assigneeId, wang.user.id)));
    expect(toWang.length).toBeGreaterThan(before.length);
    // Nobody else was on shift, so nobody else got any; the timeline says the system did it.
    const auto = await h.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.kind, 'reassigned'), isNull(caseEvents.actorId)));
    expect(auto.length).toBe(toWang.length - before.length);
    expect(auto.every((e) => e.detail?.to === wang.user.id && e.detail.auto === true)).toBe(true);
    await h.request('PUT', `/api/warehouses/${WH}/settings`, { token: lead, body: { autoAssign: false } });
  });

  it('plans a promotion under way with the orders it actually brought when they outnumber eight normal days', async () => {
    const admin = (await h.login('admin')).token;
    const paidFrom = T0 - 2 * H; // two hours in: counted as a whole day, so a first-hour rush is not multiplied
    const created = await h.request<{ promotion: { id: string } }>('POST', '/api/admin/promotions', {
      token: admin,
      body: { name: '年货节', platforms: null, paidFrom, paidUntil: T0 + DAY, shipBy: T0 + 3 * DAY },
    });
    const planOf = async () =>
      (
        await h.request<CapacityPlan>(
          'GET',
          `/api/warehouses/${WH}/capacity-plan?promotionId=${created.body.promotion.id}`,
          { token: lead },
        )
      ).body;
    try {
      const before = await planOf();
      const rush = before.normalOrdersPerDay * 8 + 200;
      await ingestOrders(
        h.db,
        WH,
        // The schema fills every optional field (progress, courier, zone) as an import would.
        Array.from({ length: rush }, (_, i) =>
          OrderInput.parse({
            platform: 'tmall',
            platformOrderId: `RUSH-${i}`,
            category: '服饰',
            valueFen: 9_900,
            items: [{ sku: 'R', name: '羽绒服', qty: 1 }],
            customerName: '顾客',
            customerPhone: '13800000000',
            city: '杭州',
            region: '浙江',
            paidAt: T0 - H,
          }),
        ),
        { now: T0 },
      );
      const [seen] = await h.db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(
          and(
            eq(orders.warehouseId, WH),
            gte(orders.paidAt, new Date(paidFrom)),
            lt(orders.paidAt, new Date(T0)),
          ),
        );
      const after = await planOf();
      // The rush is promotion business, not a normal day.
      expect(after.normalOrdersPerDay).toBe(before.normalOrdersPerDay);
      expect(seen!.n).toBeGreaterThanOrEqual(rush);
      expect(after.expectedOrdersPerDay).toBe(seen!.n);
      expect(after.expectedOrdersPerDay).toBeGreaterThan(before.expectedOrdersPerDay);
    } finally {
      await h.request('DELETE', `/api/admin/promotions/${created.body.promotion.id}`, { token: admin });
    }
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedBreach, Forecast, Suggestion } from '../../shared/rules/forecast';
import type { ZoneRate } from '../../shared/rules/forecast-history';
import type { ServerContext } from '../../server/context';
import { orders, pickers, riskFlags } from '../../server/db/schema';
import { registerAccessControl } from '../../server/http/access';
import { registerErrorHandler } from '../../server/http/errors';
import { forecastRoutes } from '../../server/routes/forecast';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness, type Reply } from '../support/harness';
import { OTHER_COORDINATOR, OTHER_WAREHOUSE } from '../support/second-warehouse';

const HOUR = 3_600_000;
const WH = 'wh-hz-xs-1';
const ZONE_A = `${WH}-zA`;
const REASONS = ['zone_backlog', 'picker_absent', 'missed_cutoff', 'risk_flag'];

interface ForecastReply {
  warehouseId: string;
  timezone: string;
  generatedAt: number;
  forecast: Forecast;
  suggestions: Suggestion[];
  rates: ZoneRate[];
}

describe.each(BACKENDS)('breach forecast ($name)', (backend) => {
  let h: Harness;
  /** The route on its own app over the same database, until server/app.ts registers it. */
  let own: FastifyInstance | null = null;

  beforeAll(async () => {
    h = await startHarness(backend);
    if (!h.server.app.hasRoute({ method: 'GET', url: '/api/warehouses/:warehouseId/forecast' })) {
      const app = Fastify().withTypeProvider();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      registerErrorHandler(app);
      registerAccessControl(app, h.db, () => h.clock.now);
      const ctx = { db: h.db, now: () => h.clock.now } as Pick<ServerContext, 'db' | 'now'>;
      await app.register(forecastRoutes(ctx as ServerContext));
      await app.ready();
      own = app;
    }
  });
  afterAll(async () => {
    await own?.close();
    await h.close();
  });

  async function get<T = ForecastReply>(path: string, token?: string): Promise<Reply<T>> {
    if (!own) return h.request<T>('GET', path, token ? { token } : {});
    const res = await own.inject({
      method: 'GET',
      url: path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.statusCode, body: res.json<T>(), headers: new Headers() };
  }

  /** Orders in zone A still waiting for a picker, due `dueInHours` from now. */
  async function addBacklog(prefix: string, count: number, dueInHours: number, extra = {}) {
    await h.db.insert(orders).values(
      Array.from({ length: count }, (_, i) => ({
        id: `${prefix}-${i}`,
        warehouseId: WH,
        platform: 'tmall',
        platformOrderId: `${prefix}-${i}`,
        status: 'paid' as const,
        category: '生鲜',
        perishability: 'fresh' as const,
        valueFen: 9900,
        items: [{ sku: 'F-1', name: '阳澄湖大闸蟹', qty: 1 }],
        customerName: '测试',
        customerPhone: '13800000000',
        city: '杭州',
        region: '浙江',
        zoneId: ZONE_A,
        courierId: 'cr-sf',
        paidAt: new Date(h.clock.now - 20 * HOUR),
        shipBy: new Date(h.clock.now + dueInHours * HOUR),
        ...extra,
      })),
    );
  }

  const zoneA = (r: ForecastReply) => r.forecast.zones.find((z) => z.zoneId === ZONE_A)!;
  const breachesIn = (r: ForecastReply, zoneId: string) =>
    r.forecast.breaches.filter((b) => b.zoneId === zoneId);

  it('answers per zone and per horizon, with the breaches, their reasons and suggested actions', async () => {
    h.clock.now = T0;
    await addBacklog('fc-load', 150, 10);
    const { token } = await h.login('zhangwei');
    const res = await get(`/api/warehouses/${WH}/forecast?horizons=2,4,8,24`, token);
    expect(res.status).toBe(200);
    const { forecast, suggestions, rates } = res.body;
    expect(res.body).toMatchObject({ warehouseId: WH, timezone: 'Asia/Shanghai', generatedAt: T0 });
    expect(forecast.horizonsHours).toEqual([2, 4, 8, 24]);
    expect(forecast.zones.map((z) => z.zoneId)).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => `${WH}-z${c}`),
    );
    for (const z of forecast.zones) {
      expect(z.horizons.map((x) => x.hours)).toEqual([2, 4, 8, 24]);
      for (const x of z.horizons) {
        expect(x.expectedBreaches).toBeLessThanOrEqual(x.due);
        expect(x.capacity).toBeGreaterThanOrEqual(0);
      }
    }
    expect(rates).toHaveLength(6);
    for (const r of rates) expect(r.ratePerPickerHour).toBeGreaterThan(0);
    // 150 orders due in 10 h swamp zone A: the forecast lists them, with a reason, in the 24 h horizon.
    const a = zoneA(res.body);
    expect(a.horizons[3]!.due).toBeGreaterThanOrEqual(150);
    expect(a.horizons[3]!.expectedBreaches).toBeGreaterThan(0);
    expect(breachesIn(res.body, ZONE_A).some((b) => b.orderId.startsWith('fc-load-'))).toBe(true);
    for (const b of forecast.breaches) {
      expect(REASONS).toContain(b.reason);
      expect(b.shipBy).toBeGreaterThan(T0);
    }
    expect(forecast.totals.at(-1)!.expectedBreaches).toBe(forecast.breaches.length);
    // Another zone can lend pickers to A, and whoever is left gets told now.
    expect(suggestions.some((s) => s.kind === 'move_pickers' && s.toZoneId === ZONE_A)).toBe(true);
    for (const s of suggestions)
      if (s.kind !== 'notify_customers') expect(s.effect.breachesAvoided).toBeGreaterThan(0);
    expect(suggestions.at(-1)?.kind).toBe('notify_customers');
  });

  it('an absent picker in a zone raises that zone’s expected breaches, and says so', async () => {
    h.clock.now = T0;
    const { token } = await h.login('lina');
    // Everyone on zone A's morning shift at work, then one of them calls in sick.
    const morning = await h.db
      .select()
      .from(pickers)
      .where(and(eq(pickers.zoneId, ZONE_A), eq(pickers.shiftStart, '06:00')));
    expect(morning.length).toBeGreaterThanOrEqual(2);
    const ids = morning.map((p) => p.id);
    await h.db.update(pickers).set({ status: 'on_shift' }).where(inArray(pickers.id, ids));
    const before = (await get(`/api/warehouses/${WH}/forecast?horizons=24`, token)).body;
    await h.db.update(pickers).set({ status: 'absent' }).where(eq(pickers.id, ids[0]!));
    const after = (await get(`/api/warehouses/${WH}/forecast?horizons=24`, token)).body;
    expect(zoneA(before).pickersAbsent).toBe(0);
    expect(zoneA(after)).toMatchObject({
      pickersAbsent: 1,
      pickersOnShift: zoneA(before).pickersOnShift - 1,
    });
    expect(zoneA(after).horizons[0]!.capacity!).toBeLessThan(zoneA(before).horizons[0]!.capacity!);
    expect(zoneA(after).horizons[0]!.expectedBreaches).toBeGreaterThan(
      zoneA(before).horizons[0]!.expectedBreaches,
    );
    expect(breachesIn(after, ZONE_A).some((b: ExpectedBreach) => b.reason === 'picker_absent')).toBe(true);
    // Other zones are untouched.
    for (const z of after.forecast.zones.filter((x) => x.zoneId !== ZONE_A))
      expect(z.horizons).toEqual(before.forecast.zones.find((x) => x.zoneId === z.zoneId)!.horizons);
    await h.db.update(pickers).set({ status: 'on_shift' }).where(eq(pickers.id, ids[0]!));
  });

  it('a risk flag on a region delays its pickups and shows as the reason', async () => {
    h.clock.now = T0;
    const { token } = await h.login('zhangwei');
    // Packed, on a courier who comes when called, due in 30 minutes: on time unless a typhoon holds it up.
    await addBacklog('fc-flag', 1, 0.5, {
      status: 'packed',
      packedAt: new Date(T0 - HOUR),
      courierId: null,
      region: '福建',
      city: '福州',
    });
    const clear = (await get(`/api/warehouses/${WH}/forecast?horizons=2`, token)).body;
    expect(clear.forecast.breaches.some((b) => b.orderId === 'fc-flag-0')).toBe(false);
    await h.db.insert(riskFlags).values({
      id: 'rf-fc-typhoon',
      warehouseId: WH,
      scope: 'region',
      target: '福建',
      kind: 'typhoon',
      startsAt: new Date(T0 - HOUR),
      endsAt: new Date(T0 + 6 * HOUR),
      points: 120,
      note: '台风 测试',
      createdBy: null,
      rowVersion: 0,
    });
    const flagged = (await get(`/api/warehouses/${WH}/forecast?horizons=2`, token)).body;
    expect(flagged.forecast.breaches.find((b) => b.orderId === 'fc-flag-0')).toMatchObject({
      reason: 'risk_flag',
      riskFlagIds: ['rf-fc-typhoon'],
    });
    await h.db.delete(riskFlags).where(eq(riskFlags.id, 'rf-fc-typhoon'));
  });

  it("keeps to the user's warehouses and checks its input", async () => {
    const other = await h.login(OTHER_COORDINATOR.username, OTHER_COORDINATOR.password);
    const foreign = await get(`/api/warehouses/${WH}/forecast`, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: 'not_found' });
    // Their own warehouse: one empty zone, three orders outside it already overdue, nothing to forecast.
    const mine = await get(`/api/warehouses/${OTHER_WAREHOUSE}/forecast`, other.token);
    expect(mine.status).toBe(200);
    expect(mine.body.forecast.horizonsHours).toEqual([2, 4, 8, 24]);
    expect(mine.body.forecast.zones).toMatchObject([
      { zoneId: `${OTHER_WAREHOUSE}-zA`, open: 0, pickersOnShift: 0 },
      { zoneId: null, open: 3, overdue: 3 },
    ]);
    expect(mine.body.forecast.breaches).toEqual([]);
    const { token } = await h.login('zhangwei');
    expect((await get(`/api/warehouses/${WH}/forecast?horizons=0,4`, token)).status).toBe(400);
    expect((await get(`/api/warehouses/${WH}/forecast?horizons=abc`, token)).status).toBe(400);
    expect((await get(`/api/warehouses/${WH}/forecast?horizons=200`, token)).status).toBe(400);
    expect((await get(`/api/warehouses/${WH}/forecast`)).status).toBe(401);
  });
});

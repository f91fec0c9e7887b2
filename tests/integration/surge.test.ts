// The surge routes (brief F15): promotions edited in place by admins, the staffing plan a lead saves, the
// settings and the coordinators' load that overflow assignment balances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { promotions } from '../../server/db/schema';
import type { CoordinatorLoadReply, StaffingPlan, WarehouseSettings } from '../../shared/schemas/surge';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness } from '../support/harness';

const WH = 'wh-hz-xs-1';
const DAY = 24 * 3_600_000;

describe.each(BACKENDS)('surge routes ($name)', (backend) => {
  let h: Harness;
  let admin: string;
  let lead: string;
  let coordinator: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    admin = (await h.login('admin')).token;
    lead = (await h.login('lina')).token;
    coordinator = (await h.login('zhangwei')).token;
  });
  afterAll(() => h.close());

  it('lets an admin edit a promotion in place, and nobody else', async () => {
    const body = {
      name: '双12',
      platforms: null,
      paidFrom: T0 + DAY,
      paidUntil: T0 + 2 * DAY,
      shipBy: T0 + 4 * DAY,
    };
    const created = await h.request<{ promotion: { id: string } }>('POST', '/api/admin/promotions', {
      token: admin,
      body,
    });
    const id = created.body.promotion.id;
    const edit = { ...body, name: '双12 返场', platforms: ['jd'], shipBy: T0 + 5 * DAY };
    expect((await h.request('PUT', `/api/admin/promotions/${id}`, { token: lead, body: edit })).status).toBe(
      403,
    );
    const res = await h.request('PUT', `/api/admin/promotions/${id}`, { token: admin, body: edit });
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(promotions).where(eq(promotions.id, id));
    expect(row).toMatchObject({ name: '双12 返场', platforms: ['jd'] });
    expect(row?.shipBy.getTime()).toBe(T0 + 5 * DAY);
    expect((await h.request('PUT', '/api/admin/promotions/nope', { token: admin, body: edit })).status).toBe(
      404,
    );
    const bad = { ...edit, paidUntil: T0 };
    expect((await h.request('PUT', `/api/admin/promotions/${id}`, { token: admin, body: bad })).status).toBe(
      400,
    );
  });

  it('keeps the staffing plan a lead saves, per promotion', async () => {
    const empty = await h.request<StaffingPlan>('GET', `/api/warehouses/${WH}/capacity-plan/staffing`, {
      token: coordinator,
    });
    expect(empty.body).toEqual({ promotionId: null, zones: [], updatedAt: null, updatedBy: null });
    const zones = [{ zoneId: 'z-a', expectedPerDay: 900, pickers: 3, picksPerHour: 35 }];
    expect(
      (
        await h.request('PUT', `/api/warehouses/${WH}/capacity-plan/staffing`, {
          token: coordinator,
          body: { promotionId: null, zones },
        })
      ).status,
    ).toBe(403);
    const saved = await h.request<StaffingPlan>('PUT', `/api/warehouses/${WH}/capacity-plan/staffing`, {
      token: lead,
      body: { promotionId: null, zones },
    });
    expect(saved.status).toBe(200);
    const back = await h.request<StaffingPlan>('GET', `/api/warehouses/${WH}/capacity-plan/staffing`, {
      token: coordinator,
    });
    expect(back.body).toMatchObject({ promotionId: null, zones, updatedAt: T0 });
    const unknown = await h.request('PUT', `/api/warehouses/${WH}/capacity-plan/staffing`, {
      token: lead,
      body: { promotionId: 'no-such-promo', zones },
    });
    expect(unknown.status).toBe(404);
  });

  it('reports the settings and each coordinator’s load and shift as overflow assignment sees them', async () => {
    await h.request('PUT', `/api/warehouses/${WH}/settings`, { token: lead, body: { autoAssign: true } });
    const settings = await h.request<WarehouseSettings>('GET', `/api/warehouses/${WH}/settings`, {
      token: coordinator,
    });
    expect(settings.body.autoAssign).toBe(true);
    expect(
      (await h.request('GET', `/api/warehouses/${WH}/coordinator-load`, { token: coordinator })).status,
    ).toBe(403);
    await h.pullAll(coordinator, 'surge-desk-zhang', 1);
    await h.tick();
    const load = await h.request<CoordinatorLoadReply>('GET', `/api/warehouses/${WH}/coordinator-load`, {
      token: lead,
    });
    const zhang = load.body.coordinators.find((c) => c.displayName === '张伟');
    expect(zhang?.onShift).toBe(true);
    expect(load.body.coordinators.find((c) => c.displayName === '王芳')?.onShift).toBe(false);
    // Only 张伟 was on shift, so the tick handed him every waiting case.
    expect(load.body.unassignedOpen).toBe(0);
    expect(zhang?.load).toBeGreaterThan(0);
    await h.request('PUT', `/api/warehouses/${WH}/settings`, { token: lead, body: { autoAssign: false } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskFlag } from '../../shared/schemas/risk';
import { BACKENDS } from '../support/backends';
import { startHarness, T0, type Harness } from '../support/harness';

const WH = 'wh-hz-xs-1';
const H = 3_600_000;

describe.each(BACKENDS)('risk flags ($name)', (backend) => {
  let h: Harness;
  let lead: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    lead = (await h.login('lina')).token;
  });
  afterAll(() => h.close());

  it('lets a lead flag a region, syncs the flag to every desk, and removes it with a tombstone', async () => {
    const coordinator = await h.login('zhangwei');
    const before = await h.pullAll(coordinator.token, 'risk-client-1');
    const flag = {
      scope: 'region',
      target: '浙江',
      kind: 'rain',
      startsAt: T0,
      endsAt: T0 + 6 * H,
      note: '杭州暴雨',
    };
    expect(
      (await h.request('POST', `/api/warehouses/${WH}/risk-flags`, { token: coordinator.token, body: flag }))
        .status,
    ).toBe(403);
    const created = await h.request<RiskFlag>('POST', `/api/warehouses/${WH}/risk-flags`, {
      token: lead,
      body: flag,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ target: '浙江', kind: 'rain', points: 60 });
    const page = await h.request<{ changes: unknown[]; cursor: string }>('POST', '/api/sync/pull', {
      token: coordinator.token,
      body: { clientId: 'risk-client-1', cursor: before.cursor, protocolVersion: 1 },
    });
    expect(page.body.changes).toEqual([{ op: 'put', kind: 'risk', value: created.body }]);
    expect(
      (await h.request('DELETE', `/api/warehouses/${WH}/risk-flags/${created.body.id}`, { token: lead }))
        .status,
    ).toBe(200);
    const after = await h.request<{ changes: unknown[] }>('POST', '/api/sync/pull', {
      token: coordinator.token,
      body: { clientId: 'risk-client-1', cursor: page.body.cursor, protocolVersion: 1 },
    });
    expect(after.body.changes).toEqual([{ op: 'del', kind: 'risk', id: created.body.id }]);
  });

  it('imports flags from CSV, reporting each bad line with its reason and storing the good ones', async () => {
    const csv = [
      'scope,target,kind,starts_at,ends_at,points,note',
      'courier,cr-zto,depot_overload,2026-11-11 18:00,2026-11-12 02:00,,中通萧山分拨爆仓',
      'region,温州,typhoon,2026-11-11 08:00,2026-11-12 08:00,150,台风',
      'planet,火星,rain,2026-11-11 08:00,2026-11-12 08:00,,',
      'region,杭州,blizzard,2026-11-11 08:00,2026-11-12 08:00,,',
      'region,杭州,rain,tomorrow,2026-11-12 08:00,,',
      'region,杭州,rain,2026-11-12 08:00,2026-11-11 08:00,,',
    ].join('\n');
    const res = await h.request<{ stored: RiskFlag[]; rejected: { line: number; reason: string }[] }>(
      'POST',
      `/api/warehouses/${WH}/risk-flags/import`,
      { token: lead, body: { csv } },
    );
    expect(res.status).toBe(200);
    expect(res.body.stored.map((f) => [f.target, f.points])).toEqual([
      ['cr-zto', 90],
      ['温州', 150],
    ]);
    // Times are the warehouse's wall clock (Asia/Shanghai, UTC+8).
    expect(res.body.stored[0]!.startsAt).toBe(Date.UTC(2026, 10, 11, 10, 0));
    expect(res.body.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(res.body.rejected[1]!.reason).toContain('blizzard');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { NEXT_CURSOR_HEADER } from '../../shared/sync/protocol';
import { MAX_FAILURES_PER_ACCOUNT } from '../../server/auth/rate-limit';
import { auditLog, cases } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

describe.each(BACKENDS)('security ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h.close());

  it('locks an account after repeated failed logins, with a clear message, even for the right password', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        (
          await h.request('POST', '/api/auth/login', {
            body: { username: 'wangfang', password: `guess-${i}` },
          })
        ).status,
      ).toBe(401);
    }
    const locked = await h.request<{ error: string; message: string }>('POST', '/api/auth/login', {
      body: { username: 'wangfang', password: 'desk2026' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('login_locked');
    expect(locked.body.message).toContain('too many failed logins for this account');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked.
    expect(
      (await h.request('POST', '/api/auth/login', { body: { username: 'zhangwei', password: 'desk2026' } }))
        .status,
    ).toBe(200);
    // The window passes.
    h.clock.now += 16 * 60_000;
    try {
      expect(
        (await h.request('POST', '/api/auth/login', { body: { username: 'wangfang', password: 'desk2026' } }))
          .status,
      ).toBe(200);
    } finally {
      h.clock.now -= 16 * 60_000;
    }
  });

  it('records every write in an append-only audit log that admins can export', async () => {
    const { token, user } = await h.login('zhangwei');
    const [open] = await h.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'open')).limit(1);
    await h.push(token, 'audit-client-1', [
      { id: 1, name: 'addNote', args: { caseId: open!.id, noteId: crypto.randomUUID(), text: '审计' } },
    ]);
    const lead = await h.login('lina');
    await h.request('POST', '/api/warehouses/wh-hz-xs-1/risk-flags', {
      token: lead.token,
      body: {
        scope: 'region',
        target: '浙江',
        kind: 'rain',
        startsAt: h.clock.now,
        endsAt: h.clock.now + 3_600_000,
      },
    });
    const rows = await h.db.select().from(auditLog);
    expect(rows).toContainEqual(
      expect.objectContaining({
        userId: user.id,
        action: 'mutation:addNote',
        target: open!.id,
        clientId: 'audit-client-1',
        outcome: 'applied',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        username: 'lina',
        action: 'POST /api/warehouses/:warehouseId/risk-flags',
        outcome: '200',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ username: 'wangfang', action: 'login', outcome: 'locked:account' }),
    );
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'allowed',
        (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
      );
    expect(await refusal(h.db.execute(sql`update audit_log set outcome = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(h.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await refusal(h.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);

    const admin = await h.login('admin');
    expect((await h.request('GET', '/api/admin/audit', { token })).status).toBe(403);
    const res = await fetch(`${h.url}/api/admin/audit?format=csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\n')[0]).toContain('id,at,user_id,username,warehouse_id,action');
    expect(csv).toContain('mutation:addNote');
  });

  it('revokes a user’s sessions when an admin changes their role, so the new rights need a new login', async () => {
    const admin = await h.login('admin');
    const coordinator = await h.login('zhangwei');
    const users = await h.request<{ id: string; username: string }[]>('GET', '/api/admin/users', {
      token: admin.token,
    });
    const target = users.body.find((u) => u.username === 'zhangwei')!;
    expect(users.body.some((u) => u.username === 'zhaolei')).toBe(false); // another warehouse's user is not listed
    const changed = await h.request<{ revokedSessions: number }>('PUT', `/api/admin/users/${target.id}`, {
      token: admin.token,
      body: { role: 'lead' },
    });
    expect(changed.body.revokedSessions).toBeGreaterThan(0);
    expect((await h.request('GET', '/api/me', { token: coordinator.token })).status).toBe(401);
    const again = await h.login('zhangwei');
    expect(again.user.role).toBe('lead');
    expect(
      (
        await h.request('PUT', `/api/admin/users/${target.id}`, {
          token: again.token,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(403);
    await h.request('PUT', `/api/admin/users/${target.id}`, {
      token: admin.token,
      body: { role: 'coordinator' },
    });
    // An admin cannot hand out a warehouse they do not manage.
    const foreign = await h.request('PUT', `/api/admin/users/${target.id}`, {
      token: admin.token,
      body: { warehouseIds: ['wh-bj-dx-2'] },
    });
    expect(foreign.status).toBe(403);
  });

  it('sends security headers and allows cross-origin calls only from the desktop app', async () => {
    const res = await fetch(`${h.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const app = await fetch(`${h.url}/api/health`, { headers: { origin: 'app://desk' } });
    expect(app.headers.get('access-control-allow-origin')).toBe('app://desk');
    // The app reads the next pull cursor from a header (docs/sync-protocol.md): it must be exposed to it.
    expect(app.headers.get('access-control-expose-headers')).toBe(NEXT_CURSOR_HEADER);
  });
});

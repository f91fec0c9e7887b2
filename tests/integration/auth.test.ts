import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, syncClients, users } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

describe.each(BACKENDS)('accounts and sessions ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h.close());

  it('logs in with the demo password and answers /api/me with the user and their warehouses', async () => {
    const { token, user } = await h.login('zhangwei');
    expect(token).toMatch(/^odk_/);
    expect(user).toMatchObject({ username: 'zhangwei', role: 'coordinator', warehouseIds: ['wh-hz-xs-1'] });
    const me = await h.request<{ user: { id: string } }>('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
  });

  it('stores neither passwords nor tokens in clear', async () => {
    const { token } = await h.login('lina');
    const [row] = await h.db.select().from(users).where(eq(users.username, 'lina'));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain('desk2026');
    const stored = await h.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('refuses a wrong password with the same answer as an unknown user, after a delay', async () => {
    const started = performance.now();
    const wrong = await h.request('POST', '/api/auth/login', {
      body: { username: 'zhangwei', password: 'nope-nope' },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    const unknown = await h.request('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: 'invalid_credentials' });
  });

  it('asks for a login on every protected route without a valid token', async () => {
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['POST', '/api/sync/pull'],
      ['POST', '/api/sync/push'],
      ['GET', '/api/sync/events'],
      ['GET', '/api/cases/anything'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      const none = await h.request(method, path, method === 'POST' ? { body: {} } : {});
      expect(none.status, `${method} ${path}`).toBe(401);
      const bogus = await h.request(method, path, {
        token: 'odk_forged',
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(bogus.status, `${method} ${path}`).toBe(401);
    }
  });

  it('revokes a token on logout and expires tokens after their lifetime', async () => {
    const a = await h.login('wangfang');
    expect((await h.request('POST', '/api/auth/logout', { token: a.token })).status).toBe(200);
    expect((await h.request('GET', '/api/me', { token: a.token })).status).toBe(401);

    const b = await h.login('wangfang');
    h.clock.now += 13 * 3_600_000;
    try {
      const expired = await h.request('GET', '/api/me', { token: b.token });
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ error: 'unauthorized' });
    } finally {
      h.clock.now -= 13 * 3_600_000;
    }
  });

  it('answers a malformed body with 400 naming the problem, and an oversized one with 413', async () => {
    const malformed = await h.request('POST', '/api/auth/login', { raw: '{"username": ' });
    expect(malformed.status).toBe(400);
    const missing = await h.request<{ error: string; message: string }>('POST', '/api/auth/login', {
      body: { username: 'x' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    expect(missing.body.message).toContain('password');
    const { token } = await h.login('zhangwei');
    const future = await h.request<{ error: string }>('POST', '/api/sync/pull', {
      token,
      body: { clientId: 'future-client', cursor: null, protocolVersion: 99 },
    });
    expect(future.status).toBe(400);
    expect(future.body.error).toBe('unsupported_protocol');
    const badPush = await h.request<{ error: string; message: string }>('POST', '/api/sync/push', {
      token,
      body: { clientId: 'malformed-client', protocolVersion: 1, mutations: [{ id: 'one', name: 'addNote' }] },
    });
    expect(badPush.status).toBe(400);
    expect(badPush.body.message).toContain('/mutations/0/id');
    expect(await h.db.select().from(syncClients).where(eq(syncClients.clientId, 'malformed-client'))).toEqual(
      [],
    );
    const huge = await h.request('POST', '/api/sync/push', {
      token,
      raw: JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'payload_too_large' });
  });
});

// The authorization matrix, generated from the server's own route table: every API route × every role
// (none, coordinator, lead, admin) × own and other warehouse, with the answer its declared rule implies.
// A route added without an access rule cannot even be registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { ANY_ROLE, registerAccessControl, type RouteRule } from '../../server/http/access';
import { cases } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';
import { OTHER_WAREHOUSE } from '../support/second-warehouse';

const OWN = 'wh-hz-xs-1';
const ROLES = ['coordinator', 'lead', 'admin'] as const;
const USER_OF = { coordinator: 'zhangwei', lead: 'lina', admin: 'admin' } as const;

/** Status of a request, without waiting for a streaming body (the event stream never ends). */
async function statusOf(url: string, method: string, token: string | null): Promise<number> {
  const controller = new AbortController();
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = method !== 'GET' && method !== 'DELETE';
  if (hasBody) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: '{}' } : {}),
  });
  controller.abort();
  return res.status;
}

describe.each(BACKENDS)('authorization matrix ($name)', (backend) => {
  let h: Harness;
  let table: RouteRule[];
  let foreignCase: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(backend);
    table = h.server.app.routeTable;
    for (const role of ROLES) tokens[role] = (await h.login(USER_OF[role])).token;
    foreignCase = (
      await h.db.select({ id: cases.id }).from(cases).where(eq(cases.warehouseId, OTHER_WAREHOUSE))
    )[0]!.id;
  });
  afterAll(() => h.close());

  it('knows every route and its rule', () => {
    expect(table.length).toBeGreaterThan(25);
    expect(
      table
        .filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual(['GET /api/health', 'POST /api/auth/login']);
  });

  it('answers every route for every role and warehouse as its rule says', async () => {
    const failures: string[] = [];
    // Logging out revokes the token the rest of the matrix uses: check it last.
    const ordered = [...table].sort(
      (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
    );
    for (const route of ordered) {
      for (const warehouse of [OWN, OTHER_WAREHOUSE]) {
        if (
          warehouse === OTHER_WAREHOUSE &&
          !route.url.includes(':warehouseId') &&
          !route.url.startsWith('/api/cases/')
        )
          continue;
        const path = route.url
          .replace(':warehouseId', warehouse)
          .replace(/^\/api\/cases\/:id$/, `/api/cases/${warehouse === OWN ? 'no-such-case' : foreignCase}`)
          .replace(/:(\w+)/g, 'matrix-$1');
        for (const role of [null, ...ROLES]) {
          const status = await statusOf(h.url + path, route.method, role ? tokens[role]! : null);
          const allowed = route.access === 'public' || (role !== null && route.access.includes(role));
          let expected: string;
          let ok: boolean;
          if (route.access === 'public') {
            expected = 'not 401/403';
            ok = status !== 401 && status !== 403;
          } else if (role === null) {
            expected = '401';
            ok = status === 401;
          } else if (!allowed) {
            expected = '403';
            ok = status === 403;
          } else if (warehouse === OTHER_WAREHOUSE) {
            expected = '404 (outside the user’s warehouses)';
            ok = status === 404;
          } else {
            expected = 'not 401/403';
            // 501: a route that says plainly it does not apply here (backups through the app on PostgreSQL).
            ok = status !== 401 && status !== 403 && (status < 500 || status === 501);
          }
          if (!ok)
            failures.push(
              `${route.method} ${path} as ${role ?? 'nobody'}: got ${status}, expected ${expected}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses to register a route that declares no access rule', async () => {
    const app = Fastify();
    registerAccessControl(app, h.db, Date.now);
    app.get('/api/declared', { config: { access: ANY_ROLE } }, async () => ({ ok: true }));
    expect(() => app.get('/api/forgotten', async () => ({ leaked: true }))).toThrow(
      /declares no access rule/,
    );
    await app.close();
  });
});

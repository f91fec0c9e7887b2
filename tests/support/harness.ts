// A real server (Fastify over HTTP on a free port) on a fresh database, with the demo world, a second
// warehouse and a clock the test moves by hand. The engine timer is off: tests call tick() themselves.
import type { SessionUser } from '../../shared/schemas/auth';
import type { Change } from '../../shared/sync/entities';
import { PROTOCOL_VERSION, type MutationEnvelope, type PullResponse } from '../../shared/sync/protocol';
import type { Db } from '../../server/db/open';
import { DEMO_PASSWORD } from '../../server/demo/world';
import { tick, type TickResult } from '../../server/engine/case-engine';
import { startServer, type RunningServer } from '../../server/start';
import type { Backend } from './backends';
import { seedSecondWarehouse } from './second-warehouse';

/** Double 11, 10:00 in Hangzhou. */
export const T0 = Date.UTC(2026, 10, 11, 2, 0, 0);

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Harness {
  url: string;
  server: RunningServer;
  db: Db;
  clock: { now: number };
  tick(): Promise<TickResult>;
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string },
  ): Promise<Reply<T>>;
  login(username: string, password?: string): Promise<{ token: string; user: SessionUser }>;
  pullAll(
    token: string,
    clientId: string,
    limit?: number,
  ): Promise<{ changes: Change[]; pages: number; cursor: string; lastMutationId: number }>;
  push(token: string, clientId: string, mutations: Omit<MutationEnvelope, 'clientTime'>[]): Promise<Reply>;
  close(): Promise<void>;
}

export async function startHarness(backend: Backend, options: { orders?: number } = {}): Promise<Harness> {
  const clock = { now: T0 };
  const database = await backend.open();
  const server = await startServer({
    database,
    demo: { orders: options.orders ?? 120, seed: 7 },
    engineIntervalMs: 3_600_000,
    loginFailureDelayMs: 200,
    heartbeatMs: 500,
    now: () => clock.now,
  });
  const db = server.database.db;
  await seedSecondWarehouse(db, clock.now);

  const request: Harness['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as never) : (undefined as never),
      headers: res.headers,
    };
  };

  const harness: Harness = {
    url: server.url,
    server,
    db,
    clock,
    tick: () => tick(db, clock.now),
    request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await request<{ token: string; user: SessionUser }>('POST', '/api/auth/login', {
        body: { username, password },
      });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async pullAll(token, clientId, limit) {
      let cursor: string | null = null;
      const changes: Change[] = [];
      for (let pages = 1; ; pages++) {
        const res: Reply<PullResponse> = await request<PullResponse>('POST', '/api/sync/pull', {
          token,
          body: { clientId, cursor, protocolVersion: PROTOCOL_VERSION, ...(limit ? { limit } : {}) },
        });
        if (res.status !== 200 || res.body.type !== 'page')
          throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
        changes.push(...res.body.changes);
        cursor = res.body.cursor;
        if (!res.body.hasMore) return { changes, pages, cursor, lastMutationId: res.body.lastMutationId };
      }
    },
    push(token, clientId, mutations) {
      return request('POST', '/api/sync/push', {
        token,
        body: {
          clientId,
          protocolVersion: PROTOCOL_VERSION,
          mutations: mutations.map((m) => ({ clientTime: clock.now, ...m })),
        },
      });
    },
    close: () => server.close(),
  };
  return harness;
}

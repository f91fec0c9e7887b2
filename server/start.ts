// Starts a complete server: opens and migrates the database, seeds the demo world on first start if asked,
// runs the case engine on a timer and listens. Used by `desk serve`, `npm start` and the end-to-end tests.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { NEXT_CURSOR_HEADER } from '../shared/sync/protocol';
import { buildApp } from './app';
import type { ServerContext } from './context';
import { openDatabase, type Database, type DatabaseOptions } from './db/open';
import { seedDemo, type SeedResult } from './demo/seed';
import { tick } from './engine/case-engine';
import { ensureDefaultRules } from './orders/rulebook';
import { ensureDatabaseId, PokeHub } from './sync/poke-hub';

/** The desktop app's own origin (custom protocol); browser mode is same-origin and needs no CORS. */
export const APP_ORIGIN = 'app://desk';

export interface StartOptions {
  /** Options to open a database, or one already open (tests); the server closes it either way. */
  database: DatabaseOptions | Database;
  host?: string;
  port?: number;
  staticDir?: string | null;
  demo?: { orders: number; seed?: number; surge?: boolean } | null;
  engineIntervalMs?: number;
  tokenTtlMs?: number;
  loginFailureDelayMs?: number;
  heartbeatMs?: number;
  allowedOrigins?: string[];
  logger?: boolean;
  now?: () => number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  seeded: SeedResult | null;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const database = 'db' in options.database ? options.database : await openDatabase(options.database);
  await database.migrate();
  const databaseId = await ensureDatabaseId(database);
  await ensureDefaultRules(database.db);
  const seeded = options.demo ? await seedDemo(database.db, { ...options.demo, now: now() }) : null;

  const hub = new PokeHub(database);
  await hub.start();
  const shutdownHooks = new Set<() => void>();
  const origins = new Set([APP_ORIGIN, ...(options.allowedOrigins ?? [])]);
  const ctx: ServerContext = {
    db: database.db,
    database,
    databaseId,
    hub,
    now,
    tokenTtlMs: options.tokenTtlMs ?? 12 * 3_600_000,
    loginFailureDelayMs: options.loginFailureDelayMs ?? 600,
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    corsHeaders: (origin) =>
      origin && origins.has(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-allow-headers': 'authorization, content-type, last-event-id',
            'access-control-allow-methods': 'GET, POST, OPTIONS',
            'access-control-expose-headers': NEXT_CURSOR_HEADER,
            'access-control-max-age': '600',
            vary: 'origin',
          }
        : {},
    onShutdown: (fn) => shutdownHooks.add(fn),
  };
  const app = await buildApp(ctx, { staticDir: options.staticDir ?? null, logger: options.logger ?? false });

  // PGlite has no autovacuum, so nothing refreshes the planner's statistics; stale ones turn the engine's
  // queries into full scans as tables grow. Refresh them after start-up and every ten minutes.
  const analyze = () =>
    database.kind === 'pglite' ? database.db.execute(sql`analyze`).then(() => undefined) : Promise.resolve();
  await analyze();
  const analyzer = setInterval(() => void analyze().catch(() => undefined), 10 * 60_000);
  let engineBusy = false;
  const engine = setInterval(() => {
    if (engineBusy) return;
    engineBusy = true;
    tick(database.db, now())
      .catch((err: unknown) => app.log.error({ err }, 'engine tick failed'))
      .finally(() => (engineBusy = false));
  }, options.engineIntervalMs ?? 15_000);

  const host = options.host ?? '127.0.0.1';
  const address = await app.listen({ host, port: options.port ?? 0 });
  return {
    url: address.replace('[::1]', 'localhost'),
    app,
    database,
    seeded,
    async close() {
      clearInterval(engine);
      clearInterval(analyzer);
      for (const fn of shutdownHooks) fn();
      await app.close();
      await hub.close();
      await database.close();
    },
  };
}

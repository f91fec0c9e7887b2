// What request handlers share: the database, the clock, the poke hub and the server's settings.
import type { Database, Db } from './db/open';
import type { PokeHub } from './sync/poke-hub';

export interface ServerContext {
  db: Db;
  /** The database itself (backups of the embedded store). */
  database: Database;
  databaseId: string;
  hub: PokeHub;
  /** Server time in epoch ms; the only clock deadlines are measured against. */
  now: () => number;
  tokenTtlMs: number;
  loginFailureDelayMs: number;
  heartbeatMs?: number;
  corsHeaders(origin: string | undefined): Record<string, string>;
  onShutdown(fn: () => void): void;
}

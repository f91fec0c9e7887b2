// Fans "something changed in warehouse W at version V" out to the SSE connections of this process. The
// source is PostgreSQL NOTIFY, so a write on any API server behind the same database pokes clients everywhere.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/open';
import { serverMeta, warehouseClock } from '../db/schema';
import { POKE_CHANNEL } from './write-tx';

export type PokeListener = (warehouseId: string, version: number) => void;

export class PokeHub {
  private readonly listeners = new Map<string, Set<PokeListener>>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.stop = await this.database.listen(POKE_CHANNEL, (payload) => {
      const at = payload.lastIndexOf(':');
      const warehouseId = payload.slice(0, at);
      const version = Number(payload.slice(at + 1));
      for (const listener of this.listeners.get(warehouseId) ?? []) listener(warehouseId, version);
    });
  }

  subscribe(warehouseIds: readonly string[], listener: PokeListener): () => void {
    for (const id of warehouseIds) {
      let set = this.listeners.get(id);
      if (!set) this.listeners.set(id, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const id of warehouseIds) this.listeners.get(id)?.delete(listener);
    };
  }

  async versions(warehouseIds: readonly string[]): Promise<Map<string, number>> {
    if (!warehouseIds.length) return new Map();
    const rows = await this.database.db
      .select()
      .from(warehouseClock)
      .where(inArray(warehouseClock.warehouseId, [...warehouseIds]));
    return new Map(rows.map((r) => [r.warehouseId, r.version]));
  }

  get connections(): number {
    const all = new Set<PokeListener>();
    for (const set of this.listeners.values()) for (const l of set) all.add(l);
    return all.size;
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.listeners.clear();
  }
}

/** This database's random id, created on first start; pull cursors carry it. */
export async function ensureDatabaseId(database: Database): Promise<string> {
  const id = crypto.randomUUID();
  await database.db.insert(serverMeta).values({ key: 'database_id', value: id }).onConflictDoNothing();
  const [row] = await database.db.select().from(serverMeta).where(eq(serverMeta.key, 'database_id'));
  if (!row) throw new Error('server_meta.database_id missing');
  return row.value;
}

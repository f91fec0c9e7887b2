// POST /api/sync/pull: the next page of changes for the user's warehouses after the client's cursor. All reads of
// one page run in one REPEATABLE READ snapshot, so the page and lastMutationId describe the same moment.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/schemas/auth';
import { PULL_LIMIT_DEFAULT, type PullRequest, type PullResponse } from '../../shared/sync/protocol';
import type { Change } from '../../shared/sync/entities';
import type { Db, Tx } from '../db/open';
import { syncClients, warehouseClock } from '../db/schema';
import { CURSOR_FORMAT, decodeCursor, encodeCursor, START, type Position } from './cursor';
import { PULL_SOURCES, type SourceRow } from './pull-sources';

export interface PullContext {
  db: Db;
  databaseId: string;
  now: () => number;
}

interface TaggedRow extends SourceRow {
  kindIndex: number;
}

/** Merges per-kind lists (each already in order) by (version, kind); never compares ids across sources. */
function mergeByVersion(lists: TaggedRow[][]): TaggedRow[] {
  return lists.flat().sort((a, b) => a.version - b.version || a.kindIndex - b.kindIndex || 0);
}

async function readWarehouse(
  tx: Tx,
  warehouseId: string,
  after: Position,
  limit: number,
): Promise<TaggedRow[]> {
  const lists: TaggedRow[][] = [];
  for (const source of PULL_SOURCES) {
    const rows = await source.fetch(tx, warehouseId, after, limit + 1);
    lists.push(rows.map((row) => ({ ...row, kindIndex: source.kindIndex })));
  }
  return mergeByVersion(lists);
}

async function lastMutationIdOf(tx: Tx | Db, clientId: string, userId: string): Promise<number> {
  const [client] = await tx
    .select({ lastMutationId: syncClients.lastMutationId })
    .from(syncClients)
    .where(and(eq(syncClients.clientId, clientId), eq(syncClients.userId, userId)));
  return client?.lastMutationId ?? 0;
}

/** A desk that pulls is open and working: surge overflow counts it as on shift (analytics/overflow.ts). */
async function markSeen(ctx: PullContext, user: SessionUser, clientId: string): Promise<void> {
  const at = new Date(ctx.now());
  await ctx.db
    .insert(syncClients)
    .values({ clientId, userId: user.id, lastSeenAt: at })
    .onConflictDoUpdate({
      target: syncClients.clientId,
      set: { lastSeenAt: at },
      where: eq(syncClients.userId, user.id),
    });
}

export async function pull(ctx: PullContext, user: SessionUser, req: PullRequest): Promise<PullResponse> {
  const limit = req.limit ?? PULL_LIMIT_DEFAULT;
  await markSeen(ctx, user, req.clientId);
  return ctx.db.transaction(
    async (tx) => {
      // A page is a few index scans of a few thousand rows: a parallel plan spends more starting its worker
      // than it saves and takes the second core from the desks on the same machine (a 5,000-case page: 91 ms
      // of PostgreSQL time with one worker, 57 without).
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      const serverTime = ctx.now();
      const lastMutationId = await lastMutationIdOf(tx, req.clientId, user.id);
      const reset = (reason: string): PullResponse => ({ type: 'reset', reason, lastMutationId, serverTime });

      const scope = [...user.warehouseIds].sort();
      const clocks = scope.length
        ? await tx.select().from(warehouseClock).where(inArray(warehouseClock.warehouseId, scope))
        : [];
      const clockOf = new Map(clocks.map((c) => [c.warehouseId, c]));

      const positions: Record<string, Position> = {};
      if (req.cursor !== null) {
        const body = decodeCursor(req.cursor);
        if (!body) return reset('cursor could not be read');
        if (body.db !== ctx.databaseId) return reset('cursor is from another database');
        for (const [warehouseId, pos] of Object.entries(body.w)) {
          const clock = clockOf.get(warehouseId);
          if (!clock) return reset('warehouse access changed');
          if (pos[0] > clock.version) return reset('cursor is ahead of the server (restored database?)');
          if (pos[0] > 0 && pos[0] < clock.horizon) return reset('cursor is older than the retained history');
          positions[warehouseId] = pos;
        }
      }

      const changes: Change[] = [];
      let hasMore = false;
      for (const warehouseId of scope) {
        const after = positions[warehouseId] ?? START;
        positions[warehouseId] = after;
        const budget = limit - changes.length;
        if (budget <= 0) {
          hasMore = true;
          break;
        }
        const rows = await readWarehouse(tx, warehouseId, after, budget);
        const taken = rows.slice(0, budget);
        for (const row of taken) changes.push(row.change);
        const last = taken.at(-1);
        if (last) positions[warehouseId] = [last.version, last.kindIndex, last.key];
        if (rows.length > budget) {
          hasMore = true;
          break;
        }
      }
      const cursor = encodeCursor({ f: CURSOR_FORMAT, db: ctx.databaseId, w: positions });
      return { type: 'page', changes, cursor, hasMore, lastMutationId, serverTime };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

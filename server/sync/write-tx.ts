// Every write that clients must see goes through writeTransaction. It hands out the warehouse's next version
// (locking that warehouse's clock row until commit, so versions become visible in the order they were taken:
// a pull that has seen version N can never later find an N-1 it missed), and pokes listeners after commit.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open';
import { warehouseClock } from '../db/schema';

export const POKE_CHANNEL = 'desk_poke';

export class WriteScope {
  private readonly versions = new Map<string, number>();
  constructor(readonly tx: Tx) {}

  /** The version every row written in this transaction for the warehouse carries. */
  async version(warehouseId: string): Promise<number> {
    const known = this.versions.get(warehouseId);
    if (known !== undefined) return known;
    const [row] = await this.tx
      .update(warehouseClock)
      .set({ version: sql`${warehouseClock.version} + 1` })
      .where(eq(warehouseClock.warehouseId, warehouseId))
      .returning({ version: warehouseClock.version });
    if (!row) throw new Error(`no clock for warehouse ${warehouseId}`);
    this.versions.set(warehouseId, row.version);
    return row.version;
  }

  touched(): ReadonlyMap<string, number> {
    return this.versions;
  }
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

function pgCode(err: unknown): string | undefined {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (err as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isRetryable = (err: unknown): boolean => RETRYABLE.has(pgCode(err) ?? '');

export async function writeTransaction<T>(db: Db, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const scope = new WriteScope(tx);
        const result = await fn(scope);
        // NOTIFY inside the transaction is delivered at commit, and not at all on rollback.
        for (const [warehouseId, version] of scope.touched()) {
          await tx.execute(sql`select pg_notify(${POKE_CHANNEL}, ${`${warehouseId}:${version}`})`);
        }
        return result;
      });
    } catch (err) {
      if (attempt < 4 && isRetryable(err)) continue;
      throw err;
    }
  }
}

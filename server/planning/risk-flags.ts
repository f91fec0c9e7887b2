// Storing risk flags: written with the warehouse's version like every synced row (desks receive them and rank
// affected cases higher), removed with a tombstone. A CSV import reports each bad line with its reason and
// still stores the good ones.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_RISK_POINTS, RiskKind, type RiskFlag } from '../../shared/schemas/risk';
import type { Db } from '../db/open';
import { riskFlags, syncTombstones, warehouses } from '../db/schema';
import { readCsv } from '../import/csv-reader';
import { parseZoned } from '../import/zoned-time';
import { writeTransaction, type WriteScope } from '../sync/write-tx';

export type NewRiskFlag = Omit<RiskFlag, 'id' | 'points'> & { points?: number };

const MAX_WINDOW_MS = 14 * 24 * 3_600_000;

export function checkFlag(flag: NewRiskFlag): string | null {
  if (!(flag.endsAt > flag.startsAt)) return 'the window must end after it starts';
  if (flag.endsAt - flag.startsAt > MAX_WINDOW_MS) return 'a risk window is at most 14 days';
  return null;
}

async function insertFlags(scope: WriteScope, flags: NewRiskFlag[]): Promise<RiskFlag[]> {
  const stored: RiskFlag[] = [];
  for (const flag of flags) {
    const row: RiskFlag = {
      ...flag,
      id: randomUUID(),
      points: flag.points ?? DEFAULT_RISK_POINTS[flag.kind],
    };
    await scope.tx.insert(riskFlags).values({
      ...row,
      startsAt: new Date(row.startsAt),
      endsAt: new Date(row.endsAt),
      rowVersion: await scope.version(row.warehouseId),
    });
    stored.push(row);
  }
  return stored;
}

export const addRiskFlags = (db: Db, flags: NewRiskFlag[]): Promise<RiskFlag[]> =>
  writeTransaction(db, (scope) => insertFlags(scope, flags));

export async function removeRiskFlag(db: Db, warehouseId: string, id: string): Promise<boolean> {
  return writeTransaction(db, async (scope) => {
    const deleted = await scope.tx
      .delete(riskFlags)
      .where(and(eq(riskFlags.id, id), eq(riskFlags.warehouseId, warehouseId)))
      .returning({ id: riskFlags.id });
    if (!deleted.length) return false;
    await scope.tx
      .insert(syncTombstones)
      .values({ warehouseId, kind: 'risk', entityId: id, rowVersion: await scope.version(warehouseId) })
      .onConflictDoUpdate({
        target: [syncTombstones.warehouseId, syncTombstones.kind, syncTombstones.entityId],
        set: { rowVersion: await scope.version(warehouseId) },
      });
    return true;
  });
}

async function* textChunks(text: string): AsyncGenerator<string> {
  yield text;
}

export interface FlagImport {
  stored: RiskFlag[];
  rejected: { line: number; reason: string }[];
}

/**
 * CSV with a header: scope,target,kind,starts_at,ends_at[,points][,note]. Times are wall-clock in the
 * warehouse's time zone ("2026-11-11 14:00").
 */
export async function importRiskFlags(
  db: Db,
  warehouseId: string,
  csv: string,
  createdBy: string,
): Promise<FlagImport> {
  const [warehouse] = await db
    .select({ tz: warehouses.timezone })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  const zone = warehouse?.tz ?? 'Asia/Shanghai';
  const flags: NewRiskFlag[] = [];
  const rejected: FlagImport['rejected'] = [];
  let header: string[] | null = null;
  for await (const record of readCsv(textChunks(csv))) {
    if (!header) {
      header = record.fields.map((f) => f.trim().toLowerCase());
      continue;
    }
    if (record.fields.every((f) => !f.trim())) continue;
    const get = (name: string) => record.fields[header!.indexOf(name)]?.trim() ?? '';
    const reject = (reason: string) => rejected.push({ line: record.line, reason });
    if (record.error) {
      reject(record.error);
      continue;
    }
    const scope = get('scope');
    const kind = RiskKind.safeParse(get('kind'));
    const startsAt = parseZoned(get('starts_at'), zone);
    const endsAt = parseZoned(get('ends_at'), zone);
    const pointsText = get('points');
    const points = pointsText ? Number(pointsText) : undefined;
    if (scope !== 'region' && scope !== 'courier') reject(`scope must be region or courier, got "${scope}"`);
    else if (!get('target')) reject('target is empty');
    else if (!kind.success) reject(`unknown kind "${get('kind')}"`);
    else if (startsAt === null || endsAt === null)
      reject('starts_at and ends_at must be "YYYY-MM-DD HH:MM[:SS]"');
    else if (points !== undefined && !(Number.isInteger(points) && points >= 0 && points <= 300))
      reject('points must be 0-300');
    else {
      const flag: NewRiskFlag = {
        warehouseId,
        scope,
        target: get('target'),
        kind: kind.data,
        startsAt,
        endsAt,
        note: get('note'),
        createdBy,
        ...(points !== undefined ? { points } : {}),
      };
      const problem = checkFlag(flag);
      if (problem) reject(problem);
      else flags.push(flag);
    }
  }
  return { stored: flags.length ? await addRiskFlags(db, flags) : [], rejected };
}

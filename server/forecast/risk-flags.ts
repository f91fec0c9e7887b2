// The risk flags that can touch the forecast: the warehouse's flags whose window has not ended by now.
import { and, eq, gt } from 'drizzle-orm';
import type { RiskFlag } from '../../shared/schemas/risk';
import type { Db } from '../db/open';
import { riskFlags } from '../db/schema';

export async function loadRiskFlags(db: Db, warehouseId: string, now: number): Promise<RiskFlag[]> {
  const rows = await db
    .select()
    .from(riskFlags)
    .where(and(eq(riskFlags.warehouseId, warehouseId), gt(riskFlags.endsAt, new Date(now))))
    .orderBy(riskFlags.startsAt, riskFlags.id);
  return rows.map((r) => ({
    id: r.id,
    warehouseId: r.warehouseId,
    scope: r.scope,
    target: r.target,
    kind: r.kind,
    startsAt: r.startsAt.getTime(),
    endsAt: r.endsAt.getTime(),
    points: r.points,
    note: r.note,
    createdBy: r.createdBy,
  }));
}

// Force majeure (typhoon, flood, epidemic lockdown) declared by a lead for a region of a warehouse over a time
// window: platforms accept it as a reason to stop the clock, so each open case in the region whose deadline
// falls after the window starts gets its deadline moved by the part of the window it lost, recorded as a pause.
import { randomUUID } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { Pause } from '../../shared/schemas/case';
import type { Db } from '../db/open';
import { cases, forceMajeure, orders } from '../db/schema';
import { writeTransaction } from '../sync/write-tx';

export interface ForceMajeureInput {
  warehouseId: string;
  /** Province or city, as the orders record it (e.g. "浙江" or "温州"). */
  region: string;
  reason: string;
  startsAt: number;
  endsAt: number;
  createdBy: string;
}

/** How far a deadline moves: the part of the window between its start and the deadline (clock stopped). */
export function shiftFor(deadline: number, startsAt: number, endsAt: number): number {
  if (deadline <= startsAt) return 0;
  return Math.min(endsAt, deadline) - startsAt;
}

export async function declareForceMajeure(
  db: Db,
  input: ForceMajeureInput,
  nowMs: number,
): Promise<{ id: string; affectedCases: number }> {
  const id = randomUUID();
  return writeTransaction(db, async (scope) => {
    await scope.tx.insert(forceMajeure).values({
      id,
      warehouseId: input.warehouseId,
      region: input.region,
      reason: input.reason,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      createdBy: input.createdBy,
    });
    const open = await scope.tx
      .select({ id: cases.id, shipBy: cases.shipBy, pauses: cases.pauses, version: cases.version })
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(
        and(
          eq(cases.warehouseId, input.warehouseId),
          eq(cases.status, 'open'),
          or(eq(orders.region, input.region), eq(orders.city, input.region)),
        ),
      )
      .for('update', { of: cases });
    let affected = 0;
    for (const c of open) {
      const shift = shiftFor(c.shipBy.getTime(), input.startsAt, input.endsAt);
      if (shift <= 0) continue;
      const from = c.shipBy.getTime();
      const pause: Pause = {
        kind: 'force_majeure',
        at: nowMs,
        by: input.createdBy,
        from,
        to: from + shift,
        note: input.reason,
      };
      await scope.tx
        .update(cases)
        .set({
          shipBy: new Date(from + shift),
          overdueAt: from + shift > nowMs ? null : new Date(from + shift),
          pauses: [...c.pauses, pause],
          version: c.version + 1,
          rowVersion: await scope.version(input.warehouseId),
        })
        .where(eq(cases.id, c.id));
      affected++;
    }
    return { id, affectedCases: affected };
  });
}

// Writing what a mutation decided: the case's new state and its events, stamped with the warehouse version.
import { eq } from 'drizzle-orm';
import type { Actor, NewEvent } from '../../shared/mutators/types';
import type { CaseView } from '../../shared/schemas/case';
import type { Tx } from '../db/open';
import { caseEvents, cases, orders } from '../db/schema';

export interface Pending {
  clientId: string;
  id: number;
  name: string;
  args: unknown;
}

export async function persist(
  tx: Tx,
  version: number,
  before: CaseView,
  next: CaseView,
  events: NewEvent[],
  actor: Actor,
  now: number,
) {
  if (next !== before) {
    await tx
      .update(cases)
      .set({
        status: next.status,
        assigneeId: next.assigneeId,
        claimedAt: next.claimedAt === null ? null : new Date(next.claimedAt),
        cause: next.cause,
        causes: next.causes,
        outcome: next.outcome,
        shipBy: new Date(next.shipBy),
        overdueAt: next.overdueAt === null ? null : new Date(next.overdueAt),
        pauses: next.pauses,
        pickerId: next.pickerId,
        greenChannel: next.greenChannel,
        needsNewWaybill: next.needsNewWaybill,
        compensations: next.compensations,
        closedAt: next.closedAt === null ? null : new Date(next.closedAt),
        customerContacted: next.customerContacted,
        version: next.version,
        rowVersion: version,
      })
      .where(eq(cases.id, before.id));
  }
  // A carrier switch changes the order itself (the case view shows it through the order).
  if (next.order.courierId !== before.order.courierId || next.order.waybill !== before.order.waybill) {
    await tx
      .update(orders)
      .set({ courierId: next.order.courierId, waybill: next.order.waybill })
      .where(eq(orders.id, before.orderId));
  }
  if (events.length) {
    await tx
      .insert(caseEvents)
      .values(
        events.map((e) => ({
          id: e.id,
          warehouseId: before.warehouseId,
          caseId: before.id,
          kind: e.kind,
          actorId: actor.userId,
          at: new Date(now),
          text: e.text,
          detail: e.detail ?? null,
          rowVersion: version,
        })),
      )
      .onConflictDoNothing();
  }
}

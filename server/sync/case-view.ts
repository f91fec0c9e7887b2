// Builds the synced CaseView from the cases and orders tables (one row each).
import { eq } from 'drizzle-orm';
import type { CaseView } from '../../shared/schemas/case';
import type { Cause, Outcome, Platform } from '../../shared/schemas/enums';
import type { Db, Tx } from '../db/open';
import { cases, orders, warehouses } from '../db/schema';

type CaseRow = typeof cases.$inferSelect;
type OrderRow = typeof orders.$inferSelect;

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

/** `limitFen`: the warehouse's compensation approval limit. */
export function toCaseView(c: CaseRow, o: OrderRow, limitFen: number): CaseView {
  return {
    id: c.id,
    warehouseId: c.warehouseId,
    orderId: o.id,
    platform: o.platform as Platform,
    platformOrderId: o.platformOrderId,
    status: c.status,
    shipBy: c.shipBy.getTime(),
    deadlineSource: o.deadlineSource,
    pickupBy: ms(o.pickupBy),
    pauses: c.pauses,
    penaltyFen: o.penaltyFen,
    delayRule: { max: o.maxDelayNegotiations, minLeadMinutes: o.negotiationMinLeadMinutes },
    openedAt: c.openedAt.getTime(),
    overdueAt: ms(c.overdueAt),
    closedAt: ms(c.closedAt),
    assigneeId: c.assigneeId,
    claimedAt: ms(c.claimedAt),
    cause: c.cause as Cause | null,
    causes: c.causes,
    outcome: c.outcome as Outcome | null,
    lateMinutes: c.lateMinutes,
    customerContacted: c.customerContacted,
    pickerId: c.pickerId,
    greenChannel: c.greenChannel ?? null,
    needsNewWaybill: c.needsNewWaybill,
    compensations: c.compensations,
    compensationLimitFen: limitFen,
    version: c.version,
    order: {
      status: o.status,
      category: o.category,
      perishability: o.perishability,
      valueFen: o.valueFen,
      currency: o.currency,
      items: o.items,
      customerName: o.customerName,
      customerPhone: o.customerPhone,
      city: o.city,
      region: o.region,
      zoneId: o.zoneId,
      courierId: o.courierId,
      waybill: o.waybill,
      paidAt: o.paidAt.getTime(),
      pickingStartedAt: ms(o.pickingStartedAt),
      pickedAt: ms(o.pickedAt),
      packedAt: ms(o.packedAt),
      waybillAt: ms(o.waybillAt),
      handedOverAt: ms(o.handedOverAt),
      cancelledAt: ms(o.cancelledAt),
      vip: o.vip,
    },
  };
}

/** Reads one case, locking its row when a transaction is about to change it. */
export async function readCase(db: Db | Tx, caseId: string, lock: boolean): Promise<CaseView | null> {
  const query = db
    .select()
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .innerJoin(warehouses, eq(warehouses.id, cases.warehouseId))
    .where(eq(cases.id, caseId));
  const [row] = lock ? await query.for('update', { of: cases }) : await query;
  return row ? toCaseView(row.cases, row.orders, row.warehouses.compensationLimitFen) : null;
}

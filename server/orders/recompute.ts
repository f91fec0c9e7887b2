// When platform rules or promotions change, the unfinished orders take the new deadline, penalty and pickup
// clock (brief: "changes apply to open cases"). Reuses ingestion, so the same unchanged-row detection and case
// follow-up apply.
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Platform } from '../../shared/schemas/enums';
import type { OrderInput } from '../../shared/schemas/order-input';
import type { Db } from '../db/open';
import { orders, warehouses } from '../db/schema';
import { ingestOrders } from './ingest';
import type { OrderRow } from './order-row';
import { loadRuleBook } from './rulebook';

const ms = (d: Date | null) => (d ? d.getTime() : null);

export function inputFromRow(row: OrderRow): OrderInput {
  return {
    platform: row.platform as Platform,
    platformOrderId: row.platformOrderId,
    status: row.status,
    category: row.category,
    valueFen: row.valueFen,
    currency: row.currency,
    items: row.items,
    customerName: row.customerName,
    customerPhone: row.customerPhone,
    city: row.city,
    region: row.region,
    zoneId: row.zoneId,
    courierId: row.courierId,
    waybill: row.waybill,
    vip: row.vip,
    paidAt: row.paidAt.getTime(),
    promisedShipBy: ms(row.promisedShipBy),
    pickingStartedAt: ms(row.pickingStartedAt),
    pickedAt: ms(row.pickedAt),
    packedAt: ms(row.packedAt),
    waybillAt: ms(row.waybillAt),
    handedOverAt: ms(row.handedOverAt),
    cancelledAt: ms(row.cancelledAt),
  };
}

/** Re-resolves deadlines and penalties of every unfinished order; returns how many changed. */
export async function recomputeUnfinished(db: Db, now: number): Promise<number> {
  const book = await loadRuleBook(db);
  let changed = 0;
  for (const { id: warehouseId } of await db.select({ id: warehouses.id }).from(warehouses)) {
    const rows = await db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.warehouseId, warehouseId),
          notInArray(orders.status, ['handed_over', 'cancelled']),
          isNull(orders.handedOverAt),
        ),
      );
    const result = await ingestOrders(db, warehouseId, rows.map(inputFromRow), { now, book });
    changed += result.updated;
  }
  return changed;
}

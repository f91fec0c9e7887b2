// Order events (paid, picking started, picked, packed, handed over, cancelled) move an order and its case.
// Each event only ever sets a milestone to an earlier time (or the first time), and the status is derived
// from the milestones, so duplicates and out-of-order arrival end in the same state.
import { and, eq, sql } from 'drizzle-orm';
import { deriveStatus, earliest } from '../../shared/rules/order-status';
import { pickupBy } from '../../shared/rules/platform-rules';
import type { OrderEvent } from '../../shared/schemas/order-input';
import type { Db } from '../db/open';
import { orders } from '../db/schema';
import { reconcileCases } from '../engine/case-engine';
import { writeTransaction } from '../sync/write-tx';
import { loadRuleBook } from './rulebook';

export type EventResult =
  { index: number; status: 'applied' | 'unchanged' } | { index: number; status: 'rejected'; reason: string };

const MILESTONE = {
  paid: null,
  picking_started: 'pickingStartedAt',
  picked: 'pickedAt',
  packed: 'packedAt',
  handed_over: 'handedOverAt',
  cancelled: 'cancelledAt',
} as const;

const ms = (d: Date | null) => (d ? d.getTime() : null);
const differs = (a: unknown, b: unknown): boolean =>
  a instanceof Date || b instanceof Date ? ms(a as Date | null) !== ms(b as Date | null) : a !== b;

/** Applies events for orders of the given warehouses; one transaction for the batch. */
export async function applyOrderEvents(
  db: Db,
  warehouseIds: readonly string[],
  events: readonly OrderEvent[],
  nowMs: number,
): Promise<EventResult[]> {
  const book = await loadRuleBook(db);
  return writeTransaction(db, async (scope) => {
    const results: EventResult[] = [];
    const touched = new Map<string, string[]>();
    for (const [index, event] of events.entries()) {
      const [order] = await scope.tx
        .select()
        .from(orders)
        .where(and(eq(orders.platform, event.platform), eq(orders.platformOrderId, event.platformOrderId)))
        .for('update');
      if (!order || !warehouseIds.includes(order.warehouseId)) {
        results.push({
          index,
          status: 'rejected',
          reason: `no order ${event.platform}/${event.platformOrderId}`,
        });
        continue;
      }
      const m = {
        pickingStartedAt: ms(order.pickingStartedAt),
        pickedAt: ms(order.pickedAt),
        packedAt: ms(order.packedAt),
        handedOverAt: ms(order.handedOverAt),
        cancelledAt: ms(order.cancelledAt),
      };
      const field = MILESTONE[event.kind];
      if (field) m[field] = earliest(m[field], event.at);
      const carrier = event.kind === 'packed' || event.kind === 'handed_over' ? event : null;
      const waybillAt = carrier?.waybill ? earliest(ms(order.waybillAt), event.at) : ms(order.waybillAt);
      const rule = book.rules.find((r) => r.id === order.ruleId) ?? null;
      const next = {
        status: deriveStatus(m),
        paidAt: event.kind === 'paid' ? new Date(Math.min(order.paidAt.getTime(), event.at)) : order.paidAt,
        pickingStartedAt: m.pickingStartedAt === null ? null : new Date(m.pickingStartedAt),
        pickedAt: m.pickedAt === null ? null : new Date(m.pickedAt),
        packedAt: m.packedAt === null ? null : new Date(m.packedAt),
        handedOverAt: m.handedOverAt === null ? null : new Date(m.handedOverAt),
        cancelledAt: m.cancelledAt === null ? null : new Date(m.cancelledAt),
        courierId: carrier?.courierId ?? order.courierId,
        waybill: carrier?.waybill ?? order.waybill,
        waybillAt: waybillAt === null ? null : new Date(waybillAt),
        pickupBy: (() => {
          const p = pickupBy(rule, waybillAt);
          return p === null ? null : new Date(p);
        })(),
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => differs(next[k], order[k]));
      if (!changed) {
        results.push({ index, status: 'unchanged' });
        continue;
      }
      await scope.tx
        .update(orders)
        .set({ ...next, updatedAt: new Date(nowMs) })
        .where(eq(orders.id, order.id));
      touched.set(order.warehouseId, [...(touched.get(order.warehouseId) ?? []), order.id]);
      results.push({ index, status: 'applied' });
    }
    for (const [warehouseId, ids] of touched) {
      const v = await scope.version(warehouseId);
      // Clients see order facts through the case: a changed order re-sends its case.
      await scope.tx.execute(
        sql`update cases set row_version = ${v} where order_id = any(${sql.param(ids)}::text[])`,
      );
      await reconcileCases(scope, warehouseId, nowMs, ids);
    }
    return results;
  });
}

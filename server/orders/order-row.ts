// From an order as it arrives (plus what we already hold) to the row we store: milestones merged (earliest
// wins), status derived, deadline, penalty and pickup clock from the rule book. Pure, so ingestion and events
// share it and tests can check it without a database.
import { deriveStatus, earliest } from '../../shared/rules/order-status';
import { penaltyFen } from '../../shared/rules/penalty';
import { perishabilityOf } from '../../shared/rules/perishability';
import { pickupBy, resolveDeadline } from '../../shared/rules/platform-rules';
import type { OrderInput } from '../../shared/schemas/order-input';
import type { orders } from '../db/schema';
import type { RuleBook } from './rulebook';

export type OrderRow = typeof orders.$inferSelect;
export type OrderValues = Omit<OrderRow, 'updatedAt'>;

const minutesOrNull = (hours: number | null) => (hours === null ? null : Math.round(hours * 60));
const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

/** The stored row for an input, merged with the existing row when there is one. */
export function orderValues(
  input: OrderInput,
  existing: OrderRow | null,
  book: RuleBook,
  id: string,
  warehouseId: string,
): OrderValues {
  const milestones = {
    pickingStartedAt: earliest(input.pickingStartedAt, ms(existing?.pickingStartedAt ?? null)),
    pickedAt: earliest(input.pickedAt, ms(existing?.pickedAt ?? null)),
    packedAt: earliest(input.packedAt, ms(existing?.packedAt ?? null)),
    handedOverAt: earliest(input.handedOverAt, ms(existing?.handedOverAt ?? null)),
    cancelledAt: earliest(input.cancelledAt, ms(existing?.cancelledAt ?? null)),
  };
  const waybillAt = earliest(input.waybillAt, ms(existing?.waybillAt ?? null));
  // An import states the status it saw (e.g. "shipped" with no handoff time); otherwise it follows the milestones.
  const status = input.status ?? deriveStatus(milestones);
  const deadline = resolveDeadline(input, book.rules, book.promotions);
  const rule = deadline.rule;
  return {
    id,
    warehouseId,
    platform: input.platform,
    platformOrderId: input.platformOrderId,
    status,
    category: input.category || 'unknown',
    perishability: perishabilityOf(input.category),
    valueFen: input.valueFen,
    currency: input.currency,
    items: input.items,
    customerName: input.customerName,
    customerPhone: input.customerPhone,
    city: input.city,
    region: input.region,
    zoneId: input.zoneId ?? existing?.zoneId ?? null,
    courierId: input.courierId ?? existing?.courierId ?? null,
    waybill: input.waybill ?? existing?.waybill ?? null,
    vip: input.vip,
    paidAt: new Date(input.paidAt),
    promisedShipBy: date(input.promisedShipBy),
    shipBy: date(deadline.shipBy),
    deadlineSource: deadline.source,
    ruleId: rule?.id ?? null,
    penaltyFen: rule ? penaltyFen(rule.penalty, input.valueFen) : 0,
    maxDelayNegotiations: rule?.maxDelayNegotiations ?? null,
    negotiationMinLeadMinutes: minutesOrNull(rule?.negotiationMinLeadHours ?? null),
    pickingStartedAt: date(milestones.pickingStartedAt),
    pickedAt: date(milestones.pickedAt),
    packedAt: date(milestones.packedAt),
    waybillAt: date(waybillAt),
    pickupBy: date(pickupBy(rule, waybillAt)),
    handedOverAt: date(milestones.handedOverAt),
    cancelledAt: date(milestones.cancelledAt),
  };
}

/** Structural equality that ignores object key order (jsonb hands keys back in its own order). */
function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when storing `next` over `existing` would change nothing (re-importing a file is a no-op). */
export function sameOrder(existing: OrderRow, next: OrderValues): boolean {
  return (Object.keys(next) as (keyof OrderValues)[]).every((key) => equal(existing[key], next[key]));
}

// What the outside world sends us about orders (REST ingestion, CSV import): the order itself and the events
// that move it. Validated with these schemas at every entry point.
import { z } from 'zod';
import { OrderItem } from './case';
import { OrderStatus, Platform } from './enums';
import { EpochMs, Fen, Id } from './primitives';

export const ORDER_BATCH_MAX = 1000;

export const OrderInput = z.object({
  platform: Platform,
  platformOrderId: z.string().trim().min(1).max(64),
  /** Set by an import that knows the status but not every milestone (e.g. "shipped" without a handoff time). */
  status: OrderStatus.optional(),
  category: z.string().max(200).default(''),
  valueFen: Fen.nonnegative().default(0),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
  items: z.array(OrderItem).max(500).default([]),
  customerName: z.string().max(100).default(''),
  customerPhone: z.string().max(32).default(''),
  city: z.string().max(100).default(''),
  region: z.string().max(100).default(''),
  zoneId: Id.nullable().default(null),
  courierId: Id.nullable().default(null),
  waybill: z.string().max(64).nullable().default(null),
  vip: z.boolean().default(false),
  paidAt: EpochMs,
  /** The order's own promised ship-by time; wins over every rule. */
  promisedShipBy: EpochMs.nullable().default(null),
  pickingStartedAt: EpochMs.nullable().default(null),
  pickedAt: EpochMs.nullable().default(null),
  packedAt: EpochMs.nullable().default(null),
  waybillAt: EpochMs.nullable().default(null),
  handedOverAt: EpochMs.nullable().default(null),
  cancelledAt: EpochMs.nullable().default(null),
});
export type OrderInput = z.output<typeof OrderInput>;
export type OrderInputRaw = z.input<typeof OrderInput>;

export const ORDER_EVENT_KINDS = [
  'paid',
  'picking_started',
  'picked',
  'packed',
  'handed_over',
  'cancelled',
] as const;

const key = { platform: Platform, platformOrderId: z.string().trim().min(1).max(64), at: EpochMs };

/** A step in an order's life. Applying the same events twice, or in another order, ends in the same state. */
export const OrderEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paid'), ...key }),
  z.object({ kind: z.literal('picking_started'), ...key }),
  z.object({ kind: z.literal('picked'), ...key }),
  z.object({
    kind: z.literal('packed'),
    ...key,
    courierId: Id.optional(),
    waybill: z.string().max(64).optional(),
  }),
  z.object({
    kind: z.literal('handed_over'),
    ...key,
    courierId: Id.optional(),
    waybill: z.string().max(64).optional(),
  }),
  z.object({ kind: z.literal('cancelled'), ...key }),
]);
export type OrderEvent = z.infer<typeof OrderEvent>;

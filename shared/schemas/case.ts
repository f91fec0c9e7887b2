// The case as every client sees it: one overdue (or soon overdue) order plus what people did about it.
// This is the unit of sync; the server builds it from its orders and cases tables.
import { z } from 'zod';
import { Cause, CaseStatus, OrderStatus, Outcome, Perishability, Platform } from './enums';
import { EpochMs, Fen, Id } from './primitives';

export const OrderItem = z.object({
  sku: z.string(),
  name: z.string(),
  qty: z.number().int().positive(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const OrderFacts = z.object({
  status: OrderStatus,
  category: z.string(),
  perishability: Perishability,
  valueFen: Fen,
  /** ISO 4217; CNY for the Chinese platforms, BRL for the Olist data. */
  currency: z.string(),
  items: z.array(OrderItem),
  customerName: z.string(),
  customerPhone: z.string(),
  city: z.string(),
  region: z.string(),
  zoneId: Id.nullable(),
  courierId: Id.nullable(),
  waybill: z.string().nullable(),
  paidAt: EpochMs,
  pickingStartedAt: EpochMs.nullable(),
  pickedAt: EpochMs.nullable(),
  packedAt: EpochMs.nullable(),
  waybillAt: EpochMs.nullable(),
  handedOverAt: EpochMs.nullable(),
  cancelledAt: EpochMs.nullable(),
  vip: z.boolean(),
});
export type OrderFacts = z.infer<typeof OrderFacts>;

export const DEADLINE_SOURCES = ['order', 'promotion', 'category_rule', 'platform_default', 'none'] as const;

/**
 * A recorded stop of the clock. Only reasons a platform accepts exist: the buyer agreed to a later date, or
 * force majeure hit the region for a time window. Each one moves the deadline from `from` to `to`.
 */
export const Pause = z.object({
  kind: z.enum(['buyer_agreed', 'force_majeure']),
  at: EpochMs,
  by: Id.nullable(),
  from: EpochMs,
  to: EpochMs,
  note: z.string(),
});
export type Pause = z.infer<typeof Pause>;

export const COMPENSATION_TYPES = ['gift', 'shipping_refund', 'coupon', 'cash'] as const;
export const CompensationType = z.enum(COMPENSATION_TYPES);
export type CompensationType = z.infer<typeof CompensationType>;

/** An offer to the customer, recorded against the case (brief F10). Above the warehouse's limit a lead approves. */
export const Compensation = z.object({
  id: Id,
  type: CompensationType,
  amountFen: Fen.nonnegative(),
  status: z.enum(['approved', 'pending_approval', 'rejected']),
  offeredBy: Id,
  offeredAt: EpochMs,
  decidedBy: Id.nullable(),
  decidedAt: EpochMs.nullable(),
  note: z.string(),
});
export type Compensation = z.infer<typeof Compensation>;

/** A priority pickup ("green channel", 绿色通道) asked of the courier, and the courier's answer. */
export const GreenChannel = z.object({
  status: z.enum(['requested', 'accepted', 'declined']),
  requestedAt: EpochMs,
  requestedBy: Id,
  answeredAt: EpochMs.nullable(),
  note: z.string(),
});
export type GreenChannel = z.infer<typeof GreenChannel>;

export const CaseView = z.object({
  id: Id,
  warehouseId: Id,
  orderId: Id,
  platform: Platform,
  platformOrderId: z.string(),
  status: CaseStatus,
  /** Ship-by deadline (server time), after any pauses. */
  shipBy: EpochMs,
  /** Where the order's deadline came from (before pauses). */
  deadlineSource: z.enum(DEADLINE_SOURCES),
  /** Second clock: the courier's first scan is due by then (null: no pickup rule or no waybill yet). */
  pickupBy: EpochMs.nullable(),
  pauses: z.array(Pause),
  /** Platform penalty at stake if the order ships late, in minor units of the order's currency. */
  penaltyFen: Fen,
  /** The platform's limits on delay negotiations for this order (null: no limit known). */
  delayRule: z.object({ max: z.number().int().nullable(), minLeadMinutes: z.number().int().nullable() }),
  openedAt: EpochMs,
  /** When the engine saw the deadline pass; null while due soon. */
  overdueAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  assigneeId: Id.nullable(),
  claimedAt: EpochMs.nullable(),
  /** The primary cause; `causes` holds any contributing ones. */
  cause: Cause.nullable(),
  causes: z.array(Cause),
  outcome: Outcome.nullable(),
  /** Minutes between deadline and handover for a case closed late; null otherwise. */
  lateMinutes: z.number().int().nullable(),
  customerContacted: z.boolean(),
  /** The picker a lead put on this order's picking. */
  pickerId: Id.nullable(),
  greenChannel: GreenChannel.nullable(),
  /** The carrier was switched: the parcel needs a new waybill before it can be handed over. */
  needsNewWaybill: z.boolean(),
  compensations: z.array(Compensation),
  /** Offers above this (in the order's currency, minor units) wait for a lead's approval. */
  compensationLimitFen: Fen,
  /** Bumped by every change to the claimable state (assignee, status, cause); notes do not bump it. */
  version: z.number().int().nonnegative(),
  order: OrderFacts,
});
export type CaseView = z.infer<typeof CaseView>;

export const EVENT_KINDS = [
  'note',
  'claimed',
  'released',
  'resolved',
  'reopened',
  'delay_agreed',
  'reassigned',
  'picker_assigned',
  'picker_requested',
  'green_channel_requested',
  'green_channel_answered',
  'carrier_switched',
  'customer_contacted',
  'compensation_offered',
  'compensation_decided',
] as const;
export const CaseEventKind = z.enum(EVENT_KINDS);
export type CaseEventKind = z.infer<typeof CaseEventKind>;

/** One entry of a case's timeline that a person caused. Order milestones come from the order facts. */
export const CaseEvent = z.object({
  id: Id,
  caseId: Id,
  warehouseId: Id,
  kind: CaseEventKind,
  actorId: Id.nullable(),
  at: EpochMs,
  text: z.string().nullable(),
  /** Structured facts of the event (contact channel and outcome, amounts, who was assigned). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

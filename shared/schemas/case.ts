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
  items: z.array(OrderItem),
  customerName: z.string(),
  customerPhone: z.string(),
  city: z.string(),
  region: z.string(),
  zoneId: Id.nullable(),
  courierId: Id.nullable(),
  waybill: z.string().nullable(),
  paidAt: EpochMs,
  handedOverAt: EpochMs.nullable(),
  cancelledAt: EpochMs.nullable(),
  vip: z.boolean(),
});
export type OrderFacts = z.infer<typeof OrderFacts>;

export const CaseView = z.object({
  id: Id,
  warehouseId: Id,
  orderId: Id,
  platform: Platform,
  platformOrderId: z.string(),
  status: CaseStatus,
  /** Ship-by deadline (server time). */
  shipBy: EpochMs,
  openedAt: EpochMs,
  /** When the engine saw the deadline pass; null while due soon. */
  overdueAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  assigneeId: Id.nullable(),
  claimedAt: EpochMs.nullable(),
  cause: Cause.nullable(),
  outcome: Outcome.nullable(),
  /** Minutes between deadline and handover for a case closed late; null otherwise. */
  lateMinutes: z.number().int().nullable(),
  customerContacted: z.boolean(),
  /** Bumped by every change to the claimable state (assignee, status, cause); notes do not bump it. */
  version: z.number().int().nonnegative(),
  order: OrderFacts,
});
export type CaseView = z.infer<typeof CaseView>;

export const EVENT_KINDS = ['note', 'claimed', 'released', 'resolved', 'reopened'] as const;
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
});
export type CaseEvent = z.infer<typeof CaseEvent>;

// A case's timeline: order milestones and engine transitions (derived from the case itself) merged with the
// actions people took (synced events, and this user's pending ones).
import type { CaseEvent, CaseView } from '../../../shared/schemas/case';

export type TimelineKind =
  CaseEvent['kind'] | 'paid' | 'picking' | 'packed' | 'opened' | 'overdue' | 'handedOver' | 'cancelled';

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  at: number;
  actorId: string | null;
  text: string | null;
  pending: boolean;
}

export function buildTimeline(
  c: CaseView,
  events: { event: CaseEvent; pending: boolean }[],
): TimelineEntry[] {
  const system = (kind: TimelineKind, at: number | null): TimelineEntry[] =>
    at === null ? [] : [{ id: `${kind}:${c.id}`, kind, at, actorId: null, text: null, pending: false }];
  return [
    ...system('paid', c.order.paidAt),
    ...system('picking', c.order.pickingStartedAt),
    ...system('packed', c.order.packedAt),
    ...system('opened', c.openedAt),
    ...system('overdue', c.overdueAt),
    ...system('handedOver', c.order.handedOverAt),
    ...system('cancelled', c.order.cancelledAt),
    ...events.map(({ event, pending }) => ({ ...event, pending })),
  ].sort((a, b) => a.at - b.at);
}

// An order's status follows from its milestones, so events that arrive twice or out of order leave the same end
// state: each milestone keeps its earliest time, and the status is the furthest step reached. Handing over
// beats cancelling when the parcel left first (it shipped; the cancellation is a return).
import type { OrderStatus } from '../schemas/enums';

export interface Milestones {
  pickingStartedAt: number | null;
  pickedAt: number | null;
  packedAt: number | null;
  handedOverAt: number | null;
  cancelledAt: number | null;
}

export function deriveStatus(m: Milestones): OrderStatus {
  if (m.handedOverAt !== null && (m.cancelledAt === null || m.handedOverAt <= m.cancelledAt))
    return 'handed_over';
  if (m.cancelledAt !== null) return 'cancelled';
  if (m.packedAt !== null) return 'packed';
  if (m.pickedAt !== null) return 'picked';
  if (m.pickingStartedAt !== null) return 'picking';
  return 'paid';
}

/** The earlier of two optional times: a repeated or late-arriving event never moves a milestone later. */
export const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

/** Finished orders no longer need a case: they left the warehouse or will not. */
export const isFinished = (status: OrderStatus): boolean =>
  status === 'handed_over' || status === 'cancelled';

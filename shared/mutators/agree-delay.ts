import { z } from 'zod';
import { EpochMs, Id } from '../schemas/primitives';
import { NOTE_MAX_CHARS } from './add-note';
import { refuse, type Mutator } from './types';

export const AgreeDelayArgs = z.object({
  caseId: Id,
  /** The later ship-by date the buyer accepted. */
  newShipBy: EpochMs,
  note: z.string().trim().min(1).max(NOTE_MAX_CHARS),
});
export type AgreeDelayArgs = z.infer<typeof AgreeDelayArgs>;

const MINUTE = 60_000;

/**
 * The buyer agreed to a later ship date: the one reason besides force majeure that platforms accept for moving
 * the clock. Recorded as a pause that shifts the deadline. The platform's limits apply: how many negotiations
 * an order may have, and how long before the deadline they must be filed (微信小店: 3, 4 h).
 */
export const agreeDelay: Mutator<AgreeDelayArgs> = {
  name: 'agreeDelay',
  args: AgreeDelayArgs,
  target: 'case',
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now, mutationKey }) {
    if (current.status !== 'open') {
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    }
    const from = current.shipBy;
    if (args.newShipBy === from) {
      const same = current.pauses.some((p) => p.kind === 'buyer_agreed' && p.to === from);
      if (same) return { ok: true, next: current, events: [] };
    }
    if (args.newShipBy <= from)
      return refuse({ code: 'invalid', message: 'the agreed date must be after the current deadline' });
    const { max, minLeadMinutes } = current.delayRule;
    const used = current.pauses.filter((p) => p.kind === 'buyer_agreed').length;
    if (max !== null && used >= max) {
      return refuse({
        code: 'forbidden',
        message: `the platform accepts at most ${max} delay negotiations per order`,
      });
    }
    if (minLeadMinutes !== null && from - now < minLeadMinutes * MINUTE) {
      return refuse({
        code: 'forbidden',
        message: `the platform accepts delay negotiations only until ${minLeadMinutes / 60} h before the deadline`,
      });
    }
    return {
      ok: true,
      next: {
        ...current,
        shipBy: args.newShipBy,
        overdueAt: null,
        pauses: [
          ...current.pauses,
          { kind: 'buyer_agreed', at: now, by: actor.userId, from, to: args.newShipBy, note: args.note },
        ],
        version: current.version + 1,
      },
      events: [{ id: mutationKey, kind: 'delay_agreed', text: args.note }],
    };
  },
};

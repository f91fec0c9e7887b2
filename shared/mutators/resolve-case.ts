import { z } from 'zod';
import { CAUSES, Cause, Outcome } from '../schemas/enums';
import { Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { refuse, type Mutator } from './types';
import { NOTE_MAX_CHARS } from './add-note';

export const ResolveCaseArgs = z.object({
  caseId: Id,
  /** The primary cause. */
  cause: Cause,
  /** Contributing causes, if several played a part. */
  secondaryCauses: z.array(Cause).max(CAUSES.length).optional(),
  outcome: Outcome,
  note: z.string().trim().max(NOTE_MAX_CHARS).optional(),
});
export type ResolveCaseArgs = z.infer<typeof ResolveCaseArgs>;

/** Close a case by hand. Cause and outcome are required by the schema; the first resolve wins. */
export const resolveCase: Mutator<ResolveCaseArgs> = {
  name: 'resolveCase',
  args: ResolveCaseArgs,
  target: 'case',
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now, mutationKey }) {
    if (current.status === 'resolved') {
      if (current.cause === args.cause && current.outcome === args.outcome) {
        return { ok: true, next: current, events: [] };
      }
      return refuse({
        code: 'case_closed',
        message: 'case was already resolved',
        by: current.assigneeId,
        at: current.closedAt,
      });
    }
    if (current.status === 'closed') {
      return refuse({
        code: 'case_closed',
        message: 'order already shipped or cancelled',
        at: current.closedAt,
      });
    }
    if (current.assigneeId !== null && current.assigneeId !== actor.userId && !canOverride(actor)) {
      return refuse({
        code: 'conflict',
        message: 'case is held by someone else',
        by: current.assigneeId,
        at: current.claimedAt,
      });
    }
    return {
      ok: true,
      next: {
        ...current,
        status: 'resolved',
        cause: args.cause,
        causes: [...new Set(args.secondaryCauses ?? [])].filter((c) => c !== args.cause),
        outcome: args.outcome,
        closedAt: now,
        assigneeId: current.assigneeId ?? actor.userId,
        claimedAt: current.claimedAt ?? now,
        version: current.version + 1,
      },
      events: [{ id: mutationKey, kind: 'resolved', text: args.note ?? null }],
    };
  },
};

import { z } from 'zod';
import { Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { refuse, type Mutator } from './types';

export const ClaimCaseArgs = z.object({
  caseId: Id,
  /** The case version the user saw when claiming. */
  baseVersion: z.number().int().nonnegative(),
});
export type ClaimCaseArgs = z.infer<typeof ClaimCaseArgs>;

/**
 * Take a case. A claim made on an older version than the server holds still succeeds when nobody else has
 * taken the case in between; if someone has, the claim is a conflict naming who and when.
 */
export const claimCase: Mutator<ClaimCaseArgs> = {
  name: 'claimCase',
  args: ClaimCaseArgs,
  target: 'case',
  targetId: (a) => a.caseId,
  apply(current, _args, { actor, now, mutationKey }) {
    if (current.status !== 'open') {
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    }
    if (current.assigneeId === actor.userId) return { ok: true, next: current, events: [] };
    if (current.assigneeId !== null && !canOverride(actor)) {
      return refuse({
        code: 'conflict',
        message: 'case already claimed by someone else',
        by: current.assigneeId,
        at: current.claimedAt,
      });
    }
    return {
      ok: true,
      next: { ...current, assigneeId: actor.userId, claimedAt: now, version: current.version + 1 },
      events: [{ id: `${mutationKey}`, kind: 'claimed', text: null }],
    };
  },
};

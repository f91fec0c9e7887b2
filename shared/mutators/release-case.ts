import { z } from 'zod';
import { Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { refuse, type Mutator } from './types';

export const ReleaseCaseArgs = z.object({ caseId: Id });
export type ReleaseCaseArgs = z.infer<typeof ReleaseCaseArgs>;

/** Give a case back to the pool. Only its holder (or a lead) may; releasing an unheld case changes nothing. */
export const releaseCase: Mutator<ReleaseCaseArgs> = {
  name: 'releaseCase',
  args: ReleaseCaseArgs,
  target: 'case',
  targetId: (a) => a.caseId,
  apply(current, _args, { actor, mutationKey }) {
    if (current.status !== 'open') {
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    }
    if (current.assigneeId === null) return { ok: true, next: current, events: [] };
    if (current.assigneeId !== actor.userId && !canOverride(actor)) {
      return refuse({
        code: 'conflict',
        message: 'case is held by someone else',
        by: current.assigneeId,
        at: current.claimedAt,
      });
    }
    return {
      ok: true,
      next: { ...current, assigneeId: null, claimedAt: null, version: current.version + 1 },
      events: [{ id: mutationKey, kind: 'released', text: null }],
    };
  },
};

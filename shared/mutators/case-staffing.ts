// Who works a case: a lead hands it to a colleague (reassign) or puts a picker on its picking; a coordinator can
// ask for a picker but not assign one (brief F7, W4). Both reassign and assign check the version they were made
// on, so a lead acting on an old picture is told what changed instead of overwriting it.
import { z } from 'zod';
import { Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { NOTE_MAX_CHARS } from './add-note';
import { refuse, type Mutator } from './types';

const LEAD_ONLY = { code: 'forbidden', message: 'only a lead or an admin may do this' } as const;

export const ReassignCaseArgs = z.object({
  caseId: Id,
  assigneeId: Id,
  baseVersion: z.number().int().nonnegative(),
  /** The lead saw the conflict and takes the decision anyway. */
  override: z.boolean().optional(),
});
export type ReassignCaseArgs = z.infer<typeof ReassignCaseArgs>;

export const reassignCase: Mutator<ReassignCaseArgs> = {
  name: 'reassignCase',
  target: 'case',
  args: ReassignCaseArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now, mutationKey }) {
    if (!canOverride(actor)) return refuse(LEAD_ONLY);
    if (current.status !== 'open')
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    if (current.assigneeId === args.assigneeId) return { ok: true, next: current, events: [] };
    if (current.version !== args.baseVersion && !args.override) {
      return refuse({
        code: 'conflict',
        message: 'the case changed since you looked at it',
        by: current.assigneeId,
        at: current.claimedAt,
      });
    }
    return {
      ok: true,
      next: { ...current, assigneeId: args.assigneeId, claimedAt: now, version: current.version + 1 },
      events: [
        {
          id: mutationKey,
          kind: 'reassigned',
          text: null,
          detail: { from: current.assigneeId, to: args.assigneeId },
        },
      ],
    };
  },
};

export const AssignPickerArgs = z.object({
  caseId: Id,
  pickerId: Id,
  baseVersion: z.number().int().nonnegative(),
  override: z.boolean().optional(),
});
export type AssignPickerArgs = z.infer<typeof AssignPickerArgs>;

export const assignPicker: Mutator<AssignPickerArgs> = {
  name: 'assignPicker',
  target: 'case',
  args: AssignPickerArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { actor, mutationKey }) {
    if (!canOverride(actor)) return refuse(LEAD_ONLY);
    if (current.status !== 'open')
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    if (current.pickerId === args.pickerId) return { ok: true, next: current, events: [] };
    if (current.version !== args.baseVersion && !args.override) {
      return refuse({
        code: 'conflict',
        message: 'the case changed since you looked at it',
        by: current.assigneeId,
        at: current.claimedAt,
      });
    }
    return {
      ok: true,
      next: { ...current, pickerId: args.pickerId, version: current.version + 1 },
      events: [
        {
          id: mutationKey,
          kind: 'picker_assigned',
          text: null,
          detail: { from: current.pickerId, to: args.pickerId },
        },
      ],
    };
  },
};

export const RequestPickerArgs = z.object({
  caseId: Id,
  requestId: z.uuid(),
  text: z.string().trim().min(1).max(NOTE_MAX_CHARS),
});
export type RequestPickerArgs = z.infer<typeof RequestPickerArgs>;

/** A coordinator asks the floor for a picker: append-only, it reaches the lead through the timeline. */
export const requestPicker: Mutator<RequestPickerArgs> = {
  name: 'requestPicker',
  target: 'case',
  args: RequestPickerArgs,
  targetId: (a) => a.caseId,
  apply(current, args) {
    return {
      ok: true,
      next: current,
      events: [{ id: args.requestId, kind: 'picker_requested', text: args.text }],
    };
  },
};

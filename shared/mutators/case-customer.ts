// The customer side (brief F9, F10; W7, W8): every contact attempt is logged with its channel and outcome, and
// every compensation is recorded against the case. Offers above the warehouse's limit wait for a lead.
import { z } from 'zod';
import { CompensationType } from '../schemas/case';
import { Fen, Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { NOTE_MAX_CHARS } from './add-note';
import { refuse, type Mutator } from './types';

export const CONTACT_CHANNELS = ['phone', 'sms', 'platform_chat', 'wechat'] as const;
export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'accepted', 'complained'] as const;

export const LogContactArgs = z.object({
  caseId: Id,
  contactId: z.uuid(),
  channel: z.enum(CONTACT_CHANNELS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string().trim().max(NOTE_MAX_CHARS).default(''),
});
export type LogContactArgs = z.input<typeof LogContactArgs>;

/** Append-only; any answer from the customer counts as "contacted" (the promise part of the priority). */
export const logContact: Mutator<z.output<typeof LogContactArgs>, 'case', z.input<typeof LogContactArgs>> = {
  name: 'logContact',
  target: 'case',
  args: LogContactArgs,
  targetId: (a) => a.caseId,
  apply(current, args) {
    const reached = args.outcome !== 'no_answer';
    return {
      ok: true,
      next: reached && !current.customerContacted ? { ...current, customerContacted: true } : current,
      events: [
        {
          id: args.contactId,
          kind: 'customer_contacted',
          text: args.note || null,
          detail: { channel: args.channel, outcome: args.outcome },
        },
      ],
    };
  },
};

export const OfferCompensationArgs = z.object({
  caseId: Id,
  compensationId: z.uuid(),
  type: CompensationType,
  amountFen: Fen.nonnegative().max(10_000_000),
  note: z.string().trim().max(NOTE_MAX_CHARS).default(''),
});
export type OfferCompensationArgs = z.input<typeof OfferCompensationArgs>;

export const offerCompensation: Mutator<
  z.output<typeof OfferCompensationArgs>,
  'case',
  z.input<typeof OfferCompensationArgs>
> = {
  name: 'offerCompensation',
  target: 'case',
  args: OfferCompensationArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now }) {
    if (current.compensations.some((c) => c.id === args.compensationId))
      return { ok: true, next: current, events: [] };
    // A lead's own offer needs no second signature.
    const needsApproval = args.amountFen > current.compensationLimitFen && !canOverride(actor);
    const compensation = {
      id: args.compensationId,
      type: args.type,
      amountFen: args.amountFen,
      status: needsApproval ? ('pending_approval' as const) : ('approved' as const),
      offeredBy: actor.userId,
      offeredAt: now,
      decidedBy: needsApproval ? null : actor.userId,
      decidedAt: needsApproval ? null : now,
      note: args.note,
    };
    return {
      ok: true,
      next: { ...current, compensations: [...current.compensations, compensation] },
      events: [
        {
          id: args.compensationId,
          kind: 'compensation_offered',
          text: args.note || null,
          detail: { type: args.type, amountFen: args.amountFen, status: compensation.status },
        },
      ],
    };
  },
};

export const DecideCompensationArgs = z.object({
  caseId: Id,
  compensationId: z.uuid(),
  approve: z.boolean(),
  note: z.string().trim().max(NOTE_MAX_CHARS).default(''),
});
export type DecideCompensationArgs = z.input<typeof DecideCompensationArgs>;

export const decideCompensation: Mutator<
  z.output<typeof DecideCompensationArgs>,
  'case',
  z.input<typeof DecideCompensationArgs>
> = {
  name: 'decideCompensation',
  target: 'case',
  args: DecideCompensationArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now, mutationKey }) {
    if (!canOverride(actor))
      return refuse({ code: 'forbidden', message: 'only a lead or an admin approves compensation' });
    const found = current.compensations.find((c) => c.id === args.compensationId);
    if (!found) return refuse({ code: 'not_found', message: 'no such compensation' });
    const status = args.approve ? 'approved' : 'rejected';
    if (found.status === status) return { ok: true, next: current, events: [] };
    if (found.status !== 'pending_approval') {
      return refuse({
        code: 'conflict',
        message: `compensation already ${found.status}`,
        by: found.decidedBy,
        at: found.decidedAt,
      });
    }
    return {
      ok: true,
      next: {
        ...current,
        compensations: current.compensations.map((c) =>
          c.id === found.id
            ? { ...c, status, decidedBy: actor.userId, decidedAt: now, note: args.note || c.note }
            : c,
        ),
      },
      events: [
        {
          id: mutationKey,
          kind: 'compensation_decided',
          text: args.note || null,
          detail: { compensationId: found.id, approved: args.approve },
        },
      ],
    };
  },
};

export const ReopenCaseArgs = z.object({ caseId: Id, note: z.string().trim().min(1).max(NOTE_MAX_CHARS) });
export type ReopenCaseArgs = z.infer<typeof ReopenCaseArgs>;

/** A resolved case can be reopened (the rescue did not hold); a case the engine closed (shipped) cannot. */
export const reopenCase: Mutator<ReopenCaseArgs> = {
  name: 'reopenCase',
  target: 'case',
  args: ReopenCaseArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { mutationKey }) {
    if (current.status === 'open') return { ok: true, next: current, events: [] };
    if (current.status === 'closed')
      return refuse({
        code: 'case_closed',
        message: 'the order has shipped or was cancelled',
        at: current.closedAt,
      });
    return {
      ok: true,
      next: {
        ...current,
        status: 'open',
        cause: null,
        causes: [],
        outcome: null,
        closedAt: null,
        version: current.version + 1,
      },
      events: [{ id: mutationKey, kind: 'reopened', text: args.note }],
    };
  },
};

// Working the courier (brief F8, W6): ask for a priority pickup (green channel, 绿色通道) and record the
// courier's answer; switch the parcel to another carrier, which means a new waybill before handover.
import { z } from 'zod';
import { Id } from '../schemas/primitives';
import { NOTE_MAX_CHARS } from './add-note';
import { refuse, type Mutator } from './types';

const Note = z.string().trim().max(NOTE_MAX_CHARS).default('');

export const RequestGreenChannelArgs = z.object({ caseId: Id, note: Note });
export type RequestGreenChannelArgs = z.input<typeof RequestGreenChannelArgs>;

export const requestGreenChannel: Mutator<
  z.output<typeof RequestGreenChannelArgs>,
  'case',
  z.input<typeof RequestGreenChannelArgs>
> = {
  name: 'requestGreenChannel',
  target: 'case',
  args: RequestGreenChannelArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { actor, now, mutationKey }) {
    if (current.status !== 'open')
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    if (current.greenChannel?.status === 'requested') return { ok: true, next: current, events: [] };
    return {
      ok: true,
      next: {
        ...current,
        greenChannel: {
          status: 'requested',
          requestedAt: now,
          requestedBy: actor.userId,
          answeredAt: null,
          note: args.note,
        },
      },
      events: [
        {
          id: mutationKey,
          kind: 'green_channel_requested',
          text: args.note || null,
          detail: { courierId: current.order.courierId },
        },
      ],
    };
  },
};

export const RecordCourierAnswerArgs = z.object({ caseId: Id, accepted: z.boolean(), note: Note });
export type RecordCourierAnswerArgs = z.input<typeof RecordCourierAnswerArgs>;

export const recordCourierAnswer: Mutator<
  z.output<typeof RecordCourierAnswerArgs>,
  'case',
  z.input<typeof RecordCourierAnswerArgs>
> = {
  name: 'recordCourierAnswer',
  target: 'case',
  args: RecordCourierAnswerArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { now, mutationKey }) {
    const gc = current.greenChannel;
    if (!gc) return refuse({ code: 'invalid', message: 'no green-channel request to answer' });
    const status = args.accepted ? 'accepted' : 'declined';
    if (gc.status === status) return { ok: true, next: current, events: [] };
    return {
      ok: true,
      next: { ...current, greenChannel: { ...gc, status, answeredAt: now, note: args.note || gc.note } },
      events: [
        {
          id: mutationKey,
          kind: 'green_channel_answered',
          text: args.note || null,
          detail: { accepted: args.accepted },
        },
      ],
    };
  },
};

export const SwitchCarrierArgs = z.object({ caseId: Id, courierId: Id, note: Note });
export type SwitchCarrierArgs = z.input<typeof SwitchCarrierArgs>;

export const switchCarrier: Mutator<
  z.output<typeof SwitchCarrierArgs>,
  'case',
  z.input<typeof SwitchCarrierArgs>
> = {
  name: 'switchCarrier',
  target: 'case',
  args: SwitchCarrierArgs,
  targetId: (a) => a.caseId,
  apply(current, args, { mutationKey }) {
    if (current.status !== 'open')
      return refuse({ code: 'case_closed', message: 'case is no longer open', at: current.closedAt });
    if (current.order.courierId === args.courierId) return { ok: true, next: current, events: [] };
    return {
      ok: true,
      next: {
        ...current,
        order: { ...current.order, courierId: args.courierId, waybill: null },
        needsNewWaybill: true,
        greenChannel: null,
        version: current.version + 1,
      },
      events: [
        {
          id: mutationKey,
          kind: 'carrier_switched',
          text: args.note || null,
          detail: { from: current.order.courierId, to: args.courierId },
        },
      ],
    };
  },
};

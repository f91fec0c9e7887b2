// A case's timeline: order milestones and engine transitions (derived from the case itself) merged with the
// actions people took (synced events, and this user's pending ones).
import type { CaseEvent, CaseView } from '../../../shared/schemas/case';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';

export type TimelineKind =
  CaseEvent['kind'] | 'paid' | 'picking' | 'packed' | 'opened' | 'overdue' | 'handedOver' | 'cancelled';

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  at: number;
  actorId: string | null;
  text: string | null;
  detail: CaseEvent['detail'];
  pending: boolean;
}

export function buildTimeline(
  c: CaseView,
  events: { event: CaseEvent; pending: boolean }[],
): TimelineEntry[] {
  const system = (kind: TimelineKind, at: number | null): TimelineEntry[] =>
    at === null
      ? []
      : [{ id: `${kind}:${c.id}`, kind, at, actorId: null, text: null, detail: null, pending: false }];
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

export interface DetailContext {
  t: Translate;
  money: (fen: number) => string;
  picker: (id: string) => string | undefined;
  courier: (id: string) => string | undefined;
  person: (id: string) => string | null;
}

/**
 * The structured facts of an event in words ("（电话 · 已联系上）", "（优惠券 ¥20.00 · 已批准）", "（→ 李强）"), or ''
 * when it has none worth showing.
 */
export function eventDetail(entry: Pick<TimelineEntry, 'kind' | 'detail'>, ctx: DetailContext): string {
  const d = entry.detail;
  if (!d) return '';
  const { t } = ctx;
  const label = (key: string) => t(key as MessageKey);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  switch (entry.kind) {
    case 'customer_contacted':
      return t('timeline.contact', {
        channel: label(`channel.${String(d.channel)}`),
        outcome: label(`contactOutcome.${String(d.outcome)}`),
      });
    case 'compensation_offered':
      return t('timeline.comp', {
        type: label(`comp.type.${String(d.type)}`),
        amount: ctx.money(Number(d.amountFen)),
        status: label(`comp.status.${String(d.status)}`),
      });
    case 'compensation_decided':
      return d.approved === true ? t('timeline.decided.true') : t('timeline.decided.false');
    case 'green_channel_answered':
      return d.accepted === true ? t('timeline.answer.true') : t('timeline.answer.false');
    case 'picker_assigned': {
      const to = str(d.to);
      return to ? t('timeline.to', { name: ctx.picker(to) ?? to }) : '';
    }
    case 'reassigned': {
      const to = str(d.to);
      return to ? t('timeline.to', { name: ctx.person(to) ?? to }) : '';
    }
    case 'carrier_switched': {
      const from = str(d.from);
      const to = str(d.to);
      if (!to) return '';
      return t('timeline.fromTo', {
        from: from ? (ctx.courier(from) ?? from) : t('timeline.none'),
        to: ctx.courier(to) ?? to,
      });
    }
    default:
      return '';
  }
}

// The handover report's four parts as tables (brief F13): what came in, what was done, what is still open and
// why, who holds what. The same tables are shown, printed and exported. Pure.
import type { Locale } from '../../../shared/i18n/labels';
import type { CaseView } from '../../../shared/schemas/case';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { platformLabel, type DrillTable } from './dashboard-tables';
import type { Handover } from '../../../shared/schemas/analytics';

export interface HandoverTables {
  cameIn: DrillTable;
  actions: DrillTable;
  stillOpen: DrillTable;
  holders: DrillTable;
}

const EVENT_KEYS = new Set([
  'note',
  'claimed',
  'released',
  'resolved',
  'reopened',
  'delay_agreed',
  'compensation_decided',
  'compensation_offered',
  'customer_contacted',
  'carrier_switched',
  'green_channel_answered',
  'green_channel_requested',
  'picker_requested',
  'picker_assigned',
  'reassigned',
]);

export function actionLabel(kind: string, t: Translate): string {
  return EVENT_KEYS.has(kind) ? t(`event.${kind}` as MessageKey) : kind;
}

const goodsOf = (c: CaseView) => {
  const first = c.order.items[0];
  const more = c.order.items.length > 1 ? ` +${c.order.items.length - 1}` : '';
  return first ? `${first.name}${more}` : c.order.category;
};

export function handoverTables(
  h: Handover,
  cameIn: readonly CaseView[],
  { t, locale }: { t: Translate; locale: Locale },
): HandoverTables {
  const drillCase = (caseId: string, order: string) => ({
    spec: { kind: 'cases' as const, caseIds: [caseId] },
    label: order,
  });
  return {
    cameIn: {
      name: t('handover.cameIn'),
      columns: [
        { label: t('col.orderNo'), format: 'text' },
        { label: t('col.platform'), format: 'text' },
        { label: t('col.goods'), format: 'text' },
        { label: t('col.shipBy'), format: 'datetime' },
        { label: t('col.status'), format: 'text' },
      ],
      rows: cameIn.map((c) => [
        c.platformOrderId,
        platformLabel(c.platform, locale),
        goodsOf(c),
        c.shipBy,
        t(`status.${c.status}` as MessageKey),
      ]),
      drills: cameIn.map((c) => drillCase(c.id, c.platformOrderId)),
    },
    actions: {
      name: t('handover.done'),
      columns: [
        { label: t('col.action'), format: 'text' },
        { label: t('col.actor'), format: 'text' },
        { label: t('col.times'), format: 'int' },
      ],
      rows: h.actions.map((a) => [actionLabel(a.kind, t), a.actor ?? t('handover.system'), a.count]),
      drills: h.actions.map(() => null),
    },
    stillOpen: {
      name: t('handover.open'),
      columns: [
        { label: t('col.orderNo'), format: 'text' },
        { label: t('col.shipBy'), format: 'datetime' },
        { label: t('col.state'), format: 'text' },
        { label: t('col.holder'), format: 'text' },
        { label: t('col.why'), format: 'text' },
      ],
      rows: h.stillOpen.map((o) => [
        o.platformOrderId,
        o.shipBy,
        t(o.overdue ? 'handover.overdue' : 'handover.dueSoon'),
        o.holder ?? t('handover.unassigned'),
        o.lastWord,
      ]),
      drills: h.stillOpen.map((o) => drillCase(o.caseId, o.platformOrderId)),
    },
    holders: {
      name: t('handover.holders'),
      columns: [
        { label: t('col.holder'), format: 'text' },
        { label: t('col.open'), format: 'int' },
      ],
      rows: h.byHolder.map((b) => [b.holder ?? t('handover.unassigned'), b.open]),
      drills: h.byHolder.map(() => null),
    },
  };
}

// The words of a critical-case alert, in the user's language.
import { PLATFORM_LABELS, type Locale } from '../../../shared/i18n/labels';
import type { DesktopNotice } from '../../../shared/ipc';
import type { CaseView } from '../../../shared/schemas/case';
import { formatMoney, type Translate } from '../../i18n/format';
import { CRITICAL_PENALTY_FEN } from './overdue-watch';

export function caseNotice(c: CaseView, t: Translate, locale: Locale): DesktopNotice {
  const goods = [c.order.category, c.order.items[0]?.name].filter(Boolean).join(' ');
  const parts = [
    t('notify.body', {
      platform: PLATFORM_LABELS[c.platform][locale],
      goods: goods || '—',
      customer: c.order.customerName || '—',
    }),
  ];
  if (c.penaltyFen >= CRITICAL_PENALTY_FEN)
    parts.push(t('notify.penalty', { amount: formatMoney(c.penaltyFen, locale, c.order.currency) }));
  return { title: t('notify.title', { order: c.platformOrderId }), body: parts.join(' · '), caseId: c.id };
}

export const summaryNotice = (count: number, t: Translate): DesktopNotice => ({
  title: t('notify.moreTitle', { count }),
  body: t('notify.moreBody'),
});

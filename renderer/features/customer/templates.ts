// Customer message templates (brief F9, W7), filled from the case: an apology, the real reason in plain words,
// the new ship or arrival date, and the compensation already approved. The template's language is the
// customer's, chosen in the dialog, independent of the language the desk speaks.
import type { Locale } from '../../../shared/i18n/labels';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import type { CaseView, CompensationType } from '../../../shared/schemas/case';
import type { Cause } from '../../../shared/schemas/enums';
import { formatMoney, translator } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';

export const TEMPLATE_KINDS = ['full', 'short'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type DateKind = 'ship' | 'arrival';

export interface TemplateFacts {
  customerName: string;
  platform: CaseView['platform'];
  orderNo: string;
  cause: Cause;
  date: number;
  dateKind: DateKind;
  currency: string;
  compensations: readonly { type: CompensationType; amountFen: number }[];
  timeZone: string;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A date a customer reads: "5月14日 18:00" / "May 14 at 18:00", in the warehouse's time zone. */
export function customerDate(ms: number, lang: Locale, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone,
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    dateFormats.set(key, f);
  }
  return f.format(ms);
}

export function fillTemplate(kind: TemplateKind, lang: Locale, facts: TemplateFacts): string {
  const t = translator(lang);
  const amount = (fen: number) => formatMoney(fen, lang, facts.currency);
  const items = facts.compensations
    .map((c) =>
      c.type === 'gift'
        ? c.amountFen > 0
          ? t('tpl.comp.giftValue', { amount: amount(c.amountFen) })
          : t('tpl.comp.gift')
        : t(`tpl.comp.${c.type}` as MessageKey, { amount: amount(c.amountFen) }),
    )
    .join(t('tpl.and'));
  const common = {
    name: facts.customerName,
    platform: PLATFORM_LABELS[facts.platform][lang],
    order: facts.orderNo,
    reason: t(`tpl.reason.${facts.cause}` as MessageKey),
    date: customerDate(facts.date, lang, facts.timeZone),
    items,
  };
  if (kind === 'short') {
    return t('tpl.short', {
      ...common,
      date: t(`tpl.short.${facts.dateKind}` as MessageKey, common),
      compensation: items ? t('tpl.short.compensation', common) : '',
    }).trim();
  }
  return [
    t('tpl.greeting', common),
    t('tpl.apology', common),
    t('tpl.reason', common),
    t(`tpl.date.${facts.dateKind}` as MessageKey, common),
    ...(items ? [t('tpl.compensation', common)] : []),
    t('tpl.closing'),
  ].join('\n');
}

const HOUR = 3_600_000;

/**
 * The date to promise by default: the date the buyer already agreed to, else the deadline if it is still
 * ahead, else a day from now on the hour.
 */
export function defaultPromiseDate(c: CaseView, now: number): number {
  const agreed = c.pauses.filter((p) => p.kind === 'buyer_agreed').at(-1);
  if (agreed && agreed.to > now) return agreed.to;
  if (c.shipBy > now) return c.shipBy;
  return Math.ceil((now + 24 * HOUR) / HOUR) * HOUR;
}

/** The reason to explain by default: the recorded cause, else what the floor and the depot say. */
export function likelyCause(
  c: CaseView,
  floor: { pickerAbsent: boolean; depotStatus: 'normal' | 'overloaded' | 'suspended' | null },
): Cause {
  if (c.cause) return c.cause;
  if (floor.pickerAbsent) return 'picker_absent';
  if (floor.depotStatus === 'overloaded') return 'courier_depot_overload';
  if (floor.depotStatus === 'suspended') return 'courier_missed_pickup';
  return 'other';
}

/** Compensation a customer may be told about: approved offers only (pending ones are not promises yet). */
export const promisedCompensations = (c: CaseView) => c.compensations.filter((x) => x.status === 'approved');

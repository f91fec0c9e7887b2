// Locale-aware formatting. Deadlines are shown in the warehouse's time zone and measured against server time.
import type { Locale } from '../../shared/i18n/labels';
import { en, zh, type MessageKey } from './messages';

const CATALOG: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = CATALOG[locale];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

const MINUTE = 60_000;

export function formatDuration(ms: number, t: Translate): string {
  const total = Math.floor(Math.abs(ms) / MINUTE);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d >= 2) return t('duration.d', { d, h });
  const hours = d * 24 + h;
  if (hours === 0) return t('duration.m', { m });
  if (m === 0) return t('duration.h', { h: hours });
  return t('duration.hm', { h: hours, m });
}

/** "还剩 1 小时 20 分" / "已超时 6 小时". */
export function formatCountdown(shipBy: number, now: number, t: Translate): string {
  const left = shipBy - now;
  return left > 0
    ? t('countdown.left', { time: formatDuration(left, t) })
    : t('countdown.over', { time: formatDuration(left, t) });
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** Minor units (fen, centavos) in the order's currency, formatted for the locale. */
export function formatMoney(minor: number, locale: Locale, currency = 'CNY'): string {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) moneyFormats.set(key, (f = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return f.format(minor / 100);
}

// Making an Intl format costs far more than using one (about a millisecond each in a render), so each is made
// once per locale and time zone.
const DATE_PARTS = {
  dateTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  clock: { hour: '2-digit', minute: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: keyof typeof DATE_PARTS, locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hour12: false, ...DATE_PARTS[kind] });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDateTime(ms: number, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  return dateFormat('dateTime', locale, timeZone).format(ms);
}

export function formatTime(ms: number, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  return dateFormat('time', locale, timeZone).format(ms);
}

/** "17:00": hours and minutes. */
export function formatClock(ms: number, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  return dateFormat('clock', locale, timeZone).format(ms);
}

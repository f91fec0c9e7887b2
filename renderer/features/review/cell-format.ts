// How a table cell reads on screen, by its column's format (the exports write raw values instead).
import type { Locale } from '../../../shared/i18n/labels';
import { formatDateTime, formatDuration, formatMoney, type Translate } from '../../i18n/format';
import type { CellFormat, CellValue } from './table-export';

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatCount(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

export const formatPct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

export function displayCell(
  value: CellValue,
  format: CellFormat,
  locale: Locale,
  t: Translate,
  timeZone: string,
): string {
  if (value === null || value === '') return format === 'text' ? '—' : '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return formatCount(value, locale);
    case 'decimal':
      return value.toFixed(1);
    case 'pct':
      return formatPct(value);
    case 'money':
      return formatMoney(value, locale);
    case 'datetime':
      return formatDateTime(value, locale, timeZone);
    case 'minutes':
      return formatDuration(value * 60_000, t);
    case 'text':
      return String(value);
  }
}

export const isNumeric = (format: CellFormat): boolean => format !== 'text' && format !== 'datetime';

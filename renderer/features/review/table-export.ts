// Tables as the exports see them (brief F13): every dashboard, the forecast and the current worklist view are
// turned into these, then written as CSV (here) or XLSX (xlsx.ts). Values stay raw (fen, fractions, epoch ms)
// until written, so the spreadsheet gets real numbers and the CSV gets what a person reads. Pure.

export type CellFormat = 'text' | 'int' | 'decimal' | 'pct' | 'money' | 'datetime' | 'minutes';
export type CellValue = string | number | null;

export interface ExportColumn {
  label: string;
  format: CellFormat;
}

export interface ExportTable {
  /** The table's title; the sheet name in a workbook and part of the file name. */
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly CellValue[])[];
}

export interface ExportContext {
  /** The warehouse's time zone: times are written as its wall clock. */
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-26 14:05" in the zone. */
export function wallTime(ms: number, timeZone: string): string {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    wallFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return `${p.year}-${pad(Number(p.month))}-${pad(Number(p.day))} ${pad(Number(p.hour) % 24)}:${pad(Number(p.minute))}`;
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @ at the start, or a tab/return) gets a leading apostrophe:
 * a customer name like "=HYPERLINK(...)" stays text.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as a person reads it in a CSV. */
export function csvValue(value: CellValue, format: CellFormat, ctx: ExportContext): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return inertText(value);
  switch (format) {
    case 'int':
    case 'minutes':
      return String(Math.round(value));
    case 'decimal':
      return String(Math.round(value * 100) / 100);
    case 'pct':
      return `${(value * 100).toFixed(1)}%`;
    case 'money':
      return (value / 100).toFixed(2);
    case 'datetime':
      return wallTime(value, ctx.timeZone);
    case 'text':
      return String(value);
  }
}

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** RFC 4180 CSV with a byte-order mark (so Excel reads the Chinese as UTF-8) and CRLF line ends. */
export function csvText(table: ExportTable, ctx: ExportContext): string {
  const lines = [table.columns.map((c) => quoted(inertText(c.label))).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c, i) => quoted(csvValue(row[i] ?? null, c.format, ctx))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A cell for a spreadsheet: numbers stay numbers (money in yuan), times become wall-clock text. */
export function sheetValue(value: CellValue, format: CellFormat, ctx: ExportContext): string | number | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return inertText(value);
  if (format === 'money') return Math.round(value) / 100;
  if (format === 'datetime') return wallTime(value, ctx.timeZone);
  return value;
}

/** Excel's number format for a column. */
export const SHEET_FORMATS: Record<CellFormat, string | null> = {
  text: null,
  int: '0',
  minutes: '0',
  decimal: '0.00',
  pct: '0.0%',
  money: '#,##0.00',
  datetime: null,
};

/** A worksheet name Excel accepts (at most 31 characters, none of []:*?/\), unique within the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** "逾期工作台-按平台-2026-11-26-1405.csv": the product, the table and when, in the warehouse's time. */
export function exportFileName(
  title: string,
  extension: 'csv' | 'xlsx',
  now: number,
  timeZone: string,
): string {
  const stamp = wallTime(now, timeZone).replace(' ', '-').replace(':', '');
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe}-${stamp}.${extension}`;
}

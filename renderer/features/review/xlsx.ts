// XLSX exports with ExcelJS, loaded only when someone exports (it is large; the desk's first paint never pays
// for it). One worksheet per table: a bold, frozen header, numbers as numbers with a format per column.
import type { Workbook } from 'exceljs';
import { SHEET_FORMATS, sheetName, sheetValue, type ExportContext, type ExportTable } from './table-export';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function newWorkbook(): Promise<Workbook> {
  const module = await import('exceljs');
  // The browser build is a UMD bundle: its API sits on `default` there and on the namespace in Node.
  const excel = (module as unknown as { default?: typeof module }).default ?? module;
  return new excel.Workbook();
}

/** Fills a workbook with the tables (exported for the tests, which read it back). */
export function fillWorkbook(workbook: Workbook, tables: readonly ExportTable[], ctx: ExportContext): void {
  workbook.creator = 'Overdue Desk';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
    for (const row of table.rows)
      sheet.addRow(table.columns.map((c, i) => sheetValue(row[i] ?? null, c.format, ctx)));
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      const format = SHEET_FORMATS[c.format];
      if (format) column.numFmt = format;
      const longest = Math.max(
        c.label.length * 2,
        ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      );
      column.width = Math.min(48, Math.max(8, longest + 2));
    });
  }
}

export async function xlsxBlob(tables: readonly ExportTable[], ctx: ExportContext): Promise<Blob> {
  const workbook = await newWorkbook();
  fillWorkbook(workbook, tables, ctx);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}

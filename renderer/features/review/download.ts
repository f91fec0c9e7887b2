// Saving an export: a Blob behind a temporary link, so the browser (or Electron's download handling) saves it
// under the given name. Works offline: nothing leaves the desk.
import { csvText, exportFileName, type ExportContext, type ExportTable } from './table-export';
import { xlsxBlob } from './xlsx';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export type ExportKind = 'csv' | 'xlsx';

/**
 * Writes the tables as one CSV (the first table; a CSV has one) or one workbook with a sheet per table, named
 * after `title`.
 */
export async function exportTables(
  kind: ExportKind,
  title: string,
  tables: readonly ExportTable[],
  ctx: ExportContext & { now: number },
): Promise<void> {
  const name = exportFileName(title, kind, ctx.now, ctx.timeZone);
  if (kind === 'csv') {
    const [first] = tables;
    if (!first) return;
    downloadBlob(new Blob([csvText(first, ctx)], { type: 'text/csv;charset=utf-8' }), name);
    return;
  }
  downloadBlob(await xlsxBlob(tables, ctx), name);
}

// `desk:print-pdf`: prints the calling window to an A4 PDF (backgrounds included, so the handover sheet looks as
// on screen), asks where to save it (suggesting `<title>.pdf` in Documents) and writes it. The Electron calls are
// injected so this runs in plain Node.
import path from 'node:path';
import type { PrintPdfRequest, PrintPdfResult } from '../../shared/ipc';
import type { IpcCallContext } from './ipc-router';
import type { Log } from './log';
import type { MenuLocale } from './menu';

/** What `webContents.printToPDF` is given. */
export const PDF_OPTIONS = { printBackground: true, pageSize: 'A4' } as const;

export interface SaveDialogRequest {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

export interface PdfDeps {
  /** `webContents.fromId(senderId).printToPDF(options)`. */
  printToPdf(senderId: number, options: typeof PDF_OPTIONS): Promise<Uint8Array>;
  /** `dialog.showSaveDialog(<the sender's window>, request)`. */
  showSaveDialog(
    senderId: number,
    request: SaveDialogRequest,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  /** `app.getPath('documents')`. */
  documentsDir(): string;
  locale: MenuLocale;
  log: Pick<Log, 'info' | 'warn'>;
}

const FALLBACK_NAME = 'Overdue Desk';
const MAX_NAME_LENGTH = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for a document title that is valid on Windows, macOS and Linux: no path separators or characters
 * Windows refuses, no control characters, no leading or trailing dots or spaces, not a reserved device name, at
 * most 120 characters; `.pdf` appended.
 */
export function pdfFileName(title: string): string {
  let name = title
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '');
  name = Array.from(name).slice(0, MAX_NAME_LENGTH).join('').trim();
  if (name === '' || /^_+$/.test(name)) name = FALLBACK_NAME;
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name}.pdf`;
}

/** A chosen path without the `.pdf` extension gets it (the dialog's filter does not add it everywhere). */
export function withPdfExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === '.pdf' ? filePath : `${filePath}.pdf`;
}

const DIALOG_TITLE: Record<MenuLocale, string> = { 'zh-CN': '保存为 PDF', en: 'Save as PDF' };

export function createPrintPdfHandler(
  deps: PdfDeps,
): (args: PrintPdfRequest, context: IpcCallContext) => Promise<PrintPdfResult> {
  const busy = new Set<number>();
  return async ({ title }, { senderId }) => {
    // One save dialog per window: a second click while the first is open is refused, not queued.
    if (busy.has(senderId)) throw new Error('desk:print-pdf: a PDF is already being saved');
    busy.add(senderId);
    try {
      const pdf = await deps.printToPdf(senderId, PDF_OPTIONS);
      const choice = await deps.showSaveDialog(senderId, {
        title: DIALOG_TITLE[deps.locale],
        defaultPath: path.join(deps.documentsDir(), pdfFileName(title)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      const target = withPdfExtension(choice.filePath);
      await deps.writeFile(target, pdf);
      deps.log.info(`saved a PDF (${pdf.byteLength} bytes) to ${target}`);
      return { saved: true, path: target };
    } catch (error) {
      deps.log.warn('desk:print-pdf failed', error);
      throw error;
    } finally {
      busy.delete(senderId);
    }
  };
}

// Fakes at the Electron/OS edge, shared by the unit tests. Not imported by the app.
import type { FileStore } from './file-store';
import type { Log } from './log';
import type { PdfDeps, PDF_OPTIONS, SaveDialogRequest } from './print-pdf';

export interface MemoryFileStore extends FileStore {
  files: Map<string, Buffer>;
  writes: number;
}

export function createMemoryFileStore(initial: Record<string, string | Buffer> = {}): MemoryFileStore {
  const files = new Map<string, Buffer>(
    Object.entries(initial).map(([name, data]) => [name, Buffer.isBuffer(data) ? data : Buffer.from(data)]),
  );
  const store: MemoryFileStore = {
    files,
    writes: 0,
    read: (filePath) => files.get(filePath) ?? null,
    write: (filePath, data) => {
      store.writes += 1;
      files.set(filePath, Buffer.from(data));
    },
    remove: (filePath) => {
      files.delete(filePath);
    },
  };
  return store;
}

export interface RecordingLog extends Log {
  lines: { level: 'info' | 'warn' | 'error'; message: string }[];
}

export function createRecordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

/** A minimal event emitter with Electron's `on`/`emit` shape, typed loosely for fakes. */
export class FakeEmitter {
  readonly listeners = new Map<string, ((...args: never[]) => unknown)[]>();
  on(event: string, listener: (...args: never[]) => unknown): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export interface FakePdfDeps extends PdfDeps {
  printed: { senderId: number; options: typeof PDF_OPTIONS }[];
  dialogs: { senderId: number; request: SaveDialogRequest }[];
  written: Map<string, Uint8Array>;
  /** What the save dialog answers next. */
  answer: { canceled: boolean; filePath?: string };
  /** Makes printing fail with this error. */
  printError: Error | null;
  log: RecordingLog;
}

/** `desk:print-pdf`'s Electron edge: records the print, the dialog and the write; the test sets the answer. */
export function createFakePdfDeps(): FakePdfDeps {
  const deps: FakePdfDeps = {
    printed: [],
    dialogs: [],
    written: new Map(),
    answer: { canceled: true },
    printError: null,
    log: createRecordingLog(),
    locale: 'zh-CN',
    documentsDir: () => '/home/zw/Documents',
    printToPdf: async (senderId, options) => {
      if (deps.printError) throw deps.printError;
      deps.printed.push({ senderId, options });
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    showSaveDialog: async (senderId, request) => {
      deps.dialogs.push({ senderId, request });
      return deps.answer;
    },
    writeFile: async (filePath, data) => {
      deps.written.set(filePath, data);
    },
  };
  return deps;
}

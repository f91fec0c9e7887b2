// Log files: the main process writes `<userData>/logs/main.log`, the renderer `<userData>/logs/renderer.log`, each
// rotated at `maxSize` into `main.1.log` … `main.<keep>.log` (the oldest is dropped), so the folder never holds more
// than (keep + 1) × maxSize per file. Written by electron-log's Node entry (`electron-log/node`): the file transport
// and its line format, without what `electron-log/main` adds (an unvalidated `__ELECTRON_LOG__` IPC handler and a
// preload injected into every session), so the only way into main stays the checked channels of shared/ipc.ts.
// The renderer reaches its file two ways: its console warnings and errors (uncaught exceptions included) are
// forwarded from the `console-message` event, and `desk:log` writes a line on purpose (ipc-handlers.ts).
import fs from 'node:fs';
import path from 'node:path';
import nodeLog from 'electron-log/node';
import type { Log } from './log';

export const LOGS_DIR_NAME = 'logs';
export const MAIN_LOG_FILE = 'main.log';
export const RENDERER_LOG_FILE = 'renderer.log';
/** Rotate a file once it is larger than this. */
export const DEFAULT_MAX_LOG_BYTES = 2 * 1024 * 1024;
/** Rotated files kept per log (main.1.log … main.3.log). */
export const DEFAULT_KEEP_ROTATED = 3;
/** Longest line taken from the renderer; longer text is cut and marked. */
export const MAX_RENDERER_LINE = 4000;

export const logsDirectory = (userDataDir: string): string => path.join(userDataDir, LOGS_DIR_NAME);

/** `main.log` → `main.<n>.log`. */
export function rotatedName(filePath: string, n: number): string {
  const { dir, name, ext } = path.parse(filePath);
  return path.join(dir, `${name}.${n}${ext}`);
}

/** The file operations rotation needs, so it is tested without touching real files when that is simpler. */
export interface RotationFs {
  existsSync(filePath: string): boolean;
  renameSync(from: string, to: string): void;
  rmSync(filePath: string, options: { force: true }): void;
}

/**
 * Shifts `main.log` → `main.1.log` → … → `main.<keep>.log`, dropping the oldest. Synchronous, as electron-log
 * expects of `archiveLogFn` (it empties the current file right after).
 */
export function rotateLogFiles(filePath: string, keep: number, files: RotationFs = fs): void {
  files.rmSync(rotatedName(filePath, keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    const from = rotatedName(filePath, n);
    if (files.existsSync(from)) files.renameSync(from, rotatedName(filePath, n + 1));
  }
  if (files.existsSync(filePath)) files.renameSync(filePath, rotatedName(filePath, 1));
}

/**
 * Text from the renderer, made safe for a line-oriented file: line breaks and other control characters are
 * escaped (a page cannot forge a line that looks like main's), and the length is capped.
 */
export function sanitizeLogText(text: string, max = MAX_RENDERER_LINE): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g,
    (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return escaped.length > max
    ? `${escaped.slice(0, max)}… (${escaped.length - max} more characters)`
    : escaped;
}

export interface FileLogsOptions {
  /** `<userData>/logs`. */
  dir: string;
  maxBytes?: number;
  keep?: number;
  /** Also print to stdout/stderr from this level up (development), or not at all. */
  consoleLevel?: 'info' | 'warn' | false;
}

export interface FileLogs {
  dir: string;
  main: Log;
  renderer: Log;
  files: { main: string; renderer: string };
}

let loggerSerial = 0;

function fileLogger(filePath: string, options: Required<Omit<FileLogsOptions, 'dir'>>): Log {
  loggerSerial += 1;
  const logger = nodeLog.create({ logId: `desk-${path.basename(filePath, '.log')}-${loggerSerial}` });
  const file = logger.transports.file;
  file.resolvePathFn = () => filePath;
  file.maxSize = options.maxBytes;
  file.level = 'info';
  file.archiveLogFn = (oldFile) => {
    try {
      rotateLogFiles(oldFile.path, options.keep);
    } catch {
      // Could not rename (a reader holds the file on Windows): empty it rather than grow without bound.
      oldFile.clear();
    }
  };
  logger.transports.console.level = options.consoleLevel;
  // Not wanted in main: no IPC echo to renderers, no network. (The IPC transport exists only inside Electron.)
  const { ipc, remote } = logger.transports as Partial<typeof logger.transports>;
  if (ipc) ipc.level = false;
  if (remote) remote.level = false;
  return {
    info: (message, ...details) => logger.info(message, ...details),
    warn: (message, ...details) => logger.warn(message, ...details),
    error: (message, ...details) => logger.error(message, ...details),
  };
}

/** Creates the logs folder and the two rotating file logs. */
export function createFileLogs(options: FileLogsOptions): FileLogs {
  fs.mkdirSync(options.dir, { recursive: true });
  const settings = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_LOG_BYTES,
    keep: options.keep ?? DEFAULT_KEEP_ROTATED,
    consoleLevel: options.consoleLevel ?? false,
  };
  const files = {
    main: path.join(options.dir, MAIN_LOG_FILE),
    renderer: path.join(options.dir, RENDERER_LOG_FILE),
  };
  return {
    dir: options.dir,
    main: fileLogger(files.main, settings),
    renderer: fileLogger(files.renderer, settings),
    files,
  };
}

/** The Electron 45 `console-message` event's details (the positional arguments are deprecated). */
export interface ConsoleMessageDetails {
  level: 'info' | 'warning' | 'error' | 'debug';
  message: string;
  lineNumber: number;
  sourceId: string;
}

export interface ConsoleContents {
  on(event: 'console-message', listener: (details: ConsoleMessageDetails) => void): unknown;
}

/**
 * Forwards the renderer's console warnings and errors (an uncaught exception arrives as an error) to the renderer
 * log. Info and debug output stay in DevTools: the page logs deliberately through `desk:log`.
 */
export function forwardRendererConsole(contents: ConsoleContents, log: Pick<Log, 'warn' | 'error'>): void {
  contents.on('console-message', (details) => {
    if (details.level !== 'warning' && details.level !== 'error') return;
    const where = details.sourceId
      ? ` (${sanitizeLogText(details.sourceId, 300)}:${details.lineNumber})`
      : '';
    const line = `console: ${sanitizeLogText(details.message)}${where}`;
    if (details.level === 'error') log.error(line);
    else log.warn(line);
  });
}

/** The process events worth a line: an exception main did not catch, a promise nobody awaited. */
export interface ProcessLike {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Logs main's uncaught exceptions and unhandled rejections. `uncaughtExceptionMonitor` only watches, so
 * Electron's own handling of an uncaught exception is unchanged; a rejection is logged and otherwise ignored.
 */
export function logProcessErrors(processLike: ProcessLike, log: Pick<Log, 'error'>): void {
  processLike.on('uncaughtExceptionMonitor', (error, origin) =>
    log.error(`uncaught exception (${origin})`, error),
  );
  processLike.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));
}

export interface OpenLogsFolderDeps {
  dir: string;
  /** Electron's `shell.openPath`: resolves to an error message, or '' on success. */
  openPath(folder: string): Promise<string>;
  log: Pick<Log, 'warn'>;
  mkdir?: (folder: string) => void;
}

/** The 帮助 → 打开日志文件夹 action: makes sure the folder exists and shows it in the file manager. */
export function createOpenLogsFolder(deps: OpenLogsFolderDeps): () => Promise<void> {
  const mkdir = deps.mkdir ?? ((folder: string) => fs.mkdirSync(folder, { recursive: true }));
  return async () => {
    try {
      mkdir(deps.dir);
      const problem = await deps.openPath(deps.dir);
      if (problem) deps.log.warn(`could not open the logs folder ${deps.dir}: ${problem}`);
    } catch (error) {
      deps.log.warn(`could not open the logs folder ${deps.dir}`, error);
    }
  };
}

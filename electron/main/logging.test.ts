import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFileLogs,
  createOpenLogsFolder,
  forwardRendererConsole,
  logProcessErrors,
  logsDirectory,
  rotatedName,
  rotateLogFiles,
  sanitizeLogText,
  type ConsoleMessageDetails,
} from './logging';
import { createRecordingLog, FakeEmitter } from './test-fakes';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-logs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const list = () => fs.readdirSync(dir).sort();

describe('log file names', () => {
  it('puts the logs in <userData>/logs and numbers the rotated files', () => {
    expect(logsDirectory('/home/u/.config/Overdue Desk')).toBe(
      path.join('/home/u/.config/Overdue Desk', 'logs'),
    );
    expect(rotatedName(path.join('/l', 'main.log'), 2)).toBe(path.join('/l', 'main.2.log'));
  });
});

describe('rotateLogFiles', () => {
  it('shifts main.log → main.1.log → … and drops the oldest', () => {
    for (const [name, text] of [
      ['main.log', 'current'],
      ['main.1.log', 'one'],
      ['main.2.log', 'two'],
      ['main.3.log', 'three'],
    ])
      fs.writeFileSync(path.join(dir, name!), text!);
    rotateLogFiles(path.join(dir, 'main.log'), 3);
    expect(list()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    expect([read('main.1.log'), read('main.2.log'), read('main.3.log')]).toEqual(['current', 'one', 'two']);
  });

  it('works with gaps and with nothing to rotate yet', () => {
    fs.writeFileSync(path.join(dir, 'main.log'), 'current');
    rotateLogFiles(path.join(dir, 'main.log'), 3);
    expect(list()).toEqual(['main.1.log']);
    rotateLogFiles(path.join(dir, 'renderer.log'), 3);
    expect(list()).toEqual(['main.1.log']);
  });
});

describe('createFileLogs', () => {
  it('writes main and renderer lines to their own files, with time and level', () => {
    const logs = createFileLogs({ dir: path.join(dir, 'logs') });
    logs.main.info('started');
    logs.main.error('failed', new Error('disk full'));
    logs.renderer.warn('sync paused');
    const main = fs.readFileSync(logs.files.main, 'utf8');
    expect(main).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\]\s+started$/m);
    expect(main).toMatch(/\[error\]\s+failed Error: disk full/);
    expect(main).not.toContain('sync paused');
    expect(fs.readFileSync(logs.files.renderer, 'utf8')).toMatch(/\[warn\]\s+sync paused/);
    expect(path.dirname(logs.files.main)).toBe(logs.dir);
  });

  it('rotates at maxBytes and keeps a bounded number of files', () => {
    const logs = createFileLogs({ dir, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 60; i += 1) logs.main.info(`line ${i} ${'x'.repeat(40)}`);
    expect(list()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of list()) expect(fs.statSync(path.join(dir, name)).size).toBeLessThan(400 + 120);
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 59 ');
    expect(fs.readFileSync(path.join(dir, 'main.2.log'), 'utf8')).not.toContain('line 0 ');
  });
});

describe('sanitizeLogText', () => {
  it('escapes line breaks and control characters so a page cannot forge lines', () => {
    expect(sanitizeLogText('a\nb\r\nc')).toBe('a\\nb\\r\\nc');
    expect(sanitizeLogText('bell\u0007 esc\u001b[31m sep\u2028')).toBe(
      'bell\\u0007 esc\\u001b[31m sep\\u2028',
    );
    expect(sanitizeLogText('tab\tand 中文')).toBe('tab\tand 中文');
  });

  it('caps the length and says how much was cut', () => {
    expect(sanitizeLogText('x'.repeat(12), 10)).toBe(`${'x'.repeat(10)}… (2 more characters)`);
  });
});

class FakeConsoleContents extends FakeEmitter {
  message(details: Partial<ConsoleMessageDetails>) {
    this.emit('console-message', { level: 'info', message: '', lineNumber: 0, sourceId: '', ...details });
  }
}

describe('forwardRendererConsole', () => {
  it('forwards warnings and errors with their source, not info or debug', () => {
    const contents = new FakeConsoleContents();
    const log = createRecordingLog();
    forwardRendererConsole(contents, log);
    contents.message({ level: 'info', message: 'rendered' });
    contents.message({ level: 'debug', message: 'noise' });
    contents.message({ level: 'warning', message: 'slow sync', sourceId: 'app://desk/a.js', lineNumber: 3 });
    contents.message({ level: 'error', message: 'Uncaught Error: boom\n    at x' });
    expect(log.lines).toEqual([
      { level: 'warn', message: 'console: slow sync (app://desk/a.js:3)' },
      { level: 'error', message: 'console: Uncaught Error: boom\\n    at x' },
    ]);
  });
});

describe('logProcessErrors', () => {
  it("logs main's uncaught exceptions and unhandled rejections", () => {
    const processLike = new FakeEmitter();
    const log = createRecordingLog();
    logProcessErrors(processLike, log);
    processLike.emit('uncaughtExceptionMonitor', new Error('x'), 'uncaughtException');
    processLike.emit('unhandledRejection', new Error('y'));
    expect(log.lines).toEqual([
      { level: 'error', message: 'uncaught exception (uncaughtException)' },
      { level: 'error', message: 'unhandled promise rejection' },
    ]);
  });
});

describe('createOpenLogsFolder', () => {
  it('creates the folder and opens it', async () => {
    const openPath = vi.fn((_folder: string) => Promise.resolve(''));
    const log = createRecordingLog();
    const folder = path.join(dir, 'logs');
    await createOpenLogsFolder({ dir: folder, openPath, log })();
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(openPath).toHaveBeenCalledWith(folder);
    expect(log.lines).toEqual([]);
  });

  it('logs when the file manager cannot open it, and never throws', async () => {
    const log = createRecordingLog();
    await createOpenLogsFolder({ dir, openPath: () => Promise.resolve('no file manager'), log })();
    await createOpenLogsFolder({ dir, openPath: () => Promise.reject(new Error('gone')), log })();
    expect(log.lines.map((line) => line.level)).toEqual(['warn', 'warn']);
    expect(log.lines[0]?.message).toContain('no file manager');
  });
});

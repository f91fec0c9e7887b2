import { describe, expect, it } from 'vitest';
import {
  attachCrashRecovery,
  crashDecision,
  logChildProcessCrashes,
  type RecoverableContents,
} from './crash-recovery';
import { createRecordingLog, FakeEmitter } from './test-fakes';

class FakeContents extends FakeEmitter implements RecoverableContents {
  reloads = 0;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  reload = () => void (this.reloads += 1);
}

describe('crash recovery', () => {
  function setup() {
    const contents = new FakeContents();
    const clock = { now: 1_000_000 };
    const log = createRecordingLog();
    attachCrashRecovery(contents, { log, now: () => clock.now, maxReloads: 3, windowMs: 60_000 });
    const gone = (reason: string) => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
    return { contents, clock, log, gone };
  }

  it('reloads the window when the renderer crashes', () => {
    const { contents, gone, log } = setup();
    gone('crashed');
    expect(contents.reloads).toBe(1);
    expect(log.lines[0]?.message).toContain('crashed');
    gone('oom');
    expect(contents.reloads).toBe(2);
  });

  it('ignores a clean exit and a destroyed window', () => {
    const { contents, gone } = setup();
    gone('clean-exit');
    expect(contents.reloads).toBe(0);
    contents.destroyed = true;
    gone('crashed');
    expect(contents.reloads).toBe(0);
  });

  it('gives up on a renderer that keeps dying, and tries again later', () => {
    const { contents, gone, clock, log } = setup();
    for (let i = 0; i < 5; i += 1) {
      gone('crashed');
      clock.now += 1000;
    }
    expect(contents.reloads).toBe(3);
    expect(log.lines.some((line) => line.level === 'error')).toBe(true);
    clock.now += 60_000;
    gone('crashed');
    expect(contents.reloads).toBe(4);
  });

  it('decides from the recent reloads only', () => {
    const limits = { maxReloads: 2, windowMs: 100 };
    expect(crashDecision('crashed', [], 1000, limits)).toBe('reload');
    expect(crashDecision('crashed', [950, 960], 1000, limits)).toBe('give-up');
    expect(crashDecision('crashed', [850, 960], 1000, limits)).toBe('reload');
    expect(crashDecision('clean-exit', [], 1000, limits)).toBe('ignore');
  });

  it('keeps the outbox: a crash reloads the same contents (same origin, same IndexedDB), never recreates it', () => {
    const { contents, gone } = setup();
    gone('oom');
    gone('killed');
    expect(contents.reloads).toBe(2);
    expect(contents.destroyed).toBe(false);
  });

  it('logs a hang and how long it lasted', () => {
    const { contents, clock, log } = setup();
    contents.emit('unresponsive');
    clock.now += 12_000;
    contents.emit('responsive');
    contents.emit('responsive');
    expect(log.lines).toEqual([
      { level: 'warn', message: 'renderer unresponsive' },
      { level: 'info', message: 'renderer responsive again after 12 s' },
    ]);
    expect(contents.reloads).toBe(0);
  });
});

describe('logChildProcessCrashes', () => {
  it("logs crashes of Chromium's other processes, not clean exits", () => {
    const app = new FakeEmitter();
    const log = createRecordingLog();
    logChildProcessCrashes(app, log);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 139 });
    app.emit(
      'child-process-gone',
      {},
      { type: 'Utility', reason: 'oom', exitCode: 1, name: 'Network Service' },
    );
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0 });
    expect(log.lines).toEqual([
      { level: 'warn', message: 'GPU process gone: crashed, exit code 139' },
      { level: 'warn', message: 'Utility process (Network Service) gone: oom, exit code 1' },
    ]);
  });
});

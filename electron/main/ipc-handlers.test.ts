import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, MAX_LIVE_NOTIFICATIONS, type Notifier } from './ipc-handlers';
import type { IpcCallContext } from './ipc-router';
import { createFakePdfDeps, createRecordingLog, FakeEmitter } from './test-fakes';
import type { TokenVault } from './token-vault';

const CONFIG = { serverUrl: 'http://127.0.0.1:4870', appVersion: '0.1.0', platform: 'darwin' };
/** The router has already checked the sender: this is the app window's web contents. */
const CTX: IpcCallContext = { senderId: 7 };

/** Electron's Notification as a fake: records what was shown; the test emits click/close. */
class FakeNotification extends FakeEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
  }
}

function fakeNotifier(supported = true) {
  const created: FakeNotification[] = [];
  const notifier: Notifier = {
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
  };
  return { notifier, created };
}

function setup(
  setBadgeCount: (count: number) => boolean = () => true,
  notifier: Notifier = fakeNotifier().notifier,
) {
  let stored: string | null = null;
  const vault: TokenVault = {
    save: (token) => void (stored = token),
    load: () => stored,
    clear: () => void (stored = null),
  };
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const badge = vi.fn(setBadgeCount);
  const log = createRecordingLog();
  const rendererLog = createRecordingLog();
  const focusApp = vi.fn();
  const pdf = createFakePdfDeps();
  const handlers = createIpcHandlers({
    config: CONFIG,
    vault,
    openExternal,
    setBadgeCount: badge,
    notifier,
    focusApp,
    pdf,
    rendererLog,
    log,
  });
  return { handlers, openExternal, badge, log, rendererLog, focusApp, pdf };
}

describe('ipc handlers', () => {
  it('desk:config returns the app configuration', async () => {
    expect(await setup().handlers['desk:config'](undefined, CTX)).toEqual(CONFIG);
  });

  it('desk:token:* go through the vault', async () => {
    const { handlers } = setup();
    expect(await handlers['desk:token:load'](undefined, CTX)).toBeNull();
    await handlers['desk:token:save']({ token: 'tok_0123456789abcdef' }, CTX);
    expect(await handlers['desk:token:load'](undefined, CTX)).toBe('tok_0123456789abcdef');
    await handlers['desk:token:clear'](undefined, CTX);
    expect(await handlers['desk:token:load'](undefined, CTX)).toBeNull();
  });

  it('desk:open-external opens http(s) only', async () => {
    const { handlers, openExternal } = setup();
    await handlers['desk:open-external']({ url: 'https://track.example/1' }, CTX);
    expect(openExternal).toHaveBeenCalledWith('https://track.example/1');
    await expect(handlers['desk:open-external']({ url: 'file:///etc/passwd' }, CTX)).rejects.toThrow(
      /http\(s\)/,
    );
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('desk:badge sets the count and ignores platforms without a badge', async () => {
    const ok = setup();
    await ok.handlers['desk:badge']({ count: 12 }, CTX);
    expect(ok.badge).toHaveBeenCalledWith(12);

    const unsupported = setup(() => {
      throw new Error('not supported');
    });
    await expect(
      Promise.resolve(unsupported.handlers['desk:badge']({ count: 1 }, CTX)),
    ).resolves.toBeUndefined();
    expect(unsupported.log.lines).toHaveLength(1);

    const returnsFalse = setup(() => false);
    await expect(
      Promise.resolve(returnsFalse.handlers['desk:badge']({ count: 1 }, CTX)),
    ).resolves.toBeUndefined();
  });

  it('desk:notify shows a notification and answers clicked when the user clicks it', async () => {
    const { notifier, created } = fakeNotifier();
    const { handlers, focusApp } = setup(undefined, notifier);
    const answer = handlers['desk:notify'](
      { title: '案件已逾期：123', body: '天猫 · 生鲜', caseId: 'c1' },
      CTX,
    );
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual({ title: '案件已逾期：123', body: '天猫 · 生鲜' });
    expect(created[0]!.shown).toBe(true);
    created[0]!.emit('click');
    await expect(answer).resolves.toEqual({ clicked: true });
    expect(focusApp).toHaveBeenCalledTimes(1);
  });

  it('desk:notify answers not clicked when closed, failed or unsupported', async () => {
    const { notifier, created } = fakeNotifier();
    const { handlers, focusApp, log } = setup(undefined, notifier);
    const closed = handlers['desk:notify']({ title: 't', body: 'b' }, CTX);
    created[0]!.emit('close');
    created[0]!.emit('click'); // too late: answered once
    await expect(closed).resolves.toEqual({ clicked: false });
    const failed = handlers['desk:notify']({ title: 't', body: 'b' }, CTX);
    created[1]!.emit('failed', {}, 'no notification server');
    await expect(failed).resolves.toEqual({ clicked: false });
    expect(log.lines.map((l) => l.level)).toEqual(['warn']);
    expect(focusApp).not.toHaveBeenCalled();

    const unsupported = fakeNotifier(false);
    await expect(
      setup(undefined, unsupported.notifier).handlers['desk:notify']({ title: 't', body: 'b' }, CTX),
    ).resolves.toEqual({ clicked: false });
    expect(unsupported.created).toHaveLength(0);
  });

  it('desk:notify keeps a bounded number of notifications waiting for a click', async () => {
    const { notifier, created } = fakeNotifier();
    const { handlers } = setup(undefined, notifier);
    const answers = Array.from({ length: MAX_LIVE_NOTIFICATIONS + 1 }, (_, i) =>
      handlers['desk:notify']({ title: `t${i}`, body: '' }, CTX),
    );
    await expect(answers[0]).resolves.toEqual({ clicked: false });
    created.at(-1)!.emit('click');
    await expect(answers.at(-1)).resolves.toEqual({ clicked: true });
  });

  it('desk:print-pdf prints the sender, asks where to save and writes the PDF there', async () => {
    const { handlers, pdf } = setup();
    pdf.answer = { canceled: false, filePath: '/home/zw/Documents/交接单 3号.pdf' };
    await expect(handlers['desk:print-pdf']({ title: '交接单 3号' }, CTX)).resolves.toEqual({
      saved: true,
      path: '/home/zw/Documents/交接单 3号.pdf',
    });
    expect(pdf.printed).toEqual([{ senderId: 7, options: { printBackground: true, pageSize: 'A4' } }]);
    expect(pdf.dialogs[0]?.senderId).toBe(7);
    expect(pdf.dialogs[0]?.request.defaultPath).toBe(path.join('/home/zw/Documents', '交接单 3号.pdf'));
    expect([...pdf.written.keys()]).toEqual(['/home/zw/Documents/交接单 3号.pdf']);
  });

  it('desk:print-pdf answers saved: false when the dialog is cancelled and writes nothing', async () => {
    const { handlers, pdf } = setup();
    pdf.answer = { canceled: true };
    await expect(handlers['desk:print-pdf']({ title: 'x' }, CTX)).resolves.toEqual({
      saved: false,
      path: null,
    });
    expect(pdf.written.size).toBe(0);
  });

  it('desk:log writes the renderer line at its level, escaped', async () => {
    const { handlers, rendererLog, log } = setup();
    await handlers['desk:log']({ level: 'warn', message: 'sync paused\n[x] [error] forged' }, CTX);
    await handlers['desk:log']({ level: 'error', message: 'boom' }, CTX);
    await handlers['desk:log']({ level: 'info', message: 'online again' }, CTX);
    expect(rendererLog.lines).toEqual([
      { level: 'warn', message: 'sync paused\\n[x] [error] forged' },
      { level: 'error', message: 'boom' },
      { level: 'info', message: 'online again' },
    ]);
    expect(log.lines).toEqual([]);
  });
});

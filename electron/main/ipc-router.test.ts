import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc';
import {
  registerIpcHandlers,
  senderProblem,
  type InvokeEvent,
  type IpcHandlers,
  type IpcMainLike,
  type SenderFrame,
} from './ipc-router';
import { createRecordingLog } from './test-fakes';

const APP_CONTENTS_ID = 7;
const CONFIG = { serverUrl: 'http://127.0.0.1:4870', appVersion: '0.1.0', platform: 'linux' };

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` would get back. */
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, ...args);
  }
}

const topFrame = (url = 'app://desk/index.html'): SenderFrame => ({ url, parent: null });
const appEvent = (frame: SenderFrame | null = topFrame(), id = APP_CONTENTS_ID): InvokeEvent => ({
  sender: { id },
  senderFrame: frame,
});

function fakeHandlers(): IpcHandlers & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    'desk:config': (args) => {
      calls.push(['desk:config', args]);
      return CONFIG;
    },
    'desk:token:save': (args) => {
      calls.push(['desk:token:save', args]);
      return undefined;
    },
    'desk:token:load': (args) => {
      calls.push(['desk:token:load', args]);
      return 'tok_0123456789abcdef';
    },
    'desk:token:clear': (args) => {
      calls.push(['desk:token:clear', args]);
      return undefined;
    },
    'desk:open-external': async (args) => {
      calls.push(['desk:open-external', args]);
    },
    'desk:badge': (args) => {
      calls.push(['desk:badge', args]);
      return undefined;
    },
    'desk:notify': (args) => {
      calls.push(['desk:notify', args]);
      return { clicked: false };
    },
    'desk:print-pdf': (args, context) => {
      calls.push(['desk:print-pdf', args, context]);
      return { saved: true, path: '/tmp/a.pdf' };
    },
    'desk:log': (args) => {
      calls.push(['desk:log', args]);
      return undefined;
    },
  };
}

/** Arguments each channel must refuse. A `Record` over the channels: a new channel without one does not compile. */
const BAD_ARGS: Record<IpcChannel, unknown> = {
  'desk:config': { anything: true },
  'desk:token:save': { token: 'short' },
  'desk:token:load': 'x',
  'desk:token:clear': null,
  'desk:open-external': { url: 'file:///etc/passwd' },
  'desk:badge': { count: -1 },
  'desk:notify': { title: '', body: 'b' },
  'desk:print-pdf': { title: '   ' },
  'desk:log': { level: 'debug', message: 'x' },
};

/** Arguments each channel accepts, so a refusal above is the argument's fault and not the channel's. */
const GOOD_ARGS: Record<IpcChannel, unknown> = {
  'desk:config': undefined,
  'desk:token:save': { token: 'tok_0123456789abcdef' },
  'desk:token:load': undefined,
  'desk:token:clear': undefined,
  'desk:open-external': { url: 'https://example.com/' },
  'desk:badge': { count: 1 },
  'desk:notify': { title: 't', body: 'b' },
  'desk:print-pdf': { title: '交接单' },
  'desk:log': { level: 'info', message: 'x' },
};

const ALL_CHANNELS = Object.keys(IPC_CHANNELS) as IpcChannel[];

function setup(handlers: IpcHandlers = fakeHandlers(), appId: number | null = APP_CONTENTS_ID) {
  const ipcMain = new FakeIpcMain();
  const log = createRecordingLog();
  const unregister = registerIpcHandlers({ ipcMain, handlers, appWebContentsId: () => appId, log });
  return { ipcMain, log, unregister };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract, and removes them again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('runs a handler for the app page with good arguments', async () => {
    const handlers = fakeHandlers();
    const { ipcMain } = setup(handlers);
    await expect(ipcMain.invoke('desk:config', appEvent())).resolves.toEqual(CONFIG);
    await expect(ipcMain.invoke('desk:token:load', appEvent())).resolves.toBe('tok_0123456789abcdef');
    await expect(ipcMain.invoke('desk:badge', appEvent(), { count: 3 })).resolves.toBeUndefined();
    await expect(
      ipcMain.invoke('desk:open-external', appEvent(), { url: 'https://example.com/x' }),
    ).resolves.toBeUndefined();
    expect(handlers.calls).toEqual([
      ['desk:config', undefined],
      ['desk:token:load', undefined],
      ['desk:badge', { count: 3 }],
      ['desk:open-external', { url: 'https://example.com/x' }],
    ]);
  });

  it('passes the parsed value, without unknown keys', async () => {
    const handlers = fakeHandlers();
    const { ipcMain } = setup(handlers);
    await ipcMain.invoke('desk:token:save', appEvent(), { token: 'tok_0123456789abcdef', admin: true });
    expect(handlers.calls).toEqual([['desk:token:save', { token: 'tok_0123456789abcdef' }]]);
  });

  describe.each(ALL_CHANNELS)('every channel: %s', (channel) => {
    it('runs for the app page with good arguments', async () => {
      const handlers = fakeHandlers();
      const { ipcMain } = setup(handlers);
      await ipcMain.invoke(channel, appEvent(), GOOD_ARGS[channel]);
      expect(handlers.calls.map((call) => (call as unknown[])[0])).toEqual([channel]);
    });

    it('refuses a sender that is not the app window top frame on app://desk', async () => {
      const handlers = fakeHandlers();
      const { ipcMain } = setup(handlers);
      for (const event of [
        appEvent(topFrame('https://evil.example/')),
        appEvent({ url: 'app://desk/frame.html', parent: topFrame() }),
        appEvent(topFrame(), APP_CONTENTS_ID + 1),
        appEvent(null),
      ]) {
        await expect(ipcMain.invoke(channel, event, GOOD_ARGS[channel])).rejects.toThrow(
          `${channel}: sender not allowed`,
        );
      }
      expect(handlers.calls).toEqual([]);
    });

    it('refuses arguments that fail the schema', async () => {
      const handlers = fakeHandlers();
      const { ipcMain } = setup(handlers);
      await expect(ipcMain.invoke(channel, appEvent(), BAD_ARGS[channel])).rejects.toThrow(
        `${channel}: invalid arguments: `,
      );
      expect(handlers.calls).toEqual([]);
    });
  });

  it('tells the handler which web contents called', async () => {
    const handlers = fakeHandlers();
    const { ipcMain } = setup(handlers);
    await ipcMain.invoke('desk:print-pdf', appEvent(), { title: '交接单' });
    expect(handlers.calls).toEqual([['desk:print-pdf', { title: '交接单' }, { senderId: APP_CONTENTS_ID }]]);
  });

  describe('refuses the sender', () => {
    it.each<[string, InvokeEvent]>([
      ['another origin', appEvent(topFrame('https://evil.example/'))],
      ['a look-alike host', appEvent(topFrame('app://desk.evil/index.html'))],
      ['a file: page', appEvent(topFrame('file:///tmp/index.html'))],
      ['a subframe of the app', appEvent({ url: 'app://desk/frame.html', parent: topFrame() })],
      ['a missing frame', appEvent(null)],
      ['an undefined frame', { sender: { id: APP_CONTENTS_ID }, senderFrame: undefined }],
      ['another web contents', appEvent(topFrame(), APP_CONTENTS_ID + 1)],
    ])('from %s', async (_name, event) => {
      const handlers = fakeHandlers();
      const { ipcMain, log } = setup(handlers);
      await expect(ipcMain.invoke('desk:badge', event, { count: 1 })).rejects.toThrow(
        'desk:badge: sender not allowed',
      );
      expect(handlers.calls).toEqual([]);
      expect(log.lines.at(-1)?.level).toBe('warn');
    });

    it('when there is no app window', async () => {
      const { ipcMain } = setup(fakeHandlers(), null);
      await expect(ipcMain.invoke('desk:config', appEvent())).rejects.toThrow(
        'desk:config: sender not allowed',
      );
    });
  });

  describe('refuses bad arguments', () => {
    it.each<[IpcChannel, unknown[]]>([
      ['desk:token:save', [{ token: 'short' }]],
      ['desk:token:save', [{}]],
      ['desk:token:save', ['tok_0123456789abcdef']],
      ['desk:badge', [{ count: -1 }]],
      ['desk:badge', [{ count: 1.5 }]],
      ['desk:badge', [{ count: '3' }]],
      ['desk:open-external', [{ url: 'file:///etc/passwd' }]],
      ['desk:open-external', [{ url: 'javascript:alert(1)' }]],
      ['desk:config', [{ anything: true }]],
      ['desk:token:clear', [null]],
      ['desk:badge', [{ count: 1 }, { count: 2 }]],
      ['desk:print-pdf', [{}]],
      ['desk:print-pdf', [{ title: 'x'.repeat(201) }]],
      ['desk:log', [{ level: 'info', message: '' }]],
      ['desk:log', [{ level: 'info', message: 'x'.repeat(4001) }]],
    ])('%s %j', async (channel, args) => {
      const handlers = fakeHandlers();
      const { ipcMain } = setup(handlers);
      await expect(ipcMain.invoke(channel, appEvent(), ...args)).rejects.toThrow(
        `${channel}: invalid arguments: `,
      );
      expect(handlers.calls).toEqual([]);
    });

    it('says what is wrong', async () => {
      const { ipcMain } = setup();
      await expect(ipcMain.invoke('desk:badge', appEvent(), { count: -1 })).rejects.toThrow(/count: .*>=0/);
    });
  });

  it('checks the sender before the arguments', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('desk:badge', appEvent(null), { count: -1 })).rejects.toThrow(
      'sender not allowed',
    );
  });

  it('refuses a result that breaks the contract', async () => {
    const handlers = { ...fakeHandlers(), 'desk:config': () => ({ ...CONFIG, serverUrl: 'nope' }) };
    const { ipcMain, log } = setup(handlers);
    await expect(ipcMain.invoke('desk:config', appEvent())).rejects.toThrow('desk:config: invalid result: ');
    expect(log.lines.at(-1)?.level).toBe('error');
  });

  it('passes a handler failure through', async () => {
    const handlers = {
      ...fakeHandlers(),
      'desk:token:load': () => {
        throw new Error('keychain locked');
      },
    };
    const { ipcMain } = setup(handlers);
    await expect(ipcMain.invoke('desk:token:load', appEvent())).rejects.toThrow('keychain locked');
  });
});

describe('senderProblem', () => {
  it('explains each refusal', () => {
    expect(senderProblem(appEvent(), APP_CONTENTS_ID)).toBeNull();
    expect(senderProblem(appEvent(null), APP_CONTENTS_ID)).toBe('no sender frame');
    expect(senderProblem(appEvent({ url: 'app://desk/', parent: topFrame() }), APP_CONTENTS_ID)).toBe(
      'not the top frame',
    );
    expect(senderProblem(appEvent(), 8)).toBe('not the app window');
    expect(senderProblem(appEvent(topFrame('https://x.example/')), APP_CONTENTS_ID)).toBe(
      'origin https://x.example',
    );
  });
});

it('a missing handler does not compile', () => {
  const { 'desk:badge': _badge, ...incomplete } = fakeHandlers();
  // @ts-expect-error desk:badge is missing
  const handlers: IpcHandlers = incomplete;
  expect(() => setup(handlers)).not.toThrow();
});

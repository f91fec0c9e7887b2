// The entry's wiring, with a fake `electron` module: the order of the pre-ready steps, and that the real modules
// are connected (protocol, IPC, token file, window state). Each module's own behaviour is tested beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const state = {
    calls,
    handlers,
    userDataDir: '',
    protocolHandler: undefined as ((request: Request) => Promise<Response>) | undefined,
    windows: [] as { options: { webPreferences?: Record<string, unknown> }; emit(event: string): void }[],
    webContentsId: 41,
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeApp extends EventEmitter {
    isPackaged = false;
    paths: Record<string, string> = {};
    commandLine = { getSwitchValue: (name: string) => (name === 'user-data-dir' ? fake.userDataDir : '') };
    whenReady = () => {
      fake.calls.push('whenReady');
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    setPath = (name: string, value: string) => {
      fake.calls.push(`setPath:${name}`);
      this.paths[name] = value;
    };
    getPath = (name: string) => this.paths[name] ?? '/nonexistent';
    requestSingleInstanceLock = () => {
      fake.calls.push(`lock:${this.paths['userData'] ?? 'default'}`);
      return true;
    };
    quit = () => fake.calls.push('quit');
    exit = () => fake.calls.push('exit');
    enableSandbox = () => fake.calls.push('enableSandbox');
    getLocale = () => 'zh-CN';
    getVersion = () => '9.8.7';
    setBadgeCount = () => false;
  }
  class FakeBrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      id: fake.webContentsId,
      reload() {},
      isDestroyed: () => false,
    });
    constructor(public options: { webPreferences?: Record<string, unknown> }) {
      super();
      fake.calls.push('BrowserWindow');
      fake.windows.push(this);
    }
    loadURL = (url: string) => {
      fake.calls.push(`loadURL:${url}`);
      return Promise.resolve();
    };
    maximize() {}
    show() {}
    focus() {}
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 800 });
    isMaximized = () => false;
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    dialog: { showErrorBox: (title: string, text: string) => fake.calls.push(`error:${title}:${text}`) },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        fake.handlers.set(channel, listener),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => fake.calls.push('menu'),
    },
    protocol: {
      registerSchemesAsPrivileged: () => fake.calls.push('registerSchemes'),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        fake.calls.push(`protocol:${scheme}`);
        fake.protocolHandler = handler;
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
    },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea }), getAllDisplays: () => [{ id: 1, workArea }] },
    session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
    shell: { openExternal: () => Promise.resolve() },
  };
});

const appEvent = { sender: { id: 41 }, senderFrame: { url: 'app://desk/index.html', parent: null } };

describe('main entry', () => {
  beforeAll(async () => {
    fake.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-main-'));
    vi.stubEnv('DESK_SERVER_URL', 'http://127.0.0.1:5555');
    await import('./index');
    await vi.waitFor(() => expect(fake.calls).toContain('loadURL:app://desk/index.html'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(fake.userDataDir, { recursive: true, force: true });
  });

  it('registers the scheme, the sandbox and the user-data folder before taking the lock, all before ready', () => {
    expect(fake.calls.slice(0, 5)).toEqual([
      'registerSchemes',
      'enableSandbox',
      'setPath:userData',
      `lock:${path.resolve(fake.userDataDir)}`,
      'whenReady',
    ]);
    expect(fake.calls.slice(5)).toEqual([
      'protocol:app',
      'menu',
      'BrowserWindow',
      'loadURL:app://desk/index.html',
    ]);
  });

  it('opens one window with the secure preferences and the built preload', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.resolve(import.meta.dirname, '..', '..', 'out', 'preload', 'index.cjs'),
    });
  });

  it('serves app:// with the CSP for the configured server and refuses traversal', async () => {
    const handler = fake.protocolHandler;
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://desk/..%2f..%2fpackage.json'));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:5555;",
    );
  });

  it('answers IPC from the app window and stores the token encrypted in userData', async () => {
    const invoke = (channel: string, ...args: unknown[]) => fake.handlers.get(channel)!(appEvent, ...args);
    expect(await invoke('desk:config', undefined)).toEqual({
      serverUrl: 'http://127.0.0.1:5555',
      appVersion: '9.8.7',
      platform: process.platform,
    });
    await invoke('desk:token:save', { token: 'tok_0123456789abcdef' });
    const onDisk = fs.readFileSync(path.join(fake.userDataDir, 'session.bin'), 'utf8');
    expect(onDisk).not.toContain('tok_0123456789abcdef');
    expect(await invoke('desk:token:load', undefined)).toBe('tok_0123456789abcdef');
    await expect(
      fake.handlers.get('desk:badge')!({ ...appEvent, sender: { id: 99 } }, { count: 1 }),
    ).rejects.toThrow('sender not allowed');
  });

  it('saves the window state in userData when the window closes', () => {
    fake.windows[0]?.emit('close');
    expect(JSON.parse(fs.readFileSync(path.join(fake.userDataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 800,
      maximized: false,
    });
  });
});

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
    windows: [] as {
      options: { webPreferences?: Record<string, unknown>; icon?: string };
      emit(event: string): void;
      webContents: { id: number; emit(event: string, ...args: unknown[]): boolean };
    }[],
    webContentsId: 41,
    menu: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
    openedPaths: [] as string[],
    printed: [] as unknown[],
    saveDialogs: [] as { parent: unknown; options: { defaultPath?: string } }[],
    documentsDir: '',
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
    getPath = (name: string) =>
      name === 'documents' ? fake.documentsDir : (this.paths[name] ?? '/nonexistent');
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
      printToPDF: (options: unknown) => {
        fake.printed.push(options);
        return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
      },
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
  const BrowserWindow = Object.assign(FakeBrowserWindow, {
    fromWebContents: (contents: unknown) => fake.windows.find((w) => w.webContents === contents) ?? null,
  });
  return {
    app: new FakeApp(),
    BrowserWindow,
    webContents: {
      fromId: (id: number) => fake.windows.find((w) => w.webContents.id === id)?.webContents,
    },
    dialog: {
      showErrorBox: (title: string, text: string) => fake.calls.push(`error:${title}:${text}`),
      showSaveDialog: (parent: unknown, options: { defaultPath?: string }) => {
        fake.saveDialogs.push({ parent, options });
        return Promise.resolve({ canceled: false, filePath: path.join(fake.documentsDir, 'handover') });
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        fake.handlers.set(channel, listener),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: typeof fake.menu) => {
        fake.menu = menu;
        fake.calls.push('menu');
      },
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
    shell: {
      openExternal: () => Promise.resolve(),
      openPath: (folder: string) => {
        fake.openedPaths.push(folder);
        return Promise.resolve('');
      },
    },
  };
});

const appEvent = { sender: { id: 41 }, senderFrame: { url: 'app://desk/index.html', parent: null } };

describe('main entry', () => {
  beforeAll(async () => {
    fake.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-main-'));
    fake.documentsDir = path.join(fake.userDataDir, 'Documents');
    fs.mkdirSync(fake.documentsDir);
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

  it('writes its log to <userData>/logs/main.log and the renderer console and desk:log to renderer.log', async () => {
    const logsDir = path.join(fake.userDataDir, 'logs');
    await vi.waitFor(() =>
      expect(fs.readFileSync(path.join(logsDir, 'main.log'), 'utf8')).toMatch(
        /\[info\]\s+Overdue Desk 9\.8\.7 starting .*server http:\/\/127\.0\.0\.1:5555/,
      ),
    );
    fake.windows[0]?.webContents.emit('console-message', {
      level: 'error',
      message: 'Uncaught TypeError: x is undefined',
      lineNumber: 12,
      sourceId: 'app://desk/assets/index.js',
    });
    await fake.handlers.get('desk:log')!(appEvent, { level: 'warn', message: 'sync paused' });
    const renderer = fs.readFileSync(path.join(logsDir, 'renderer.log'), 'utf8');
    expect(renderer).toContain(
      '[error] console: Uncaught TypeError: x is undefined (app://desk/assets/index.js:12)',
    );
    expect(renderer).toContain('[warn]  sync paused');
  });

  it('has 帮助 → 打开日志文件夹, which opens the logs folder', async () => {
    const help = fake.menu.find((item) => item.label === '帮助');
    const open = help?.submenu?.find((item) => item.label === '打开日志文件夹');
    expect(open?.click).toBeTypeOf('function');
    open?.click?.();
    await vi.waitFor(() => expect(fake.openedPaths).toEqual([path.join(fake.userDataDir, 'logs')]));
  });

  it('prints the calling window to PDF and saves it where the user chose', async () => {
    const answer = await fake.handlers.get('desk:print-pdf')!(appEvent, { title: '交接单 1/3' });
    const saved = path.join(fake.documentsDir, 'handover.pdf');
    expect(answer).toEqual({ saved: true, path: saved });
    expect(fake.printed).toEqual([{ printBackground: true, pageSize: 'A4' }]);
    expect(fake.saveDialogs[0]?.parent).toBe(fake.windows[0]);
    expect(fake.saveDialogs[0]?.options.defaultPath).toBe(path.join(fake.documentsDir, '交接单 1_3.pdf'));
    expect(fs.readFileSync(saved, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('sets the window icon from the app folder', () => {
    expect(fake.windows[0]?.options.icon).toBe(
      path.resolve(import.meta.dirname, '..', '..', 'assets', 'icon.png'),
    );
  });
});

// The desktop app end to end: a real server (in this process, on PGlite with the demo world), the built main
// process and renderer in a real Electron. One test signs in, fills the work list from the server, queues an action
// offline and crashes the renderer: the window reloads and the outbox is still there. The other checks the
// hardening from the real app: webPreferences, the CSP header of app://desk, blocked window.open and navigation,
// IPC calls with bad arguments refused, the log files, and desk:print-pdf writing a real PDF. Skips, saying why,
// when the Electron binary cannot be had (it is downloaded once by findElectronBinary) or the app has not been
// built (`npm run build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { and, eq, isNull } from 'drizzle-orm';
import { findElectronBinary } from '../../electron/electron-binary';
import { cases, orders } from '../../server/db/schema';
import type { RunningServer } from '../../server/start';
import type { DeskBridge } from '../../shared/ipc';
import { DeskPage, LoginPage } from '../e2e/pages/desk';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN_ENTRY = path.join('out', 'main', 'index.js');
const BUILT_FILES = [
  MAIN_ENTRY,
  path.join('out', 'preload', 'index.cjs'),
  path.join('dist', 'renderer', 'index.html'),
];

function skip(reason: string): void {
  console.log(`[electron e2e] skipped: ${reason}`);
  test.skip(true, reason);
}

// Finding the binary may run the Electron installer (up to 120 s); the app itself then needs a little while.
test.describe.configure({ timeout: 240_000, mode: 'serial' });

interface Launched {
  app: ElectronApplication;
  page: Page;
  server: RunningServer;
  userDataDir: string;
  close(): Promise<void>;
}

/** Starts a server and the built app on a fresh profile, or skips the test saying why it cannot. */
async function launch(): Promise<Launched | null> {
  const binary = await findElectronBinary();
  if (!binary.ok) {
    skip(binary.reason);
    return null;
  }
  const missing = BUILT_FILES.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    skip(`the app is not built (missing ${missing.join(', ')}): run npm run build`);
    return null;
  }

  // Imported here so a skipped run does not load the server and its database.
  const { startServer } = await import('../../server/start');
  const server = await startServer({
    database: { kind: 'pglite', dataDir: null },
    demo: { orders: 200 },
    port: 0,
    engineIntervalMs: 3_600_000,
  });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-e2e-'));
  let app: ElectronApplication | undefined;
  const close = async () => {
    await app?.close().catch(() => undefined);
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    app = await electron.launch({
      executablePath: binary.path,
      cwd: repoRoot,
      args: [
        MAIN_ENTRY,
        `--user-data-dir=${userDataDir}`,
        // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer's own
        // `sandbox: true` is still asserted below.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: { ...process.env, DESK_SERVER_URL: server.url, DESK_UPDATE_URL: '' },
    });
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/desk\//);
    return { app, page, server, userDataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const windowCount = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

/** Reads the page through the main process: keeps working across a renderer crash and reload. */
const pendingCountFromMain = (app: ElectronApplication) =>
  app.evaluate(async ({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window || window.webContents.isCrashed()) return null;
    return (await window.webContents.executeJavaScript(
      `document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count') ?? null`,
    )) as string | null;
  });

test('signs in, shows the work list, and keeps the outbox when the renderer crashes', async () => {
  const launched = await launch();
  if (!launched) return;
  const { app, page, server } = launched;
  try {
    await new LoginPage(page).login('zhangwei');
    const desk = new DeskPage(page);
    await expect(desk.grid).toBeVisible({ timeout: 60_000 });
    // A data row (with cells), not only the header row: the cases came from the server.
    await expect(desk.rows().first()).toBeVisible({ timeout: 60_000 });
    expect(await desk.rows().count()).toBeGreaterThan(0);

    // Offline (Electron's own network emulation), claim an open case nobody holds: one action waits in the outbox.
    const [target] = await server.database.db
      .select({ id: cases.id, orderNo: orders.platformOrderId })
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(and(eq(cases.status, 'open'), isNull(cases.assigneeId)))
      .orderBy(cases.shipBy)
      .limit(1);
    expect(target).toBeDefined();
    await app.evaluate(({ session }) => session.defaultSession.enableNetworkEmulation({ offline: true }));
    await expect(desk.status.getByText('离线')).toBeVisible({ timeout: 20_000 });
    await desk.search(target!.orderNo);
    await desk.row(target!.id).click();
    await desk.detail.getByRole('button', { name: '认领' }).click();
    await expect(desk.pendingCount()).toHaveAttribute('data-count', '1');

    // Kill the renderer process. Main reloads the window; the outbox lives in IndexedDB and survives.
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer(),
    );
    await expect.poll(() => pendingCountFromMain(app), { timeout: 60_000 }).toBe('1');
    expect(await windowCount(app)).toBe(1);

    // Back online, the queued claim is sent.
    await app.evaluate(({ session }) => session.defaultSession.disableNetworkEmulation());
    await expect.poll(() => pendingCountFromMain(app), { timeout: 30_000 }).toBe('0');

    const mainLog = fs.readFileSync(path.join(launched.userDataDir, 'logs', 'main.log'), 'utf8');
    expect(mainLog).toMatch(/renderer gone \(\w+, exit code -?\d+\); reloading/);
  } finally {
    await launched.close();
  }
});

test('is hardened: preferences, CSP, no new windows, no navigation away, IPC checks, logs, PDF', async () => {
  const launched = await launch();
  if (!launched) return;
  const { app, page, userDataDir } = launched;
  try {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      if (!window) throw new Error('no window');
      // Not in Electron's typings, but present: what the renderer was really created with.
      const contents = window.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      const { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInWorker, webviewTag, webSecurity } =
        contents.getLastWebPreferences();
      return { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInWorker, webviewTag, webSecurity };
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
    });

    // From inside the page: no Node, and the bridge is the one function of the contract.
    expect(
      await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        desk: Object.keys((globalThis as { desk?: object }).desk ?? {}),
        protocol: location.protocol,
      })),
    ).toEqual({ require: 'undefined', process: 'undefined', desk: ['invoke'], protocol: 'app:' });

    // The CSP header as the app:// handler sends it.
    const csp = await page.evaluate(async () =>
      (await fetch('app://desk/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');

    // window.open never makes a window; an http(s) link would go to the system browser (stubbed here).
    const stubbed = await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { __opened?: string[] }).__opened = opened;
      const stub = async (url: string) => void opened.push(url);
      try {
        shell.openExternal = stub;
      } catch {
        return false;
      }
      return shell.openExternal === stub;
    });
    expect(await page.evaluate(() => window.open('app://desk/popup.html') === null)).toBe(true);
    if (stubbed) {
      expect(await page.evaluate(() => window.open('https://example.com/track/1') === null)).toBe(true);
      expect(await app.evaluate(() => (globalThis as { __opened?: string[] }).__opened)).toEqual([
        'https://example.com/track/1',
      ]);
    }
    expect(await windowCount(app)).toBe(1);

    // Navigating away is cancelled: the page stays on app://desk.
    await page.evaluate(() => {
      location.href = 'https://example.com/phish';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/^app:\/\/desk\//);

    // IPC from the page: bad arguments and unknown channels are refused.
    const refusals = await page.evaluate(async () => {
      const desk = (globalThis as { desk?: DeskBridge }).desk!;
      const outcome = (call: () => Promise<unknown>) =>
        call().then(
          () => 'resolved',
          (error: Error) => error.message,
        );
      const loose = desk as unknown as { invoke(channel: string, args: unknown): Promise<unknown> };
      return {
        badge: await outcome(() => loose.invoke('desk:badge', { count: -1 })),
        token: await outcome(() => loose.invoke('desk:token:save', { token: 'short' })),
        external: await outcome(() => loose.invoke('desk:open-external', { url: 'file:///etc/passwd' })),
        pdf: await outcome(() => loose.invoke('desk:print-pdf', { title: '' })),
        unknown: await outcome(() => loose.invoke('desk:evil', undefined)),
      };
    });
    expect(refusals.badge).toMatch(/desk:badge: invalid arguments/);
    expect(refusals.token).toMatch(/desk:token:save: invalid arguments/);
    expect(refusals.external).toMatch(/desk:open-external: invalid arguments/);
    expect(refusals.pdf).toMatch(/desk:print-pdf: invalid arguments/);
    expect(refusals.unknown).toMatch(/unknown channel/);

    // desk:print-pdf prints the page to a real PDF (the save dialog answered from main).
    const pdfPath = path.join(userDataDir, 'handover.pdf');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, pdfPath);
    const saved = await page.evaluate(() =>
      (globalThis as { desk?: DeskBridge }).desk!.invoke('desk:print-pdf', { title: '交接单' }),
    );
    expect(saved).toEqual({ saved: true, path: pdfPath });
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Both processes write their logs in <userData>/logs.
    await page.evaluate(() => console.error('electron e2e marker'));
    const logs = path.join(userDataDir, 'logs');
    await expect
      .poll(() => fs.readFileSync(path.join(logs, 'renderer.log'), 'utf8'), { timeout: 10_000 })
      .toContain('electron e2e marker');
    const mainLog = fs.readFileSync(path.join(logs, 'main.log'), 'utf8');
    expect(mainLog).toContain('Overdue Desk');
    expect(mainLog).toContain('blocked navigation to https://example.com/phish');
    expect(mainLog).toContain('auto-update off: not a packaged app');
  } finally {
    await launched.close();
  }
});

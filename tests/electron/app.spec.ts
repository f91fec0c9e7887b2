// The desktop app end to end: a real server (in this process, on PGlite with the demo world), the built main
// process and renderer in a real Electron, a sign-in through the login form, and the work list filled from the
// server. Skips, saying why, when the Electron binary cannot be had (it is downloaded once by
// findElectronBinary) or the app has not been built (`npm run build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../electron/electron-binary';

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
test.describe.configure({ timeout: 240_000 });

test('signs in and shows the work list in the desktop app', async () => {
  const binary = await findElectronBinary();
  if (!binary.ok) return skip(binary.reason);
  const missing = BUILT_FILES.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length > 0)
    return skip(`the app is not built (missing ${missing.join(', ')}): run npm run build`);

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
      env: { ...process.env, DESK_SERVER_URL: server.url },
    });
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/desk\//);

    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      if (!window) throw new Error('no window');
      // Not in Electron's typings, but present: what the renderer was really created with.
      const contents = window.webContents as unknown as {
        getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean };
      };
      const { contextIsolation, sandbox, nodeIntegration } = contents.getLastWebPreferences();
      return { contextIsolation, sandbox, nodeIntegration, windows: BrowserWindow.getAllWindows().length };
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      windows: 1,
    });

    // From inside the page: no Node, and the bridge is the one function of the contract.
    expect(
      await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        desk: Object.keys((globalThis as { desk?: object }).desk ?? {}),
      })),
    ).toEqual({ require: 'undefined', process: 'undefined', desk: ['invoke'] });

    await page.getByRole('textbox', { name: '用户名' }).fill('zhangwei');
    await page.getByLabel('密码').fill('desk2026');
    await page.getByRole('button', { name: '登录' }).click();

    const grid = page.getByRole('grid', { name: '工作列表' });
    await expect(grid).toBeVisible({ timeout: 60_000 });
    // A data row (with cells), not only the header row: the cases came from the server.
    const dataRows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await expect(dataRows.first()).toBeVisible({ timeout: 60_000 });
    expect(await dataRows.count()).toBeGreaterThan(0);
  } finally {
    await app?.close().catch(() => undefined);
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});

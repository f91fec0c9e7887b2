// Entry of the main process: hands the real Electron objects to the modules beside this file, which hold all the
// logic (and are unit-tested without Electron). Order matters: the scheme is registered, the user-data folder set
// and the single-instance lock taken before the app is ready.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from './app-paths';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, APP_TITLE, resolveServerUrl } from './config';
import { contentSecurityPolicy } from './content-security-policy';
import { attachCrashRecovery } from './crash-recovery';
import { createNodeFileStore } from './file-store';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-router';
import { consoleLog as log } from './log';
import { menuLocale, menuTemplate } from './menu';
import { attachNavigationGuards } from './navigation';
import { permissionDecision } from './permissions';
import { claimSingleInstance, focusWindow } from './single-instance';
import { createTokenVault } from './token-vault';
import { windowOptions } from './window-options';
import { createWindowStateKeeper } from './window-state';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

function fail(message: string, error?: unknown): void {
  log.error(message, error);
  dialog.showErrorBox(APP_TITLE, error instanceof Error ? `${message}\n\n${error.message}` : message);
  app.exit(1);
}

function main(): void {
  let serverUrl: string;
  try {
    serverUrl = resolveServerUrl(process.env);
  } catch (error) {
    fail('The server address is not valid.', error);
    return;
  }

  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  // `--user-data-dir` (tests, side-by-side profiles) also moves userData, and with it the single-instance lock.
  const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
  if (userDataSwitch) app.setPath('userData', path.resolve(userDataSwitch));

  let window: BrowserWindow | null = null;
  if (!claimSingleInstance(app, () => window)) return;

  const openExternal = (url: string) => shell.openExternal(url);
  app.on('web-contents-created', (_event, contents) =>
    attachNavigationGuards(contents, { openExternal, log }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const paths = appPaths(mainDir, app.getPath('userData'));
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          rootDir: paths.rendererDir,
          csp: contentSecurityPolicy(serverUrl),
          readFile: (file) => readFile(file),
          log,
        }),
      );
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
        callback(permissionDecision(permission, details.requestingUrl)),
      );
      session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
        permissionDecision(permission, requestingOrigin),
      );

      const files = createNodeFileStore();
      const vault = createTokenVault({ cipher: safeStorage, files, filePath: paths.tokenFile, log });
      const windowState = createWindowStateKeeper({
        files,
        filePath: paths.windowStateFile,
        workAreas: () => {
          const primary = screen.getPrimaryDisplay();
          const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
          return [primary, ...others].map((display) => display.workArea);
        },
        log,
      });

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            packaged: app.isPackaged,
            locale: menuLocale(app.getLocale()),
            mac: process.platform === 'darwin',
          }),
        ),
      );

      registerIpcHandlers({
        ipcMain,
        handlers: createIpcHandlers({
          config: { serverUrl, appVersion: app.getVersion(), platform: process.platform },
          vault,
          openExternal,
          setBadgeCount: (count) => app.setBadgeCount(count),
          notifier: {
            isSupported: () => Notification.isSupported(),
            create: ({ title, body }) => new Notification({ title, body }),
          },
          focusApp: () => focusWindow(window),
          log,
        }),
        appWebContentsId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
        log,
      });

      const createWindow = (): void => {
        const state = windowState.load();
        const created = new BrowserWindow(windowOptions({ state, preloadPath: paths.preloadPath }));
        window = created;
        if (state.maximized) created.maximize();
        windowState.track(created);
        attachCrashRecovery(created.webContents, { log });
        created.once('ready-to-show', () => created.show());
        created.on('closed', () => {
          if (window === created) window = null;
        });
        created.webContents.on('did-fail-load', (_event, code, description, url) =>
          log.error(`could not load ${url}: ${description} (${code})`),
        );
        created.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('loading the app failed', error));
      };

      createWindow();
      app.on('activate', () => (window ? focusWindow(window) : createWindow()));
    })
    .catch((error: unknown) => fail('The app could not start.', error));
}

main();

// Entry of the main process: hands the real Electron objects to the modules beside this file, which hold all the
// logic (and are unit-tested without Electron). Order matters: the scheme is registered, the user-data folder set
// and the single-instance lock taken before the app is ready; the log files open right after.
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
  webContents,
} from 'electron';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from './app-paths';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, APP_TITLE, resolveServerUrl } from './config';
import { contentSecurityPolicy } from './content-security-policy';
import { attachCrashRecovery, logChildProcessCrashes } from './crash-recovery';
import { createNodeFileStore } from './file-store';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-router';
import { consoleLog, type Log } from './log';
import {
  createFileLogs,
  createOpenLogsFolder,
  forwardRendererConsole,
  logProcessErrors,
  logsDirectory,
} from './logging';
import { menuLocale, menuTemplate } from './menu';
import { attachNavigationGuards } from './navigation';
import { permissionDecision } from './permissions';
import { claimSingleInstance, focusWindow } from './single-instance';
import { createTokenVault } from './token-vault';
import { planUpdates, startAutoUpdates } from './updater';
import { windowOptions } from './window-options';
import { createWindowStateKeeper } from './window-state';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
/** Console until the log files are open (right after the single-instance lock), then `<userData>/logs/main.log`. */
let log: Log = consoleLog;

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

  const logs = createFileLogs({
    dir: logsDirectory(app.getPath('userData')),
    consoleLevel: app.isPackaged ? false : 'info',
  });
  log = logs.main;
  logProcessErrors(process, log);
  logChildProcessCrashes(app, log);
  log.info(
    `Overdue Desk ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform}, ` +
      `${app.isPackaged ? 'packaged' : 'development'}); server ${serverUrl}`,
  );

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

      const locale = menuLocale(app.getLocale());
      const openLogsFolder = createOpenLogsFolder({
        dir: logs.dir,
        openPath: (folder) => shell.openPath(folder),
        log,
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            packaged: app.isPackaged,
            locale,
            mac: process.platform === 'darwin',
            openLogsFolder: () => void openLogsFolder(),
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
          pdf: {
            printToPdf: (senderId, options) => {
              const contents = webContents.fromId(senderId);
              if (!contents || contents.isDestroyed()) throw new Error('the window to print is gone');
              return contents.printToPDF(options);
            },
            showSaveDialog: (senderId, request) => {
              const contents = webContents.fromId(senderId);
              const owner = contents ? BrowserWindow.fromWebContents(contents) : null;
              return owner ? dialog.showSaveDialog(owner, request) : dialog.showSaveDialog(request);
            },
            writeFile: (filePath, data) => writeFile(filePath, data),
            documentsDir: () => app.getPath('documents'),
            locale,
            log,
          },
          rendererLog: logs.renderer,
          log,
        }),
        appWebContentsId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
        log,
      });

      const createWindow = (): void => {
        const state = windowState.load();
        const created = new BrowserWindow(
          windowOptions({ state, preloadPath: paths.preloadPath, iconPath: paths.iconPath }),
        );
        window = created;
        if (state.maximized) created.maximize();
        windowState.track(created);
        attachCrashRecovery(created.webContents, { log });
        forwardRendererConsole(created.webContents, logs.renderer);
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

      // Background updates (packaged builds with a feed only); electron-updater is loaded only then.
      const updates = planUpdates({
        packaged: app.isPackaged,
        env: process.env,
        hasPublishConfig: app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
      });
      if (!updates.enabled) log.info(`auto-update off: ${updates.reason}`);
      else {
        import('electron-updater')
          .then(({ autoUpdater }) => startAutoUpdates({ updater: autoUpdater, feed: updates.feed, log }))
          .catch((error: unknown) => log.warn('auto-update could not start', error));
      }
    })
    .catch((error: unknown) => fail('The app could not start.', error));
}

main();

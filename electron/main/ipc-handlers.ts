// What each IPC channel does. Arguments arrive already validated by the router (ipc-router.ts); the Electron
// calls are passed in so this runs in plain Node.
import type { AppConfig } from '../../shared/ipc';
import type { IpcHandlers } from './ipc-router';
import type { Log } from './log';
import { sanitizeLogText } from './logging';
import { isExternalWebUrl } from './navigation';
import { createPrintPdfHandler, type PdfDeps } from './print-pdf';
import type { TokenVault } from './token-vault';

/** The part of Electron's `Notification` instance the handler uses. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: (...args: unknown[]) => void): unknown;
  show(): void;
}

/** Electron's `Notification` class, behind an interface so the handler is tested with a fake. */
export interface Notifier {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
}

export interface IpcHandlerDeps {
  config: AppConfig;
  vault: TokenVault;
  /** Electron's `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
  /** Electron's `app.setBadgeCount`; false or a throw where the platform has no badge. */
  setBadgeCount(count: number): boolean;
  notifier: Notifier;
  /** Brings the app window to the front (a notification was clicked). */
  focusApp(): void;
  /** `desk:print-pdf`: printing, the save dialog and the file write (print-pdf.ts). */
  pdf: PdfDeps;
  /** Where `desk:log` writes: `<userData>/logs/renderer.log`. */
  rendererLog: Log;
  log: Pick<Log, 'warn'>;
}

/**
 * Notifications still waiting for a click. Electron drops the click handler of a notification that was
 * garbage-collected, so each one stays referenced here until it is clicked, closed or pushed out by newer ones.
 */
export const MAX_LIVE_NOTIFICATIONS = 20;

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const live = new Map<NotificationLike, (clicked: boolean) => void>();
  const printPdf = createPrintPdfHandler(deps.pdf);

  return {
    'desk:config': () => deps.config,
    'desk:token:save': ({ token }) => {
      deps.vault.save(token);
      return undefined;
    },
    'desk:token:load': () => deps.vault.load(),
    'desk:token:clear': () => {
      deps.vault.clear();
      return undefined;
    },
    'desk:open-external': async ({ url }) => {
      // The schema already allows http(s) only; checked again because this is where the URL leaves the app.
      if (!isExternalWebUrl(url)) throw new Error('desk:open-external: only http(s) URLs are opened');
      await deps.openExternal(url);
    },
    'desk:badge': ({ count }) => {
      try {
        deps.setBadgeCount(count);
      } catch (error) {
        // Platforms without a badge (most Linux desktops, Windows): nothing to show, nothing to report.
        deps.log.warn('could not set the badge count', error);
      }
      return undefined;
    },
    'desk:notify': ({ title, body }) =>
      new Promise<{ clicked: boolean }>((resolve) => {
        if (!deps.notifier.isSupported()) {
          resolve({ clicked: false });
          return;
        }
        const notification = deps.notifier.create({ title, body });
        const settle = (clicked: boolean) => {
          if (!live.delete(notification)) return;
          if (clicked) deps.focusApp();
          resolve({ clicked });
        };
        live.set(notification, settle);
        notification.on('click', () => settle(true));
        notification.on('close', () => settle(false));
        notification.on('failed', (_event, error) => {
          deps.log.warn('a desktop notification failed', error);
          settle(false);
        });
        try {
          notification.show();
        } catch (error) {
          deps.log.warn('could not show a desktop notification', error);
          settle(false);
          return;
        }
        // The oldest waiting notification gives way (answered as not clicked).
        if (live.size > MAX_LIVE_NOTIFICATIONS) live.values().next().value?.(false);
      }),
    'desk:print-pdf': (args, context) => printPdf(args, context),
    'desk:log': ({ level, message }) => {
      // Escaped (no forged lines) and capped; the file rotates, so a chatty page cannot fill the disk.
      deps.rendererLog[level](sanitizeLogText(message));
      return undefined;
    },
  };
}

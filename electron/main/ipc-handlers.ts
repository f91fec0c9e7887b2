// What each IPC channel does. Arguments arrive already validated by the router (ipc-router.ts); the Electron
// calls are passed in so this runs in plain Node.
import type { AppConfig } from '../../shared/ipc';
import type { IpcHandlers } from './ipc-router';
import type { Log } from './log';
import { isExternalWebUrl } from './navigation';
import type { TokenVault } from './token-vault';

export interface IpcHandlerDeps {
  config: AppConfig;
  vault: TokenVault;
  /** Electron's `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
  /** Electron's `app.setBadgeCount`; false or a throw where the platform has no badge. */
  setBadgeCount(count: number): boolean;
  log: Pick<Log, 'warn'>;
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
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
  };
}

// The renderer's only door to the desktop shell. In Electron the preload puts a typed `window.desk` on the
// page; in browser mode there is none, and the same interface is served by browser APIs (sessionStorage for
// the token, so it never outlives the tab).
import type { AppConfig, DeskBridge, DesktopNotice } from '../../shared/ipc';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** Base URL of the sync server ('' = same origin). */
  serverUrl: string;
  saveToken(token: string): Promise<void>;
  loadToken(): Promise<string | null>;
  clearToken(): Promise<void>;
  setBadge(count: number): void;
  /** Shows a desktop notification; resolves true when the user clicked it. */
  notify(notice: DesktopNotice): Promise<boolean>;
  /**
   * Whether notifications can be shown: Electron always may (main decides); a browser only after the user
   * allowed it, which `requestNotifications` asks once.
   */
  notificationPermission(): NotificationPermission | 'unsupported';
  requestNotifications(): Promise<NotificationPermission | 'unsupported'>;
}

const browserNotifications = (): typeof Notification | null =>
  typeof Notification === 'undefined' ? null : Notification;

function browserNotify({ title, body, caseId }: DesktopNotice): Promise<boolean> {
  const N = browserNotifications();
  if (!N || N.permission !== 'granted') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const n = new N(title, { body, ...(caseId ? { tag: caseId } : {}), icon: './icon.svg' });
      n.onclick = () => {
        window.focus();
        n.close();
        resolve(true);
      };
      n.onclose = () => resolve(false);
      n.onerror = () => resolve(false);
    } catch {
      // Some browsers only allow notifications from a service worker.
      resolve(false);
    }
  });
}

const TOKEN_KEY = 'desk.token';

function browserPlatform(): Platform {
  return {
    kind: 'browser',
    serverUrl: '',
    async saveToken(token) {
      sessionStorage.setItem(TOKEN_KEY, token);
    },
    async loadToken() {
      return sessionStorage.getItem(TOKEN_KEY);
    },
    async clearToken() {
      sessionStorage.removeItem(TOKEN_KEY);
    },
    setBadge(count) {
      const nav = navigator as Navigator & {
        setAppBadge?: (n: number) => Promise<void>;
        clearAppBadge?: () => Promise<void>;
      };
      const done = count > 0 ? nav.setAppBadge?.(count) : (nav.clearAppBadge?.() ?? nav.setAppBadge?.(0));
      void done?.catch(() => undefined);
    },
    notify: browserNotify,
    notificationPermission: () => browserNotifications()?.permission ?? 'unsupported',
    async requestNotifications() {
      const N = browserNotifications();
      if (!N) return 'unsupported';
      if (N.permission !== 'default') return N.permission;
      return N.requestPermission();
    },
  };
}

function electronPlatform(desk: DeskBridge, config: AppConfig): Platform {
  return {
    kind: 'electron',
    serverUrl: config.serverUrl.replace(/\/$/, ''),
    saveToken: (token) => desk.invoke('desk:token:save', { token }),
    loadToken: () => desk.invoke('desk:token:load', undefined),
    clearToken: () => desk.invoke('desk:token:clear', undefined),
    setBadge(count) {
      void desk.invoke('desk:badge', { count }).catch(() => undefined);
    },
    async notify(notice) {
      try {
        return (await desk.invoke('desk:notify', notice)).clicked;
      } catch {
        return false;
      }
    },
    // Main shows notifications itself and permits the app's own origin (permissions.ts).
    notificationPermission: () => 'granted',
    requestNotifications: async () => 'granted',
  };
}

export async function detectPlatform(): Promise<Platform> {
  const desk = window.desk;
  if (!desk) return browserPlatform();
  return electronPlatform(desk, await desk.invoke('desk:config', undefined));
}

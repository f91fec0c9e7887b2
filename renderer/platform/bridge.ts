// The renderer's only door to the desktop shell. In Electron the preload puts a typed `window.desk` on the
// page; in browser mode there is none, and the same interface is served by browser APIs (sessionStorage for
// the token, so it never outlives the tab).
import type { AppConfig, DeskBridge } from '../../shared/ipc';

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
      const nav = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void> };
      void nav.setAppBadge?.(count).catch(() => undefined);
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
  };
}

export async function detectPlatform(): Promise<Platform> {
  const desk = window.desk;
  if (!desk) return browserPlatform();
  return electronPlatform(desk, await desk.invoke('desk:config', undefined));
}

// Everything a signed-in desk runs: the local store for this user, the sync engine and the event stream.
// Created after login (or on start-up from a saved session, offline too) and disposed on logout.
import type { Actor } from '../../shared/mutators/types';
import type { SessionUser } from '../../shared/schemas/auth';
import { EventStream } from '../data/event-stream';
import { DeskDb, databaseName } from '../data/local-db';
import { electLeader } from '../data/leadership';
import { LocalStore } from '../data/local-store';
import { openWithRecovery, requestPersistence } from '../data/open-store';
import { SyncEngine } from '../data/sync-engine';
import { createApiClient, type ApiClient } from '../platform/api-client';
import type { Platform } from '../platform/bridge';
import { useDesk } from '../state/store';

export interface DeskRuntime {
  platform: Platform;
  api: ApiClient;
  user: SessionUser;
  store: LocalStore;
  engine: SyncEngine;
  stream: EventStream;
  token(): string | null;
  setToken(token: string): void;
  dispose(): void;
}

const USER_KEY = 'desk.user';

export const actorOf = (user: SessionUser): Actor => ({
  userId: user.id,
  role: user.role,
  warehouseIds: user.warehouseIds,
});

export function savedUser(platform: Platform): SessionUser | null {
  const raw = storageFor(platform).getItem(USER_KEY);
  try {
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

/** The user record is not secret; it follows the token's lifetime (tab in browser mode, device in Electron). */
const storageFor = (platform: Platform): Storage =>
  platform.kind === 'browser' ? sessionStorage : localStorage;

export function saveUser(platform: Platform, user: SessionUser | null): void {
  if (user) storageFor(platform).setItem(USER_KEY, JSON.stringify(user));
  else storageFor(platform).removeItem(USER_KEY);
}

export async function startRuntime(
  platform: Platform,
  user: SessionUser,
  initialToken: string | null,
): Promise<DeskRuntime> {
  const api = createApiClient(platform.serverUrl);
  const dbName = databaseName(platform.serverUrl, user.id);
  const { store, recovered } = await openWithRecovery(
    dbName,
    (name) => LocalStore.open(new DeskDb(name), actorOf(user)),
    localStorage,
  );
  void requestPersistence().then((persisted) => useDesk.getState().setStorage(persisted, recovered));
  let token = initialToken;
  const desk = useDesk.getState();
  const authExpired = () => desk.setSessionExpired(true);
  const engine = new SyncEngine({
    api,
    store,
    getToken: () => token,
    onAuthExpired: authExpired,
    isOnline: () => navigator.onLine,
  });
  const stream = new EventStream({
    url: `${platform.serverUrl}/api/sync/events`,
    getToken: () => token,
    onPoke: () => engine.trigger(),
    onAuthExpired: authExpired,
    onConnectionChange: (connected) => useDesk.getState().setConnected(connected),
  });
  const unsubscribe = engine.subscribe((status) => useDesk.getState().setSync(status));
  useDesk.getState().setSync(engine.status);
  const online = () => {
    engine.trigger();
    stream.reconnect();
  };
  const offline = () => engine.trigger();
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  // Only one window syncs; the others see its writes through the store's window channel.
  const leadership = electLeader(store.db.name, async () => {
    await store.reloadMeta();
    engine.start();
    stream.start();
  });
  return {
    platform,
    api,
    user,
    store,
    engine,
    stream,
    token: () => token,
    setToken(next) {
      token = next;
      if (!leadership.isLeader) return;
      engine.resume();
      stream.start();
    },
    dispose() {
      leadership.release();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      unsubscribe();
      engine.stop();
      stream.stop();
      store.close();
    },
  };
}

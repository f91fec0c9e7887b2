// Opening the local store, with a way out when IndexedDB refuses (Electron users report "Internal error opening
// backing store" and databases corrupted by a crash). The broken database is never deleted (it may hold the
// outbox, and it may open again after a restart): the desk opens a fresh sibling, refetches from the server and
// says so. The next start tries the original first again.
import type { LocalStore } from './local-store';

export interface OpenedStore {
  store: LocalStore;
  /** True when the original database could not be opened and a fresh one took its place. */
  recovered: boolean;
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export async function openWithRecovery(
  name: string,
  open: (name: string) => Promise<LocalStore>,
  remember: KeyValue,
): Promise<OpenedStore> {
  try {
    return { store: await open(name), recovered: false };
  } catch (err) {
    console.error(`local database ${name} could not be opened`, err);
    const key = `desk.recovery.${name}`;
    const fallback = remember.getItem(key) ?? `${name}-recovered`;
    remember.setItem(key, fallback);
    return { store: await open(fallback), recovered: true };
  }
}

/** Asks the browser not to evict our data under storage pressure; true/false, or null where unsupported. */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

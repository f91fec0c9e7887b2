// How components read domain data: subscriptions to the LocalStore, never Dexie tables.
import { useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CaseView } from '../../shared/schemas/case';
import { useRuntime } from '../app/runtime-context';
import type { LocalStore } from './local-store';
import type { OutboxEntry } from './outbox-entry';

/** Re-renders when local data changes; returns the data version. */
export function useDataVersion(): number {
  const { store } = useRuntime();
  return useSyncExternalStore(store.subscribe, store.getVersion);
}

/**
 * A value derived from the local store, recomputed when the store's data version changes (the store is mutable,
 * so its version is the dependency that matters) or when `deps` change.
 */
export function useDerived<T>(
  compute: () => T,
  deps: readonly unknown[],
  options: { deferred?: boolean } = {},
): T {
  const current = useDataVersion();
  // Deferred: the value follows data changes a moment later, off the urgent render (for expensive work).
  const deferred = useDeferredValue(current);
  const version = options.deferred ? deferred : current;
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- `version` stands for the mutable store's contents
  return useMemo(compute, [version, ...deps]);
}

/**
 * A value read from the local store that re-renders the component only when the value itself changes (Object.is),
 * not on every change of the store's data as useDerived does. For strings, numbers and other values that compare
 * equal when unchanged: a new object on every read would re-render every time.
 */
export function useStoreValue<T>(read: (store: LocalStore) => T): T {
  const { store } = useRuntime();
  return useSyncExternalStore(store.subscribe, () => read(store));
}

/** Server time, re-read every `everyMs` so countdowns move without a round trip. */
export function useServerNow(everyMs = 1000): number {
  const { store } = useRuntime();
  const [now, setNow] = useState(() => store.now());
  useEffect(() => {
    const id = setInterval(() => setNow(store.now()), everyMs);
    return () => clearInterval(id);
  }, [store, everyMs]);
  return now;
}

export function useCase(id: string | null): CaseView | undefined {
  const { store } = useRuntime();
  return useDerived(() => (id ? store.memory.caseView(id) : undefined), [store, id]);
}

export function useCaseTimeline(id: string) {
  const { store } = useRuntime();
  return useDerived(() => store.memory.eventsOf(id), [store, id]);
}

export function usePendingFor(caseId: string): readonly OutboxEntry[] {
  const { store } = useRuntime();
  return useDerived(() => store.memory.pendingFor(caseId), [store, caseId]);
}

export function useRefusedFor(caseId: string): OutboxEntry[] {
  const { store } = useRuntime();
  return useDerived(
    () => store.memory.outbox.filter((e) => e.targetId === caseId && e.status === 'refused'),
    [store, caseId],
  );
}

/** A colleague's display name, from the synced directory. */
export function usePersonName(): (id: string | null) => string | null {
  const { store } = useRuntime();
  return useDerived(() => {
    const people = store.memory.directory.person;
    return (id: string | null) => (id ? (people.get(id)?.displayName ?? null) : null);
  }, [store]);
}

export function useDirectory() {
  const { store } = useRuntime();
  const version = useDataVersion();
  return useDerived(() => ({ ...store.memory.directory, version }), [store, version]);
}

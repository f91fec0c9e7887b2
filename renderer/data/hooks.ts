// How components read domain data: subscriptions to the LocalStore, never Dexie tables.
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CaseView } from '../../shared/schemas/case';
import type { Picker } from '../../shared/schemas/directory';
import { useRuntime } from '../app/runtime-context';
import type { LocalStore } from './local-store';
import type { OutboxEntry } from './outbox-entry';

/** Re-renders when local data changes; returns the data version. */
export function useDataVersion(): number {
  const { store } = useRuntime();
  return useSyncExternalStore(store.subscribe, store.getVersion);
}

/** Whether two derived values show the same thing: the same value, or arrays or sets of the same members. */
export function sameDerived(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  return false;
}

/**
 * A value derived from the local store, recomputed when the store's data version changes (the store is mutable,
 * so its version is the dependency that matters) or when `deps` change. The component re-renders only when
 * the value changes (`sameDerived`: arrays and sets by their members): a sync page or a colleague's action
 * changes the data version many times a minute, and re-rendering the case panel, the outbox or the command
 * palette for each made every action wait for them (a claim re-rendered some 640 components, now 160).
 * `compute` must be a pure and cheap read of the store: React calls it on every change of the store, inside the
 * call that made it (an action's click handler, a sync page), rendered or not. A walk over every case belongs
 * in useDerivedLater.
 */
export function useDerived<T>(compute: () => T, deps: readonly unknown[]): T {
  const { store } = useRuntime();
  const last = useRef<{ version: number; deps: readonly unknown[]; value: T } | null>(null);
  const read = (): T => {
    const version = store.getVersion();
    const prev = last.current;
    if (prev && prev.version === version && sameDerived(prev.deps, deps)) return prev.value;
    const next = compute();
    const value = prev && sameDerived(prev.value, next) ? prev.value : next;
    last.current = { version, deps, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, read);
}

/**
 * A value derived from the local store that follows data changes a moment later, off the urgent render (a
 * deferred render), for expensive work over every case. Recomputed in render when the data version or `deps`
 * change, so `compute` may keep its own state (the worklist's incremental ranking does).
 */
export function useDerivedLater<T>(compute: () => T, deps: readonly unknown[]): T {
  const version = useDeferredValue(useDataVersion());
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- `version` stands for the mutable store's contents
  return useMemo(compute, [version, ...deps]);
}

/** The directory's version: changes only when warehouses, zones, people, pickers, couriers or risk flags do. */
export function useDirectoryVersion(): number {
  return useStoreValue((s) => s.memory.directoryVersion);
}

/**
 * A value read from the local store that re-renders the component only when the value itself changes (Object.is),
 * read on every change of the store without caching (useDerived caches its value per data version and compares
 * arrays and sets by their members). For strings, numbers and other values that compare equal when unchanged: a
 * new object on every read would re-render every time.
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

/** A picker as the desk sees it (pending actions on it included). */
export function usePickerView(id: string | null): Picker | undefined {
  const { store } = useRuntime();
  return useDerived(() => (id ? store.memory.pickerView(id) : undefined), [store, id]);
}

export function useCaseTimeline(id: string) {
  const { store } = useRuntime();
  return useDerived(() => store.memory.eventsOf(id), [store, id]);
}

/** Whether the case has actions waiting to reach the server (true or false: it re-renders only when that flips). */
export function useHasPending(caseId: string): boolean {
  const { store } = useRuntime();
  return useDerived(() => store.memory.pendingFor(caseId).length > 0, [store, caseId]);
}

export function useRefusedFor(caseId: string): OutboxEntry[] {
  const { store } = useRuntime();
  return useDerived(
    () => store.memory.outbox.filter((e) => e.targetId === caseId && e.status === 'refused'),
    [store, caseId],
  );
}

/** A colleague's display name, from the synced directory (a new function only when the directory changes). */
export function usePersonName(): (id: string | null) => string | null {
  const { store } = useRuntime();
  const version = useDirectoryVersion();
  return useMemo(() => {
    const people = store.memory.directory.person;
    return (id: string | null) => (id ? (people.get(id)?.displayName ?? null) : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable directory
  }, [store, version]);
}

/** The synced directory, as a new object only when it changes. */
export function useDirectory() {
  const { store } = useRuntime();
  const version = useDirectoryVersion();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable directory
  return useMemo(() => ({ ...store.memory.directory }), [store, version]);
}

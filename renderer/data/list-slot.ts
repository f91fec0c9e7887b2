// A value kept on a ranked list itself (its search arrays, the rows last filtered from it), under a symbol, so
// that it lives exactly as long as the list. Not a WeakMap keyed by the list: the collector marks a WeakMap's
// values in its ephemeron pass, and values of 100,000 entries there made a full collection's final pause 56-60
// ms, 34-37 of it ephemeron marking (a trace of the scroll; docs/performance.md).

export interface ListSlot<T> {
  get(list: readonly unknown[]): T | undefined;
  set(list: readonly unknown[], value: T): void;
}

export function listSlot<T>(name: string): ListSlot<T> {
  const key = Symbol(name);
  const holder = (list: readonly unknown[]) => list as unknown as Record<symbol, T | undefined>;
  return {
    get: (list) => holder(list)[key],
    set: (list, value) => {
      holder(list)[key] = value;
    },
  };
}

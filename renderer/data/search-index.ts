// The worklist's search over a ranked list: per list, the lowercase search keys and phone numbers index for
// index (the haystack), built once, and its recent searches, so that typing on narrows the last search and
// erasing finds an earlier one. Ranked lists are never changed once made; a ranking spliced from another carries
// its haystack and the searches in use over (ranking.ts).
import type { CaseView } from '../../shared/schemas/case';
import { listSlot } from './list-slot';
import type { RankedCase } from './ranking';

export const searchKey = (c: CaseView): string =>
  `${c.platformOrderId}\u0000${c.order.customerName}`.toLowerCase();

/**
 * A ranked entry's search key, kept on the entry (its case never changes; a changed case gets a new entry) and
 * carried to the next time step's. Not a WeakMap keyed by the case: 100,000 entries in one made every full
 * garbage collection's final pause about 40 ms longer (ephemeron marking), a dropped frame when it fell
 * into a scroll.
 */
export function keyOf(r: RankedCase): string {
  return (r.key ??= searchKey(r.c));
}

const isPhoneTail = (query: string): boolean => /^\d{3,}$/.test(query);

/** Order id (any part), customer name (any part), or the tail of the phone number. */
export function matchesSearch(c: CaseView, query: string): boolean {
  if (!query) return true;
  if (searchKey(c).includes(query)) return true;
  return isPhoneTail(query) && c.order.customerPhone.endsWith(query);
}

/** One search over a list: the indexes whose key or phone contains the text (a superset of the hits), and the hits. */
interface Search {
  candidates: Int32Array;
  hits: Int32Array;
}

/**
 * The search keys and phone numbers of a ranked list, index for index (what a keystroke walks), and its recent
 * searches. Typing on narrows the last search instead of walking every case: a case whose key or phone contains
 * "8265" is among those containing "826". Erasing a character finds the shorter search still here.
 */
export interface Haystack {
  /** Entries it covers: its list's length once whole. */
  readonly size: number;
  readonly keys: string[];
  readonly phones: string[];
  searches: Map<string, Search>;
  /** A spliced haystack not made yet: the made one it starts from and the edits to it, in order. */
  unmade?: { base: Haystack; edits: Edit[] } | null;
}

/** Working space of a search, kept between keystrokes: only its results are copied out. */
let scratch = { candidates: new Int32Array(0), hits: new Int32Array(0) };

/** Recent searches kept per list (at 100,000 cases one is at most 800 KB). */
const RECENT_SEARCHES = 8;

export const newHaystack = (keys: string[] = [], phones: string[] = []): Haystack => ({
  get size() {
    return keys.length;
  },
  keys,
  phones,
  searches: new Map(),
});

type Edit = (keys: string[], phones: string[]) => void;

const MAX_EDITS = 64;

/**
 * The haystack of a list spliced from another (an action, a colleague's claim): `prev`'s arrays copied and
 * edited by `edit` when first read (the next search, or idle time: prepareSearch), not in the re-render after
 * the action, where copying two 100,000-entry arrays cost 10 ms before the outbox write could report. Splices
 * of splices not made yet add their edits to one copy.
 */
export function splicedHaystack(prev: Haystack, size: number, edit: Edit): Haystack {
  // A long run of actions without a search or an idle moment between: make the previous one now rather than
  // let the first read replay them all.
  if ((prev.unmade?.edits.length ?? 0) >= MAX_EDITS) void prev.keys;
  const before = prev.unmade;
  const plan = before ? { base: before.base, edits: [...before.edits, edit] } : { base: prev, edits: [edit] };
  let made: { keys: string[]; phones: string[] } | null = null;
  const make = () => {
    if (!made) {
      const keys = plan.base.keys.slice();
      const phones = plan.base.phones.slice();
      for (const e of plan.edits) e(keys, phones);
      made = { keys, phones };
      hay.unmade = null;
    }
    return made;
  };
  const hay: Haystack = {
    size,
    get keys() {
      return make().keys;
    },
    get phones() {
      return make().phones;
    },
    searches: new Map(),
    unmade: plan,
  };
  return hay;
}

// Ranked lists are never changed once made (a data change makes a new one), so a list's haystack is built once,
// by the first search over it or ahead of it (prepareSearch), and every keystroke after that walks two plain
// string arrays: a WeakMap lookup per case per keystroke costs several times the match itself. The haystack is
// kept on the list (list-slot.ts).
const haystackSlot = listSlot<Haystack>('haystack');

/** A list's haystack if it was built (and is whole), else null. */
export function builtHaystack(list: readonly RankedCase[]): Haystack | null {
  const found = haystackSlot.get(list);
  return found && found.size === list.length ? found : null;
}

export function setHaystack(list: readonly RankedCase[], hay: Haystack): void {
  haystackSlot.set(list, hay);
}

function haystackOf(list: readonly RankedCase[]): Haystack {
  let hay = haystackSlot.get(list);
  if (!hay || hay.size !== list.length) {
    const keys = new Array<string>(list.length);
    const phones = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      keys[i] = keyOf(r);
      phones[i] = r.c.order.customerPhone;
    }
    hay = newHaystack(keys, phones);
    setHaystack(list, hay);
  }
  return hay;
}

/** Builds a ranked list's search haystack ahead of the first keystroke (e.g. when the browser is idle). */
export function prepareSearch(list: readonly RankedCase[]): void {
  void haystackOf(list).keys; // a spliced list's arrays are made here too, not by the next keystroke
}

/** Whether a keystroke over this list finds its search arrays made (none to build or copy). */
export function searchReady(list: readonly RankedCase[]): boolean {
  const hay = builtHaystack(list);
  return hay !== null && !hay.unmade;
}

/** 0, 1, 2, ...: the walk over every entry goes through the same loop as the walk over a recent search's. */
let everyIndex = new Int32Array(0);

function allIndexes(n: number): Int32Array {
  if (everyIndex.length < n) everyIndex = Int32Array.from({ length: n }, (_, i) => i);
  return everyIndex.subarray(0, n);
}

/**
 * Walks the entries at `indexes`, writing candidates and hits to `scratch`; returns how many of each. One loop
 * always over an index array: a loop that served both (an index array or none) was compiled for the first and
 * thrown back to the interpreter by the second, the first narrowing after a reload (125 ms for 81,000
 * candidates where the next ones take 40).
 */
function scan({ keys, phones }: Haystack, text: string, indexes: Int32Array): [number, number] {
  const { candidates, hits } = scratch;
  const phone = isPhoneTail(text);
  let n = 0;
  let m = 0;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    if (keys[i]!.includes(text)) {
      candidates[n++] = i;
      hits[m++] = i;
    } else if (phones[i]!.includes(text)) {
      candidates[n++] = i;
      if (phone && phones[i]!.endsWith(text)) hits[m++] = i;
    }
  }
  return [n, m];
}

/** Indexes of the list's entries matching the search text (lowercased and trimmed), ascending; null: every entry. */
export function searchHits(list: readonly RankedCase[], text: string): Int32Array | null {
  if (!text) return null;
  const hay = haystackOf(list);
  const recent = hay.searches.get(text);
  if (recent) {
    // Most recently used last, so the oldest is evicted first.
    hay.searches.delete(text);
    hay.searches.set(text, recent);
    return recent.hits;
  }
  // The narrowest recent search whose text this one contains holds every candidate of this one.
  let within: Int32Array | null = null;
  for (const [t, prior] of hay.searches)
    if (text.includes(t) && (!within || prior.candidates.length < within.length)) within = prior.candidates;
  const indexes = within ?? allIndexes(hay.size);
  if (scratch.candidates.length < indexes.length)
    scratch = { candidates: new Int32Array(indexes.length), hits: new Int32Array(indexes.length) };
  const [n, m] = scan(hay, text, indexes);
  const kept = scratch.candidates.slice(0, n);
  const search = { candidates: kept, hits: m === n ? kept : scratch.hits.slice(0, m) };
  hay.searches.set(text, search);
  if (hay.searches.size > RECENT_SEARCHES) hay.searches.delete(hay.searches.keys().next().value!);
  return search.hits;
}

/** Recent searches carried over to a spliced list (the last ones used). */
const CARRIED_SEARCHES = 2;

/**
 * The last searches over `prev` moved to `hay`, the haystack of the list spliced from it: `removed` holds the
 * old indexes taken out, `placed` the new indexes of the cases put in (`added`, in the same order), both
 * ascending.
 */
export function carrySearches(
  prev: Haystack,
  hay: Haystack,
  removed: readonly number[],
  placed: readonly number[],
  added: readonly RankedCase[],
): void {
  for (const [text, search] of [...prev.searches].slice(-CARRIED_SEARCHES))
    hay.searches.set(text, moveSearch(search, text, removed, placed, added));
}

/**
 * A search over the previous list, for the spliced one: kept entries shift by the removals before them and the
 * insertions before where they land; the inserted (changed) cases are matched afresh. `removed` holds old
 * indexes and `placed` new ones, both ascending.
 */
function moveSearch(
  search: Search,
  text: string,
  removed: readonly number[],
  placed: readonly number[],
  added: readonly RankedCase[],
): Search {
  const phone = isPhoneTail(text);
  /** `matches` is asked about the p-th case put in. */
  const move = (indexes: Int32Array, matches: (p: number) => boolean): Int32Array => {
    const out: number[] = [];
    let r = 0;
    let p = 0;
    const insertNext = () => {
      if (matches(p)) out.push(placed[p]!);
      p++;
    };
    for (const i of indexes) {
      while (r < removed.length && removed[r]! < i) r++;
      if (removed[r] === i) continue;
      // Its index without the removals before it; an insertion lands before it when its position is at most
      // that index plus the insertions already before it.
      const kept = i - r;
      while (p < placed.length && placed[p]! <= kept + p) insertNext();
      out.push(kept + p);
    }
    while (p < placed.length) insertNext();
    return Int32Array.from(out);
  };
  const key = (p: number) => keyOf(added[p]!);
  const phoneOf = (p: number) => added[p]!.c.order.customerPhone;
  const candidates = move(search.candidates, (p) => key(p).includes(text) || phoneOf(p).includes(text));
  const hits =
    search.hits === search.candidates
      ? candidates
      : move(search.hits, (p) => key(p).includes(text) || (phone && phoneOf(p).endsWith(text)));
  return { candidates, hits };
}

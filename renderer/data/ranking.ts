// The worklist index in memory: open cases ranked by the shared priority score, and a search key per case.
// Ranking 100,000 cases takes tens of milliseconds, so it is done once per data change or time step (off the
// urgent render), and every keystroke, bucket or filter change only walks the ranked array.
// Resolved and closed cases are not ranked with the open ones: they get their own list (most recently closed
// first), built only while the status filter asks for them, so the open-case path never pays for them.
// Risk flags (brief F14) add their points to the cases they touch. They are few, so each open case is checked
// against every live flag; with no flags the ranking does exactly what it did before and allocates nothing more.
import { bucketOf, BUCKETS, type Bucket } from '../../shared/rules/buckets';
import { compareByPriority, priorityScore, type RiskMatch } from '../../shared/rules/priority';
import { flagApplies } from '../../shared/rules/risk';
import type { CaseView } from '../../shared/schemas/case';
import type { Cause, CaseStatus, Platform } from '../../shared/schemas/enums';
import type { RiskFlag } from '../../shared/schemas/risk';
import type { JournalPosition } from './case-memory';

export interface RankedCase {
  c: CaseView;
  id: string;
  score: number;
  shipBy: number;
  bucket: Bucket;
  /** False for resolved and closed cases (listed after the open ones, under "all" only). */
  open: boolean;
}

const NO_FLAGS: readonly RiskFlag[] = [];
/** The flags that can still apply at `now` (an ended flag touches nothing). The shared empty list when none. */
export function liveRiskFlags(now: number, flags: Iterable<RiskFlag>): readonly RiskFlag[] {
  let live: RiskFlag[] | null = null;
  for (const f of flags) if (f.endsAt >= now) (live ??= []).push(f);
  return live ?? NO_FLAGS;
}

/**
 * The points the flags add to a case: the sum of the risk parts that `priority(c, now, { risks: risksFor(flags,
 * c, now) })` lists, without building them (tested equal).
 */
export function riskPoints(flags: readonly RiskFlag[], c: CaseView, now: number): number {
  let points = 0;
  for (const f of flags) if (flagApplies(f, c, now)) points += f.points;
  return points;
}

/** The flags touching a case as priority parts, labelled by flag id (the case panel names the flag from it). */
export function riskMatches(flags: readonly RiskFlag[], c: CaseView, now: number): RiskMatch[] {
  const out: RiskMatch[] = [];
  for (const f of flags) if (flagApplies(f, c, now)) out.push({ label: f.id, points: f.points });
  return out;
}

const rankedOpen = (c: CaseView, now: number, flags: readonly RiskFlag[]): RankedCase => ({
  c,
  id: c.id,
  score: flags.length ? priorityScore(c, now) + riskPoints(flags, c, now) : priorityScore(c, now),
  shipBy: c.shipBy,
  bucket: bucketOf(c.shipBy, now),
  open: true,
});

export function rankOpen(
  cases: Iterable<CaseView>,
  now: number,
  flags: readonly RiskFlag[] = NO_FLAGS,
): RankedCase[] {
  const ranked: RankedCase[] = [];
  for (const c of cases) if (c.status === 'open') ranked.push(rankedOpen(c, now, flags));
  return ranked.sort(compareByPriority);
}

/** What rankIncrementally needs of the in-memory cases (CaseMemory). */
export interface RankSource {
  allCases(): Iterable<CaseView>;
  /** The case as allCases lists it, or undefined if it is not listed. */
  listedCase(id: string): CaseView | undefined;
  journalPosition(): JournalPosition;
  casesChangedSince(pos: JournalPosition): ReadonlySet<string> | null;
}

/** A ranking of the open cases and what it was made from. */
export interface Ranking {
  ranked: RankedCase[];
  now: number;
  flags: readonly RiskFlag[];
  at: JournalPosition;
}

const sameFlags = (a: readonly RiskFlag[], b: readonly RiskFlag[]): boolean =>
  a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * rankOpen, redone only for the cases that changed since `prev` when that is possible (same time step, same
 * risk flags, and a known set of changes up to a quarter of the list): those are taken out, scored and merged
 * back. Gives exactly rankOpen's order (compareByPriority is a total order); a sync that changed a few cases
 * costs a walk over the list instead of scoring and sorting 100,000 cases.
 */
export function rankIncrementally(
  prev: Ranking | null,
  source: RankSource,
  now: number,
  flags: readonly RiskFlag[] = NO_FLAGS,
): Ranking {
  const at = source.journalPosition();
  if (prev && prev.now === now && sameFlags(prev.flags, flags)) {
    const changed = source.casesChangedSince(prev.at);
    if (changed && changed.size === 0) return { ...prev, at };
    if (changed && changed.size <= Math.max(1000, prev.ranked.length / 4)) {
      return { ranked: mergeChanged(prev.ranked, changed, source, now, flags), now, flags, at };
    }
  }
  return { ranked: rankOpen(source.allCases(), now, flags), now, flags, at };
}

function mergeChanged(
  prev: readonly RankedCase[],
  changed: ReadonlySet<string>,
  source: RankSource,
  now: number,
  flags: readonly RiskFlag[],
): RankedCase[] {
  const adds: RankedCase[] = [];
  for (const id of changed) {
    const c = source.listedCase(id);
    if (c && c.status === 'open') adds.push(rankedOpen(c, now, flags));
  }
  adds.sort(compareByPriority);
  // The previous list's search haystack (if it was built and matches) carries over, so the next keystroke need
  // not rebuild it.
  const found = haystacks.get(prev);
  const prevHay = found && found.keys.length === prev.length ? found : null;
  if (changed.size <= FEW_CHANGED) return spliceChanged(prev, prevHay, changed, adds);
  const hay: Haystack | null = prevHay ? newHaystack() : null;
  const out: RankedCase[] = [];
  let j = 0;
  const add = (r: RankedCase) => {
    out.push(r);
    if (hay) {
      hay.keys.push(searchKey(r.c));
      hay.phones.push(r.c.order.customerPhone);
    }
  };
  for (let i = 0; i < prev.length; i++) {
    const r = prev[i]!;
    if (changed.has(r.id)) continue;
    while (j < adds.length && compareByPriority(adds[j]!, r) < 0) add(adds[j++]!);
    out.push(r);
    if (hay) {
      hay.keys.push(prevHay!.keys[i]!);
      hay.phones.push(prevHay!.phones[i]!);
    }
  }
  while (j < adds.length) add(adds[j++]!);
  if (hay) haystacks.set(out, hay);
  return out;
}

/**
 * Up to this many changed cases (an action, a poke about a colleague's claim) are moved by copying the list and
 * splicing: a copy is a block move, where the full merge looks every one of 100,000 entries up in the changed
 * set and pushes it again, tens of milliseconds that delayed the outbox write behind each re-render.
 */
const FEW_CHANGED = 32;

function spliceChanged(
  prev: readonly RankedCase[],
  prevHay: Haystack | null,
  changed: ReadonlySet<string>,
  adds: readonly RankedCase[],
): RankedCase[] {
  const out = prev.slice();
  const hay = prevHay && newHaystack(prevHay.keys.slice(), prevHay.phones.slice());
  // Where the changed cases were: one scan per case, stopping at the first hit (each id is listed at most once).
  const gone: number[] = [];
  for (const id of changed) {
    for (let i = 0; i < out.length; i++)
      if (out[i]!.id === id) {
        gone.push(i);
        break;
      }
  }
  for (const i of gone.sort((a, b) => b - a)) {
    out.splice(i, 1);
    hay?.keys.splice(i, 1);
    hay?.phones.splice(i, 1);
  }
  // Where the changed cases went, ascending (adds are in rank order, so each lands after the one before).
  const placed: number[] = [];
  for (const r of adds) {
    // The first position whose entry ranks after r (compareByPriority is a total order).
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareByPriority(out[mid]!, r) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, r);
    placed.push(lo);
    hay?.keys.splice(lo, 0, searchKey(r.c));
    hay?.phones.splice(lo, 0, r.c.order.customerPhone);
  }
  if (hay) {
    const removed = gone.reverse();
    // The searches in use move over too: an action on a searched-for case must not cost a walk over every case.
    for (const [text, search] of [...prevHay.searches].slice(-CARRIED_SEARCHES))
      hay.searches.set(text, moveSearch(search, text, hay, removed, placed));
    haystacks.set(out, hay);
  }
  return out;
}

/** Recent searches carried over to a spliced list (the last ones used). */
const CARRIED_SEARCHES = 2;

/**
 * A search over the previous list, for the spliced one: kept entries shift by the removals before them and the
 * insertions before where they land; the inserted (changed) cases are matched afresh. `removed` holds old
 * indexes and `placed` new ones, both ascending.
 */
function moveSearch(
  search: Search,
  text: string,
  hay: Haystack,
  removed: readonly number[],
  placed: readonly number[],
): Search {
  const phone = isPhoneTail(text);
  const move = (indexes: Int32Array, matches: (i: number) => boolean): Int32Array => {
    const out: number[] = [];
    let r = 0;
    let p = 0;
    const insertNext = () => {
      if (matches(placed[p]!)) out.push(placed[p]!);
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
  const { keys, phones } = hay;
  const candidates = move(search.candidates, (i) => keys[i]!.includes(text) || phones[i]!.includes(text));
  const hits =
    search.hits === search.candidates
      ? candidates
      : move(search.hits, (i) => keys[i]!.includes(text) || (phone && phones[i]!.endsWith(text)));
  return { candidates, hits };
}

/** Resolved and closed cases, most recently closed first (for the status filter; not scored). */
export function rankClosed(cases: Iterable<CaseView>, now: number): RankedCase[] {
  const closed: RankedCase[] = [];
  for (const c of cases) {
    if (c.status === 'open') continue;
    closed.push({ c, id: c.id, score: 0, shipBy: c.shipBy, bucket: bucketOf(c.shipBy, now), open: false });
  }
  return closed.sort(
    (a, b) => (b.c.closedAt ?? 0) - (a.c.closedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The top of the worklist, for the instant first paint after a reload. */
export const topOpen = (
  cases: Iterable<CaseView>,
  now: number,
  n: number,
  flags: readonly RiskFlag[] = NO_FLAGS,
): CaseView[] =>
  rankOpen(cases, now, flags)
    .slice(0, n)
    .map((r) => r.c);

// Case objects are replaced (never mutated) when they change, so a cache keyed by the object stays right.
const searchKeys = new WeakMap<CaseView, string>();

function searchKey(c: CaseView): string {
  let key = searchKeys.get(c);
  if (key === undefined) {
    key = `${c.platformOrderId}\u0000${c.order.customerName}`.toLowerCase();
    searchKeys.set(c, key);
  }
  return key;
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
interface Haystack {
  keys: string[];
  phones: string[];
  searches: Map<string, Search>;
}

/** Working space of a search, kept between keystrokes: only its results are copied out. */
let scratch = { candidates: new Int32Array(0), hits: new Int32Array(0) };

/** Recent searches kept per list (at 100,000 cases one is at most 800 KB). */
const RECENT_SEARCHES = 8;

const newHaystack = (keys: string[] = [], phones: string[] = []): Haystack => ({
  keys,
  phones,
  searches: new Map(),
});

// Ranked lists are never changed once made (a data change makes a new one), so a list's haystack is built once,
// by the first search over it or ahead of it (prepareSearch), and every keystroke after that walks two plain
// string arrays: a WeakMap lookup per case per keystroke costs several times the match itself.
const haystacks = new WeakMap<readonly RankedCase[], Haystack>();

function haystackOf(list: readonly RankedCase[]): Haystack {
  let hay = haystacks.get(list);
  if (!hay || hay.keys.length !== list.length) {
    const keys = new Array<string>(list.length);
    const phones = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!.c;
      keys[i] = searchKey(c);
      phones[i] = c.order.customerPhone;
    }
    hay = newHaystack(keys, phones);
    haystacks.set(list, hay);
  }
  return hay;
}

/** Builds a ranked list's search haystack ahead of the first keystroke (e.g. when the browser is idle). */
export function prepareSearch(list: readonly RankedCase[]): void {
  haystackOf(list);
}

/** Indexes of the list's entries matching the search text (lowercased and trimmed), ascending; null: every entry. */
function searchHits(list: readonly RankedCase[], text: string): Int32Array | null {
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
  const { keys, phones } = hay;
  const phone = isPhoneTail(text);
  const size = within ? within.length : keys.length;
  if (scratch.candidates.length < size)
    scratch = { candidates: new Int32Array(size), hits: new Int32Array(size) };
  const { candidates, hits } = scratch;
  let n = 0;
  let m = 0;
  for (let k = 0; k < size; k++) {
    const i = within ? within[k]! : k;
    if (keys[i]!.includes(text)) {
      candidates[n++] = i;
      hits[m++] = i;
    } else if (phones[i]!.includes(text)) {
      candidates[n++] = i;
      if (phone && phones[i]!.endsWith(text)) hits[m++] = i;
    }
  }
  const kept = candidates.slice(0, n);
  const search = { candidates: kept, hits: m === n ? kept : hits.slice(0, m) };
  hay.searches.set(text, search);
  if (hay.searches.size > RECENT_SEARCHES) hay.searches.delete(hay.searches.keys().next().value!);
  return search.hits;
}

export type AssigneeFilter = 'anyone' | 'me' | 'unassigned';

/**
 * A drill-down from a review dashboard: the cases behind one figure (a bar, a table row), found once when the
 * figure is opened. Not a saved filter: saved views leave it out.
 */
export interface CaseDrill {
  /** What the figure was, for the banner above the worklist ("按平台：淘宝"). */
  label: string;
  caseIds: ReadonlySet<string>;
  /** The desk area the figure is in, to go back to. */
  from?: 'review' | 'forecast';
}

/** The worklist's filters besides the bucket and the search text. An empty list means "any". */
export interface WorklistFilters {
  statuses: readonly CaseStatus[];
  causes: readonly Cause[];
  categories: readonly string[];
  platforms: readonly Platform[];
  courierIds: readonly string[];
  zoneIds: readonly string[];
  assignee: AssigneeFilter;
  drill?: CaseDrill | null;
}

export const DEFAULT_FILTERS: WorklistFilters = {
  statuses: ['open'],
  causes: [],
  categories: [],
  platforms: [],
  courierIds: [],
  zoneIds: [],
  assignee: 'anyone',
};

/** How many filters differ from the defaults (for the filter button's badge). */
export function activeFilterCount(f: WorklistFilters): number {
  const statuses = f.statuses.length === 1 && f.statuses[0] === 'open' ? 0 : 1;
  return (
    statuses +
    [f.causes, f.categories, f.platforms, f.courierIds, f.zoneIds].filter((l) => l.length > 0).length +
    (f.assignee === 'anyone' ? 0 : 1) +
    (f.drill ? 1 : 0)
  );
}

export interface WorklistQuery {
  bucket: Bucket | 'all';
  search: string;
  filters: WorklistFilters;
  /** Who "me" is for the assignee filter. */
  userId: string | null;
}

export interface Filtered {
  rows: RankedCase[];
  /** Per bucket: open cases passing every filter but the bucket; `all` also counts the closed ones listed. */
  counts: Record<Bucket | 'all', number>;
}

const setOrNull = <T>(list: readonly T[]): ReadonlySet<T> | null => (list.length ? new Set(list) : null);

/** One predicate for the non-status filters, built once per query so the walk over 100,000 rows stays tight. */
function compileFilters(filters: WorklistFilters, userId: string | null): (c: CaseView) => boolean {
  const causes = setOrNull(filters.causes);
  const categories = setOrNull(filters.categories);
  const platforms = setOrNull(filters.platforms);
  const couriers = setOrNull(filters.courierIds);
  const zones = setOrNull(filters.zoneIds);
  const { assignee } = filters;
  const drill = filters.drill?.caseIds ?? null;
  return (c) => {
    if (drill && !drill.has(c.id)) return false;
    if (assignee === 'me' && c.assigneeId !== userId) return false;
    if (assignee === 'unassigned' && c.assigneeId !== null) return false;
    if (platforms && !platforms.has(c.platform)) return false;
    if (categories && !categories.has(c.order.category)) return false;
    if (couriers && !(c.order.courierId !== null && couriers.has(c.order.courierId))) return false;
    if (zones && !(c.order.zoneId !== null && zones.has(c.order.zoneId))) return false;
    if (causes && !((c.cause !== null && causes.has(c.cause)) || c.causes.some((x) => causes.has(x))))
      return false;
    return true;
  };
}

/**
 * The rows to show and the bucket counts. Walks the ranked arrays once; nothing is scored or sorted here, so a
 * keystroke costs a few milliseconds at 100,000 cases. `closed` (from rankClosed) is only walked when the status
 * filter includes resolved or closed cases.
 */
export function filterRanked(
  open: readonly RankedCase[],
  query: WorklistQuery,
  closed?: readonly RankedCase[],
): Filtered;
/** The earlier form (bucket and search only, open cases), kept for the benchmark scripts. */
export function filterRanked(open: readonly RankedCase[], bucket: Bucket | 'all', search: string): Filtered;
export function filterRanked(
  open: readonly RankedCase[],
  queryOrBucket: WorklistQuery | Bucket | 'all',
  closedOrSearch: readonly RankedCase[] | string = [],
): Filtered {
  const query: WorklistQuery =
    typeof queryOrBucket === 'string'
      ? {
          bucket: queryOrBucket,
          search: typeof closedOrSearch === 'string' ? closedOrSearch : '',
          filters: DEFAULT_FILTERS,
          userId: null,
        }
      : queryOrBucket;
  const closed = typeof closedOrSearch === 'string' ? [] : closedOrSearch;
  const text = query.search.trim().toLowerCase();
  const counts = Object.fromEntries([...BUCKETS, 'all'].map((b) => [b, 0])) as Record<Bucket | 'all', number>;
  const rows: RankedCase[] = [];
  const statuses = new Set(query.filters.statuses.length ? query.filters.statuses : ['open']);
  const passes = compileFilters(query.filters, query.userId);
  const { bucket } = query;
  if (statuses.has('open')) {
    const visit = (r: RankedCase) => {
      if (!passes(r.c)) return;
      counts[r.bucket]++;
      counts.all++;
      if (bucket === 'all' || r.bucket === bucket) rows.push(r);
    };
    const hits = searchHits(open, text);
    if (hits) for (const i of hits) visit(open[i]!);
    else for (const r of open) visit(r);
  }
  if (statuses.has('resolved') || statuses.has('closed')) {
    const visit = (r: RankedCase) => {
      if (!statuses.has(r.c.status) || !passes(r.c)) return;
      counts.all++;
      if (bucket === 'all') rows.push(r);
    };
    const hits = searchHits(closed, text);
    if (hits) for (const i of hits) visit(closed[i]!);
    else for (const r of closed) visit(r);
  }
  return { rows, counts };
}

/** Whether the query needs the resolved/closed list at all. */
export const wantsClosed = (filters: WorklistFilters): boolean => filters.statuses.some((s) => s !== 'open');

/** The distinct goods categories among the cases, for the category filter's options. */
export function categoriesOf(...lists: readonly (readonly RankedCase[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const r of list) if (r.c.order.category) seen.add(r.c.order.category);
  return [...seen].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

// The worklist index in memory: open cases ranked by the shared priority score (the search is search-index.ts).
// Ranking 100,000 cases takes tens of milliseconds, so it is done once per data change or time step (off the
// urgent render), and every keystroke, bucket or filter change only walks the ranked array (worklist-filter.ts).
// Resolved and closed cases are not ranked with the open ones: they get their own list (most recently closed
// first), built only while the status filter asks for them, so the open-case path never pays for them.
// Risk flags (brief F14) add their points to the cases they touch. They are few, so each open case is checked
// against every live flag; with no flags the ranking does exactly what it did before and allocates nothing more.
import { bucketOf, type Bucket } from '../../shared/rules/buckets';
import { clockPoints, compareByPriority, standingPoints, type RiskMatch } from '../../shared/rules/priority';
import { flagApplies } from '../../shared/rules/risk';
import type { CaseView } from '../../shared/schemas/case';
import type { RiskFlag } from '../../shared/schemas/risk';
import type { JournalPosition } from './case-memory';
import {
  builtHaystack,
  carrySearches,
  keyOf,
  newHaystack,
  setHaystack,
  splicedHaystack,
  type Haystack,
} from './search-index';

export { matchesSearch, prepareSearch } from './search-index';

export interface RankedCase {
  c: CaseView;
  id: string;
  score: number;
  shipBy: number;
  bucket: Bucket;
  /** False for resolved and closed cases (listed after the open ones, under "all" only). */
  open: boolean;
  /** The score's part that does not move with time (standingPoints), so a time step re-scores only the rest. */
  standing: number;
  /** The case's search key, made when the list's search arrays are first built (search-index.ts). */
  key: string | undefined;
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

/** One entry of a ranked list (every entry has the same shape, so the loops over them stay monomorphic). */
const entry = (
  c: CaseView,
  now: number,
  open: boolean,
  score: number,
  standing: number,
  key: string | undefined,
): RankedCase => ({
  c,
  id: c.id,
  score,
  shipBy: c.shipBy,
  bucket: bucketOf(c.shipBy, now),
  open,
  standing,
  key,
});

function rankedOpen(c: CaseView, now: number, flags: readonly RiskFlag[]): RankedCase {
  const standing = standingPoints(c);
  const score = clockPoints(c, now) + standing;
  return entry(c, now, true, flags.length ? score + riskPoints(flags, c, now) : score, standing, undefined);
}

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
  if (prev && sameFlags(prev.flags, flags)) {
    const changed = source.casesChangedSince(prev.at);
    const few = changed && changed.size <= Math.max(1000, prev.ranked.length / 4);
    if (prev.now === now) {
      if (changed && changed.size === 0) return { ...prev, at };
      if (few) return { ranked: mergeChanged(prev.ranked, changed, source, now, flags), now, flags, at };
    } else if (few && flags.length === 0) {
      // A time step: the same cases re-scored in their old order, then the few changed ones merged.
      const stepped = restep(prev.ranked, now);
      const ranked = changed.size ? mergeChanged(stepped, changed, source, now, flags) : stepped;
      return { ranked, now, flags, at };
    }
  }
  return { ranked: rankOpen(source.allCases(), now, flags), now, flags, at };
}

/**
 * Whether rankIncrementally would only splice a few changed cases into `prev` (or do nothing): cheap enough for
 * any moment. The rest (a sync that changed many cases, a time step, new risk flags) re-walks or re-sorts the
 * whole list, 20-100 ms at 100,000 cases, and the worklist holds it for a quiet moment of the input.
 */
export function isCheapRerank(
  prev: Ranking,
  source: RankSource,
  now: number,
  flags: readonly RiskFlag[] = NO_FLAGS,
): boolean {
  if (prev.now !== now || !sameFlags(prev.flags, flags)) return false;
  const changed = source.casesChangedSince(prev.at);
  return changed !== null && changed.size <= FEW_CHANGED;
}

/**
 * The same open cases ranked at a later time, without risk flags (their points also move with time). Only the
 * clock points are computed again, and the list is sorted from its old order, which is nearly the new one (a
 * 30 s step moves a case by a point or a bucket), so the sort finds long runs already in order. Measured in
 * Node on 100,000 cases: 45-70 ms against rankOpen's 50-80, most of it reading case objects spread over the heap
 * and allocating the new entries; the larger gain is that the entries keep their search keys, so the new list's
 * search arrays take about 20 ms to build instead of 120. Gives exactly rankOpen's order (tested).
 */
export function restep(prev: readonly RankedCase[], now: number): RankedCase[] {
  const out = new Array<RankedCase>(prev.length);
  for (let i = 0; i < prev.length; i++) {
    const r = prev[i]!;
    out[i] = entry(r.c, now, true, clockPoints(r.c, now) + r.standing, r.standing, r.key);
  }
  return out.sort(compareByPriority);
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
  const prevHay = builtHaystack(prev);
  if (changed.size <= FEW_CHANGED) return spliceChanged(prev, prevHay, changed, adds);
  const hay: Haystack | null = prevHay ? newHaystack() : null;
  // Read once: a spliced list's arrays are behind getters.
  const prevKeys = prevHay?.keys;
  const prevPhones = prevHay?.phones;
  const out: RankedCase[] = [];
  let j = 0;
  const add = (r: RankedCase) => {
    out.push(r);
    if (hay) {
      hay.keys.push(keyOf(r));
      hay.phones.push(r.c.order.customerPhone);
    }
  };
  for (let i = 0; i < prev.length; i++) {
    const r = prev[i]!;
    if (changed.has(r.id)) continue;
    while (j < adds.length && compareByPriority(adds[j]!, r) < 0) add(adds[j++]!);
    out.push(r);
    if (hay) {
      hay.keys.push(prevKeys![i]!);
      hay.phones.push(prevPhones![i]!);
    }
  }
  while (j < adds.length) add(adds[j++]!);
  if (hay) setHaystack(out, hay);
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
  // Where the changed cases were: one scan per case, stopping at the first hit (each id is listed at most once).
  const gone: number[] = [];
  for (const id of changed) {
    for (let i = 0; i < out.length; i++)
      if (out[i]!.id === id) {
        gone.push(i);
        break;
      }
  }
  const removedDescending = gone.sort((a, b) => b - a);
  for (const i of removedDescending) out.splice(i, 1);
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
  }
  if (prevHay) {
    // The same edits, made to the search arrays when they are next read.
    const hay = splicedHaystack(prevHay, out.length, (keys, phones) => {
      for (const i of removedDescending) {
        keys.splice(i, 1);
        phones.splice(i, 1);
      }
      adds.forEach((r, j) => {
        keys.splice(placed[j]!, 0, keyOf(r));
        phones.splice(placed[j]!, 0, r.c.order.customerPhone);
      });
    });
    // The searches in use move over too: an action on a searched-for case must not cost a walk over every case.
    carrySearches(prevHay, hay, [...removedDescending].reverse(), placed, adds);
    setHaystack(out, hay);
  }
  return out;
}

/** Resolved and closed cases, most recently closed first (for the status filter; not scored). */
export function rankClosed(cases: Iterable<CaseView>, now: number): RankedCase[] {
  const closed: RankedCase[] = [];
  for (const c of cases) {
    if (c.status === 'open') continue;
    closed.push(entry(c, now, false, 0, 0, undefined));
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

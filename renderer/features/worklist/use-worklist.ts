// The worklist's rows for the current bucket, search and filters. Ranking (scoring and sorting every open case)
// follows data changes (incrementally: only the changed cases) and 30-second time steps, deferred off the urgent render; typing, switching a tab or a
// filter only walks the ranked array (filterRanked), so a keystroke never re-ranks 100,000 cases.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_LATE_MS, QUIET_MS, quietFor } from '../../app/input-quiet';
import { useRuntime } from '../../app/runtime-context';
import { useDerivedLater } from '../../data/hooks';
import { listSlot } from '../../data/list-slot';
import {
  isCheapRerank,
  prepareSearch,
  rankClosed,
  liveRiskFlags,
  rankIncrementally,
  type RankedCase,
  type RankSource,
  type Ranking,
} from '../../data/ranking';
import { filterRanked, wantsClosed, type Filtered, type WorklistQuery } from '../../data/worklist-filter';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { useDesk } from '../../state/store';

const NO_ROWS: RankedCase[] = [];
/** Buckets and scores move with time; the ranking is redone on this step, not every second. */
export const RANK_STEP_MS = 30_000;

// The last list made from each ranking, even by a render React threw away: a deferred render that is interrupted
// (by every scrolled frame's synchronous render, for one) restarts from scratch, and would otherwise walk
// 100,000 cases again on each restart, which kept it from finishing while the list scrolled.
// Kept on the ranking itself (list-slot.ts).
const lastFiltered = listSlot<{ query: WorklistQuery; closed: readonly RankedCase[]; value: Filtered }>(
  'lastFiltered',
);

function filterOnce(
  ranked: readonly RankedCase[],
  query: WorklistQuery,
  closed: readonly RankedCase[],
): Filtered {
  const last = lastFiltered.get(ranked);
  if (
    last &&
    last.closed === closed &&
    last.query.bucket === query.bucket &&
    last.query.search === query.search &&
    last.query.filters === query.filters &&
    last.query.userId === query.userId
  )
    return last.value;
  let value = filterRanked(ranked, query, closed);
  // Unchanged bucket counts stay the same object, so the toolbar and its tabs (MUI Tabs measures itself after
  // each render) skip the re-render after an action or a sync page that moved no case between buckets.
  if (lastCounts && sameCounts(lastCounts, value.counts)) value = { ...value, counts: lastCounts };
  else lastCounts = value.counts;
  lastFiltered.set(ranked, { query, closed, value });
  return value;
}

let lastCounts: Filtered['counts'] | null = null;

const sameCounts = (a: Filtered['counts'], b: Filtered['counts']) =>
  (Object.keys(a) as (keyof Filtered['counts'])[]).every((k) => a[k] === b[k]);

/**
 * Whether the worklist keeps showing `prev` for now: the re-rank would walk every case, the input is not quiet,
 * and it has not been held for MAX_LATE_MS yet.
 */
export function holdRerank(
  prev: Ranking,
  source: RankSource,
  now: number,
  flags: readonly RiskFlag[],
  quietMs: number,
  heldMs: number,
): boolean {
  return quietMs < QUIET_MS && heldMs < MAX_LATE_MS && !isCheapRerank(prev, source, now, flags);
}

export function useWorklist(now: number) {
  const { store, user } = useRuntime();
  // A new step re-ranks every case, so its re-rank is held for a quiet moment like a big sync's (below).
  const rankNow = Math.floor(now / RANK_STEP_MS) * RANK_STEP_MS;
  const { bucket, search, filters } = useDesk(
    useShallow((s) => ({ bucket: s.bucket, search: s.search, filters: s.filters })),
  );
  // Search is filtered in the keystroke's own render: deferring it cost at least one more frame per keystroke,
  // and a keystroke walks only the previous search's candidates (typing on) or finds a recent search (erasing).
  const deferredFilters = useDeferredValue(filters);

  // Re-ranks only the cases changed since the last ranking when it can (a delta sync, an action); everything
  // on a new time step. The ref only carries the last result forward: any ranking of the current data is right.
  // A re-rank that walks every case (a time step; many cases changed by a sync, as the server's case engine
  // does every 15 s during a surge) waits for a quiet moment of the input (app/input-quiet.ts): it cost a 40-60 ms task in the middle
  // of a scroll. Meanwhile the rows shown are the cases as they are now (Worklist reads each row's current
  // view); only the order and which rows are listed wait. A few changed cases (an action) are spliced at once.
  const last = useRef<Ranking | null>(null);
  const heldSince = useRef<number | null>(null);
  const [quietCheck, setQuietCheck] = useState(0);
  const ranked = useDerivedLater(() => {
    // Risk flags come by sync like cases; a flag set or lifted is a data change, so this reruns.
    const flags = liveRiskFlags(rankNow, store.memory.directory.risk.values());
    const prev = last.current;
    const t = performance.now();
    if (prev && holdRerank(prev, store.memory, rankNow, flags, quietFor(), t - (heldSince.current ?? t))) {
      heldSince.current ??= t;
      return prev.ranked;
    }
    heldSince.current = null;
    return (last.current = rankIncrementally(prev, store.memory, rankNow, flags)).ranked;
  }, [store, rankNow, quietCheck]);
  // A held re-rank is looked at again when the input could be quiet.
  useEffect(() => {
    if (heldSince.current === null) return;
    const timer = setTimeout(() => setQuietCheck((n) => n + 1), Math.max(0, QUIET_MS - quietFor()) + 10);
    return () => clearTimeout(timer);
  });
  // The search haystack of a new ranking is built while the browser is idle, not on the next keystroke.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => prepareSearch(ranked), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [ranked]);
  // Resolved and closed cases are only collected while the status filter asks for them.
  const needClosed = wantsClosed(deferredFilters);
  const closed = useDerivedLater(
    () => (needClosed ? rankClosed(store.memory.allCases(), rankNow) : NO_ROWS),
    [store, needClosed],
  );
  const list = useMemo(
    () => filterOnce(ranked, { bucket, search, filters: deferredFilters, userId: user.id }, closed),
    [ranked, closed, bucket, search, deferredFilters, user.id],
  );
  return { ...list, ranked, closed };
}

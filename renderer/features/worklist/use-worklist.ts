// The worklist's rows for the current bucket, search and filters. Ranking (scoring and sorting every open case)
// follows data changes (incrementally: only the changed cases) and 30-second time steps, deferred off the urgent render; typing, switching a tab or a
// filter only walks the ranked array (filterRanked), so a keystroke never re-ranks 100,000 cases.
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRuntime } from '../../app/runtime-context';
import { useDerived } from '../../data/hooks';
import {
  filterRanked,
  prepareSearch,
  rankClosed,
  liveRiskFlags,
  rankIncrementally,
  wantsClosed,
  type Filtered,
  type RankedCase,
  type Ranking,
  type WorklistQuery,
} from '../../data/ranking';
import { useDesk } from '../../state/store';

const NO_ROWS: RankedCase[] = [];
/** Buckets and scores move with time; the ranking is redone on this step, not every second. */
export const RANK_STEP_MS = 30_000;

// The last list made from each ranking, even by a render React threw away: a deferred render that is interrupted
// (by every scrolled frame's synchronous render, for one) restarts from scratch, and would otherwise walk
// 100,000 cases again on each restart, which kept it from finishing while the list scrolled.
const lastFiltered = new WeakMap<
  readonly RankedCase[],
  { query: WorklistQuery; closed: readonly RankedCase[]; value: Filtered }
>();

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
  const value = filterRanked(ranked, query, closed);
  lastFiltered.set(ranked, { query, closed, value });
  return value;
}

export function useWorklist(now: number) {
  const { store, user } = useRuntime();
  const rankNow = Math.floor(now / RANK_STEP_MS) * RANK_STEP_MS;
  const { bucket, search, filters } = useDesk(
    useShallow((s) => ({ bucket: s.bucket, search: s.search, filters: s.filters })),
  );
  // Search is filtered in the keystroke's own render: deferring it cost at least one more frame per keystroke,
  // and a keystroke walks only the previous search's candidates (typing on) or finds a recent search (erasing).
  const deferredFilters = useDeferredValue(filters);

  // Re-ranks only the cases changed since the last ranking when it can (a delta sync, an action); everything
  // on a new time step. The ref only carries the last result forward: any ranking of the current data is right.
  const last = useRef<Ranking | null>(null);
  const ranked = useDerived(
    () =>
      (last.current = rankIncrementally(
        last.current,
        store.memory,
        rankNow,
        // Risk flags come by sync like cases; a flag set or lifted is a data change, so this reruns.
        liveRiskFlags(rankNow, store.memory.directory.risk.values()),
      )).ranked,
    [store, rankNow],
    { deferred: true },
  );
  // The search haystack of a new ranking is built while the browser is idle, not on the next keystroke.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => prepareSearch(ranked), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [ranked]);
  // Resolved and closed cases are only collected while the status filter asks for them.
  const needClosed = wantsClosed(deferredFilters);
  const closed = useDerived(
    () => (needClosed ? rankClosed(store.memory.allCases(), rankNow) : NO_ROWS),
    [store, needClosed],
    { deferred: true },
  );
  const list = useMemo(
    () => filterOnce(ranked, { bucket, search, filters: deferredFilters, userId: user.id }, closed),
    [ranked, closed, bucket, search, deferredFilters, user.id],
  );
  return { ...list, ranked, closed };
}

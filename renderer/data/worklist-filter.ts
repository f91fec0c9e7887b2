// The worklist's filters and the walk over a ranked list that applies them with the search (ranking.ts makes the
// lists): a keystroke, a bucket tab or a filter only walks the ranked arrays, nothing is scored or sorted here.
import { BUCKETS, type Bucket } from '../../shared/rules/buckets';
import type { CaseView } from '../../shared/schemas/case';
import type { Cause, CaseStatus, Platform } from '../../shared/schemas/enums';
import type { RankedCase } from './ranking';
import { searchHits } from './search-index';

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

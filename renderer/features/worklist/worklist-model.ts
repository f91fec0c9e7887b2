// The worklist as data: open cases filtered, scored with the shared priority rule and sorted. Pure, so it is
// tested without React.
import { priority, type Priority } from '../../../shared/rules/priority';
import type { CaseView } from '../../../shared/schemas/case';
import {
  DEFAULT_FILTERS,
  filterRanked,
  rankClosed,
  rankOpen,
  wantsClosed,
  type Filtered,
  type WorklistQuery,
} from '../../data/ranking';

export type WorklistFilter = Pick<WorklistQuery, 'bucket' | 'search'> & Partial<WorklistQuery>;

export const explain = (c: CaseView, now: number): Priority => priority(c, now);

export function buildWorklist(cases: Iterable<CaseView>, now: number, filter: WorklistFilter): Filtered {
  const all = [...cases];
  const filters = filter.filters ?? DEFAULT_FILTERS;
  return filterRanked(
    rankOpen(all, now),
    { bucket: filter.bucket, search: filter.search, filters, userId: filter.userId ?? null },
    wantsClosed(filters) ? rankClosed(all, now) : [],
  );
}

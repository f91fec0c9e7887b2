// The worklist as data: open cases filtered, scored with the shared priority rule and sorted. Pure, so it is
// tested without React.
import type { Bucket } from '../../../shared/rules/buckets';
import { priority, type Priority } from '../../../shared/rules/priority';
import type { CaseView } from '../../../shared/schemas/case';
import { filterRanked, rankOpen, type Filtered } from '../../data/ranking';

export interface WorklistFilter {
  bucket: Bucket | 'all';
  search: string;
}

export const explain = (c: CaseView, now: number): Priority => priority(c, now);

export function buildWorklist(cases: Iterable<CaseView>, now: number, filter: WorklistFilter): Filtered {
  return filterRanked(rankOpen(cases, now), filter.bucket, filter.search);
}

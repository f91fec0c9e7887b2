// The worklist as data: open cases filtered, scored with the shared priority rule and sorted. Pure, so it is
// tested without React. Risk flags (brief F14) enter both the ranking and the explanation of a case's priority.
import { priority, type Priority, type PriorityPart } from '../../../shared/rules/priority';
import type { CaseView } from '../../../shared/schemas/case';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { rankClosed, rankOpen, riskMatches } from '../../data/ranking';
import {
  DEFAULT_FILTERS,
  filterRanked,
  wantsClosed,
  type Filtered,
  type WorklistQuery,
} from '../../data/worklist-filter';

export type WorklistFilter = Pick<WorklistQuery, 'bucket' | 'search'> &
  Partial<WorklistQuery> & { flags?: readonly RiskFlag[] };

/** Why a case ranks where it does; each flag touching it is a `risk` part whose detail is the flag's id. */
export const explain = (c: CaseView, now: number, flags: readonly RiskFlag[] = []): Priority =>
  priority(c, now, flags.length ? { risks: riskMatches(flags, c, now) } : {});

/**
 * An explanation with its risk parts taken from the flags as they are now: a flag set or lifted after the
 * explanation was made shows at once. Returns `why` itself when nothing changes.
 */
export function withCurrentRisks(
  why: Priority,
  c: CaseView,
  now: number,
  flags: readonly RiskFlag[],
): Priority {
  const risks: PriorityPart[] = riskMatches(flags, c, now).map((r) => ({
    reason: 'risk',
    points: r.points,
    detail: r.label,
  }));
  const before = why.parts.filter((p) => p.reason === 'risk');
  const same =
    before.length === risks.length &&
    before.every((p, i) => p.detail === risks[i]?.detail && p.points === risks[i]?.points);
  if (same) return why;
  const parts = [...why.parts.filter((p) => p.reason !== 'risk'), ...risks];
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

export function buildWorklist(cases: Iterable<CaseView>, now: number, filter: WorklistFilter): Filtered {
  const all = [...cases];
  const filters = filter.filters ?? DEFAULT_FILTERS;
  return filterRanked(
    rankOpen(all, now, filter.flags ?? []),
    { bucket: filter.bucket, search: filter.search, filters, userId: filter.userId ?? null },
    wantsClosed(filters) ? rankClosed(all, now) : [],
  );
}

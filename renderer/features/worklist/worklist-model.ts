// The worklist as data: open cases filtered, scored with the shared priority rule and sorted. Pure, so it is
// tested without React and can move to a worker later.
import { bucketOf, BUCKETS, type Bucket } from '../../../shared/rules/buckets';
import { compareByPriority, priority, type Priority } from '../../../shared/rules/priority';
import type { CaseView } from '../../../shared/schemas/case';

export interface WorklistRow {
  c: CaseView;
  bucket: Bucket;
  score: number;
  shipBy: number;
  id: string;
}

export interface WorklistFilter {
  bucket: Bucket | 'all';
  search: string;
}

export interface Worklist {
  rows: WorklistRow[];
  counts: Record<Bucket | 'all', number>;
}

export const explain = (c: CaseView, now: number): Priority => priority(c, now);

/** Order id (any part), customer name (any part), or the tail of the phone number. */
export function matchesSearch(c: CaseView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (c.platformOrderId.toLowerCase().includes(q)) return true;
  if (c.order.customerName.toLowerCase().includes(q)) return true;
  return /^\d{3,}$/.test(q) && c.order.customerPhone.endsWith(q);
}

export function buildWorklist(cases: Iterable<CaseView>, now: number, filter: WorklistFilter): Worklist {
  const counts = Object.fromEntries([...BUCKETS, 'all'].map((b) => [b, 0])) as Record<Bucket | 'all', number>;
  const rows: WorklistRow[] = [];
  for (const c of cases) {
    if (c.status !== 'open') continue;
    if (!matchesSearch(c, filter.search)) continue;
    const bucket = bucketOf(c.shipBy, now);
    counts[bucket]++;
    counts.all++;
    if (filter.bucket !== 'all' && bucket !== filter.bucket) continue;
    rows.push({ c, bucket, score: explain(c, now).score, shipBy: c.shipBy, id: c.id });
  }
  rows.sort(compareByPriority);
  return { rows, counts };
}

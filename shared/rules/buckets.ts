// Which urgency bucket a case falls in at a given moment (brief F4). Computed, never stored: a case moves from
// "due in 4 h" to "overdue" on every client at the same server-time instant without a round trip.
import type { CaseView } from '../schemas/case';

export const BUCKETS = ['overdue', 'due_4h', 'due_12h', 'due_24h', 'later'] as const;
export type Bucket = (typeof BUCKETS)[number];

const HOUR = 3_600_000;

export function bucketOf(shipBy: number, now: number): Bucket {
  const left = shipBy - now;
  if (left <= 0) return 'overdue';
  if (left <= 4 * HOUR) return 'due_4h';
  if (left <= 12 * HOUR) return 'due_12h';
  if (left <= 24 * HOUR) return 'due_24h';
  return 'later';
}

export const isActive = (c: Pick<CaseView, 'status'>): boolean => c.status === 'open';

// Which cases deserve a desktop alert, and when (issue W10). The rule:
//   - critical: fresh or frozen goods (they spoil), or a platform penalty at stake of at least ¥50
//     (penaltyFen >= 5000);
//   - newly overdue: the case is open and its ship-by deadline has passed by server time, and this desk had not
//     yet seen it overdue. Each case alerts at most once per session.
// The first scan (once the stored cases are loaded and synced) only takes stock: cases that were already overdue
// when the desk opened do not alert, so a restart never brings a storm of notifications.
import type { CaseView } from '../../../shared/schemas/case';

export const CRITICAL_PENALTY_FEN = 5_000;

export const isCritical = (c: CaseView): boolean =>
  c.order.perishability === 'fresh' ||
  c.order.perishability === 'frozen' ||
  c.penaltyFen >= CRITICAL_PENALTY_FEN;

export interface ScanResult {
  /** Open cases past their deadline now (the badge count). */
  overdueOpen: number;
  /** Critical cases that became overdue since the last scan, most recent deadline first. */
  newlyCritical: CaseView[];
}

export class OverdueWatch {
  /** Cases seen overdue (alerted or not); null until the first scan took stock. */
  private seen: Set<string> | null = null;

  get started(): boolean {
    return this.seen !== null;
  }

  scan(cases: Iterable<CaseView>, now: number): ScanResult {
    const first = this.seen === null;
    const seen = (this.seen ??= new Set());
    let overdueOpen = 0;
    const newlyCritical: CaseView[] = [];
    for (const c of cases) {
      if (c.status !== 'open' || c.shipBy > now) continue;
      overdueOpen++;
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (!first && isCritical(c)) newlyCritical.push(c);
    }
    newlyCritical.sort((a, b) => b.shipBy - a.shipBy);
    return { overdueOpen, newlyCritical };
  }
}

/** At most this many alerts name their case; the rest of a burst becomes one summary alert. */
export const MAX_NAMED_ALERTS = 3;

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

  /** Every case at once. */
  scan(cases: Iterable<CaseView>, now: number): ScanResult {
    const pass = this.begin(now);
    pass.take(cases[Symbol.iterator](), () => true);
    return pass.finish();
  }

  /** A scan in slices (app/idle-slices.ts): the cases are taken from an iterator over several tasks. */
  begin(now: number): ScanPass {
    const first = this.seen === null;
    return new ScanPass((this.seen ??= new Set()), first, now);
  }
}

/** Checks `more()` once per this many cases. */
const CHECK_EVERY = 512;

export class ScanPass {
  private overdueOpen = 0;
  private readonly newlyCritical: CaseView[] = [];

  constructor(
    private readonly seen: Set<string>,
    private readonly first: boolean,
    private readonly now: number,
  ) {}

  /** Takes cases while `more()` allows; true once the iterator is exhausted. */
  take(cases: Iterator<CaseView>, more: () => boolean): boolean {
    const { seen, first, now } = this;
    for (let n = 1; ; n++) {
      if (n % CHECK_EVERY === 0 && !more()) return false;
      const next = cases.next();
      if (next.done) return true;
      const c = next.value;
      if (c.status !== 'open' || c.shipBy > now) continue;
      this.overdueOpen++;
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (!first && isCritical(c)) this.newlyCritical.push(c);
    }
  }

  finish(): ScanResult {
    const newlyCritical = this.newlyCritical.sort((a, b) => b.shipBy - a.shipBy);
    return { overdueOpen: this.overdueOpen, newlyCritical };
  }
}

/** At most this many alerts name their case; the rest of a burst becomes one summary alert. */
export const MAX_NAMED_ALERTS = 3;

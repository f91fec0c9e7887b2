// The compensation ledger of a case (brief F10, W8) and the approval queue across cases, as pure functions:
// totals by status, whether an offer needs a lead, and the platform penalty the rescue avoids.
import type { Compensation, CaseView } from '../../../shared/schemas/case';
import type { Role } from '../../../shared/schemas/enums';

export interface LedgerTotals {
  approvedFen: number;
  pendingFen: number;
  rejectedFen: number;
}

export function ledgerTotals(list: readonly Compensation[]): LedgerTotals {
  const totals = { approvedFen: 0, pendingFen: 0, rejectedFen: 0 };
  for (const c of list) {
    if (c.status === 'approved') totals.approvedFen += c.amountFen;
    else if (c.status === 'pending_approval') totals.pendingFen += c.amountFen;
    else totals.rejectedFen += c.amountFen;
  }
  return totals;
}

/** Mirrors the offerCompensation mutator: above the limit a coordinator's offer waits for a lead. */
export const needsApproval = (amountFen: number, limitFen: number, role: Role): boolean =>
  amountFen > limitFen && role === 'coordinator';

export type PenaltyState =
  | { kind: 'none' }
  | { kind: 'at_risk'; amountFen: number }
  | { kind: 'avoided'; amountFen: number }
  | { kind: 'incurred'; amountFen: number };

const SAVED_OUTCOMES = new Set(['saved', 'delay_agreed']);

/**
 * What the platform penalty looks like now: avoided once the case was saved or the buyer agreed a new date
 * that has not passed; incurred when it shipped late; otherwise still at risk.
 */
export function penaltyState(c: CaseView, now: number): PenaltyState {
  const amountFen = c.penaltyFen;
  if (amountFen <= 0) return { kind: 'none' };
  if (c.status !== 'open') {
    if (c.outcome !== null && SAVED_OUTCOMES.has(c.outcome)) return { kind: 'avoided', amountFen };
    if (c.outcome === 'shipped_late') return { kind: 'incurred', amountFen };
    return { kind: 'at_risk', amountFen };
  }
  const agreed = c.pauses.some((p) => p.kind === 'buyer_agreed' && p.to === c.shipBy);
  if (agreed && c.shipBy > now) return { kind: 'avoided', amountFen };
  return { kind: 'at_risk', amountFen };
}

export interface PendingApproval {
  c: CaseView;
  compensation: Compensation;
}

/** Every offer waiting for a lead, oldest first (the queue a lead works through). */
export function pendingApprovals(cases: Iterable<CaseView>): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const c of cases) {
    for (const compensation of c.compensations) {
      if (compensation.status === 'pending_approval') out.push({ c, compensation });
    }
  }
  return out.sort(
    (a, b) => a.compensation.offeredAt - b.compensation.offeredAt || a.c.id.localeCompare(b.c.id),
  );
}

/** "12", "12.5", "¥12.50" -> fen; null for anything that is not a non-negative amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', frac = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

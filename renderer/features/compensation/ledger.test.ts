import { describe, expect, it } from 'vitest';
import type { Compensation } from '../../../shared/schemas/case';
import { sampleCase } from '../../../shared/test-data';
import { ledgerTotals, needsApproval, parseYuan, penaltyState, pendingApprovals } from './ledger';

const comp = (
  id: string,
  amountFen: number,
  status: Compensation['status'],
  offeredAt = 1,
): Compensation => ({
  id,
  type: 'coupon',
  amountFen,
  status,
  offeredBy: 'u-zhangwei',
  offeredAt,
  decidedBy: null,
  decidedAt: null,
  note: '',
});

describe('compensation ledger', () => {
  it('totals by status', () => {
    expect(
      ledgerTotals([
        comp('1', 1000, 'approved'),
        comp('2', 2500, 'approved'),
        comp('3', 9900, 'pending_approval'),
        comp('4', 100, 'rejected'),
      ]),
    ).toEqual({ approvedFen: 3500, pendingFen: 9900, rejectedFen: 100 });
  });

  it('asks a lead only for a coordinator’s offer above the limit', () => {
    expect(needsApproval(5000, 5000, 'coordinator')).toBe(false);
    expect(needsApproval(5001, 5000, 'coordinator')).toBe(true);
    expect(needsApproval(50_000, 5000, 'lead')).toBe(false);
  });

  it('parses yuan amounts into fen', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('¥1,012.05')).toBe(101_205);
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('lists pending offers across cases, oldest first', () => {
    const a = sampleCase({ id: 'a', compensations: [comp('x', 9000, 'pending_approval', 20)] });
    const b = sampleCase({
      id: 'b',
      compensations: [comp('y', 8000, 'pending_approval', 10), comp('z', 100, 'approved')],
    });
    expect(pendingApprovals([a, b]).map((p) => p.compensation.id)).toEqual(['y', 'x']);
  });
});

describe('the penalty the rescue avoids', () => {
  const now = Date.UTC(2026, 10, 11, 0, 0);
  it('is at risk while open, avoided once saved or a delay is agreed, incurred when shipped late', () => {
    expect(penaltyState(sampleCase({ penaltyFen: 0 }), now)).toEqual({ kind: 'none' });
    expect(penaltyState(sampleCase({ penaltyFen: 3000 }), now).kind).toBe('at_risk');
    const agreedTo = now + 3_600_000;
    const delayed = sampleCase({
      penaltyFen: 3000,
      shipBy: agreedTo,
      pauses: [{ kind: 'buyer_agreed', at: now, by: 'u', from: now - 1, to: agreedTo, note: '同意' }],
    });
    expect(penaltyState(delayed, now)).toEqual({ kind: 'avoided', amountFen: 3000 });
    expect(penaltyState(delayed, agreedTo + 1).kind).toBe('at_risk');
    expect(penaltyState(sampleCase({ penaltyFen: 3000, status: 'closed', outcome: 'saved' }), now).kind).toBe(
      'avoided',
    );
    expect(
      penaltyState(sampleCase({ penaltyFen: 3000, status: 'closed', outcome: 'shipped_late' }), now).kind,
    ).toBe('incurred');
  });
});

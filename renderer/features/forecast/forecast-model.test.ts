import { describe, expect, it } from 'vitest';
import type { ExpectedBreach, Suggestion, ZoneForecast } from '../../../shared/rules/forecast';
import type { CaseView } from '../../../shared/schemas/case';
import { sampleCase } from '../../../shared/test-data';
import { breachesWithin, caseIdsOf, casesByOrder, suggestionOrders, zoneRows } from './forecast-model';

const T = Date.UTC(2026, 10, 11, 2, 0);

const zone = (zoneId: string | null): ZoneForecast => ({
  zoneId,
  pickersOnShift: 2,
  pickersAbsent: 1,
  ratePerPickerHour: 12,
  open: 10,
  overdue: 1,
  horizons: [{ hours: 2, due: 3, backlog: 5, capacity: zoneId ? 48 : null, expectedBreaches: 1 }],
});

const breach = (orderId: string, withinHours: number): ExpectedBreach => ({
  orderId,
  zoneId: 'zA',
  courierId: null,
  region: '浙江',
  stage: 'paid',
  shipBy: T + withinHours * 3_600_000,
  reason: 'zone_backlog',
  withinHours,
  expectedReadyAt: null,
  expectedHandoverAt: null,
  expectedLateMinutes: null,
  riskFlagIds: [],
});

const kase = (id: string, orderId: string, over: Partial<CaseView> = {}): CaseView =>
  sampleCase({ id, orderId, ...over });

describe('zoneRows', () => {
  it('orders zones by label and puts the orders outside any zone last', () => {
    const labels: Record<string, string> = { zB: 'B 冷链', zA: 'A 美妆' };
    const rows = zoneRows([zone(null), zone('zB'), zone('zA')], (id) => labels[id] ?? id, '未分区');
    expect(rows.map((r) => r.label)).toEqual(['A 美妆', 'B 冷链', '未分区']);
    expect(rows[2]?.horizons[0]?.capacity).toBeNull();
  });
});

describe('breachesWithin', () => {
  it('keeps the breaches whose deadline falls within the window, all of them without one', () => {
    const all = [breach('o1', 2), breach('o2', 4), breach('o3', 24)];
    expect(breachesWithin(all, 4).map((b) => b.orderId)).toEqual(['o1', 'o2']);
    expect(breachesWithin(all, null)).toHaveLength(3);
  });
});

describe('casesByOrder', () => {
  it('links an order to its open case before an older closed one', () => {
    const byOrder = casesByOrder([
      kase('c-old', 'o1', { status: 'closed', openedAt: T - 1000 }),
      kase('c-open', 'o1', { status: 'open', openedAt: T - 2000 }),
      kase('c2', 'o2'),
    ]);
    expect(byOrder.get('o1')?.id).toBe('c-open');
    expect(caseIdsOf(['o1', 'o2', 'o-none'], byOrder)).toEqual(new Set(['c-open', 'c2']));
  });
});

describe('suggestionOrders', () => {
  const effect = {
    horizonHours: 24,
    breachesBefore: 5,
    breachesAfter: 3,
    breachesAvoided: 2,
    savedOrderIds: ['o1'],
  };
  it('is the saved orders of an action and the customers to tell of a notification', () => {
    const move: Suggestion = {
      kind: 'move_pickers',
      fromZoneId: 'zA',
      toZoneId: 'zB',
      pickerIds: ['p'],
      effect,
    };
    const notify: Suggestion = {
      kind: 'notify_customers',
      orderIds: ['o7', 'o8'],
      effect: { ...effect, breachesAvoided: 0, savedOrderIds: [], meanNoticeHours: 3 },
    };
    expect(suggestionOrders(move)).toEqual(['o1']);
    expect(suggestionOrders(notify)).toEqual(['o7', 'o8']);
  });
});

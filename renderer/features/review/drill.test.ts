import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/schemas/case';
import { sampleCase } from '../../../shared/test-data';
import { casesBehind, type DrillContext } from './drill';

const H = 3_600_000;
// Wednesday 2026-11-11 10:00 in Shanghai.
const T = Date.UTC(2026, 10, 11, 2, 0);

const make = (id: string, over: Partial<CaseView>, order: Partial<CaseView['order']> = {}): CaseView => {
  const c = sampleCase({ id, warehouseId: 'wh', ...over });
  return { ...c, order: { ...c.order, ...order } };
};

const cases = [
  make('a', { openedAt: T, platform: 'jd', overdueAt: T + H }, { courierId: 'cr-sf', zoneId: 'zA' }),
  make(
    'b',
    {
      openedAt: T - 2 * H,
      platform: 'jd',
      status: 'closed',
      closedAt: T,
      outcome: 'shipped_late',
      penaltyFen: 500,
      cause: 'weather',
    },
    { courierId: null, zoneId: null, region: '浙江' },
  ),
  make('c', { openedAt: T - 30 * 24 * H, platform: 'jd' }),
  make('d', {
    openedAt: T,
    platform: 'tmall',
    overdueAt: T + 14 * H,
    status: 'resolved',
    closedAt: T + 20 * H,
    cause: 'weather',
    outcome: 'saved',
    penaltyFen: 300,
  }),
  make('e', { openedAt: T, platform: 'jd', warehouseId: 'other' }),
];

const ctx: DrillContext = {
  warehouseId: 'wh',
  from: T - 7 * 24 * H,
  to: T + 24 * H,
  timeZone: 'Asia/Shanghai',
  carrierOf: (id) => (id === 'cr-sf' ? '顺丰速运' : undefined),
  zoneNameOf: (id) => (id === 'zA' ? '服饰区' : undefined),
};

const ids = (spec: Parameters<typeof casesBehind>[0]) => [...casesBehind(spec, cases, ctx)].sort();

describe('drill-down', () => {
  it('finds the cases opened in the period by the breakdown key, names included, in this warehouse only', () => {
    expect(ids({ kind: 'breakdown', dimension: 'platform', key: 'jd' })).toEqual(['a', 'b']);
    expect(ids({ kind: 'breakdown', dimension: 'courier', key: '顺丰速运' })).toEqual(['a', 'd']);
    expect(ids({ kind: 'breakdown', dimension: 'courier', key: '—' })).toEqual(['b']);
    expect(ids({ kind: 'breakdown', dimension: 'zone', key: '服饰区' })).toEqual(['a']);
    expect(ids({ kind: 'breakdown', dimension: 'zone', key: '—' })).toEqual(['b', 'd']);
    expect(ids({ kind: 'breakdown', dimension: 'region', key: '浙江' })).toEqual(['a', 'b', 'd']);
  });

  it('finds cases by the local day and the weekday and hour they became overdue', () => {
    expect(ids({ kind: 'overdueDay', day: '2026-11-11' })).toEqual(['a']);
    expect(ids({ kind: 'overdueDay', day: '2026-11-12' })).toEqual(['d']);
    expect(ids({ kind: 'heat', weekday: 3, hour: 11 })).toEqual(['a']);
    expect(ids({ kind: 'heat', weekday: 4, hour: 0 })).toEqual(['d']);
  });

  it('finds closed cases by cause, by penalty avoided or incurred, and all closed in the period', () => {
    expect(ids({ kind: 'cause', cause: 'weather' })).toEqual(['b', 'd']);
    expect(ids({ kind: 'penalty', side: 'incurred' })).toEqual(['b']);
    expect(ids({ kind: 'penalty', side: 'avoided' })).toEqual(['d']);
    expect(ids({ kind: 'resolved' })).toEqual(['b', 'd']);
  });

  it('finds the cases of given orders (forecast suggestions)', () => {
    expect(ids({ kind: 'orders', orderIds: ['order-1'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ kind: 'orders', orderIds: ['nope'] })).toEqual([]);
  });

  it('finds the orders that pulled a platform score down, only among those whose 48 h outcome is known', () => {
    const paid = T - 4 * 24 * H;
    const scored = [
      make('late', { platform: 'pdd' }, { paidAt: paid, handedOverAt: paid + 50 * H }),
      make('on-time', { platform: 'pdd' }, { paidAt: paid, handedOverAt: paid + 10 * H }),
      make('never', { platform: 'pdd' }, { paidAt: paid, handedOverAt: null }),
      // Paid 30 hours before the period's end and not handed over yet: not failed, not counted (as the server).
      make('pending', { platform: 'pdd' }, { paidAt: ctx.to - 30 * H, handedOverAt: null }),
      make('cancelled', { platform: 'pdd' }, { paidAt: paid, handedOverAt: null, cancelledAt: paid + H }),
    ];
    expect([...casesBehind({ kind: 'platformScore', platform: 'pdd' }, scored, ctx)].sort()).toEqual([
      'late',
      'never',
    ]);
  });
});

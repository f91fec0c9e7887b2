import { describe, expect, it } from 'vitest';
import {
  calendarOrder,
  fromWallInput,
  mergePlan,
  promotionState,
  spanProblem,
  timeline,
  toWallInput,
  totals,
  zoneRow,
} from './plan';

const H = 3_600_000;

describe('zone capacity', () => {
  it('sets pickers × rate × shift against the orders expected, and counts the shifts that close the gap', () => {
    const r = zoneRow({ zoneId: 'a', expectedPerDay: 1000, pickers: 3, picksPerHour: 30 });
    expect(r.capacityPerDay).toBe(720);
    expect(r.shortfall).toBe(280);
    expect(r.extraPickerShifts).toBe(2);
    const ok = zoneRow({ zoneId: 'b', expectedPerDay: 200, pickers: 1, picksPerHour: 30 });
    expect(ok).toMatchObject({ shortfall: 0, extraPickerShifts: 0 });
  });

  it('sums shortfalls per zone, not across zones', () => {
    const t = totals([
      zoneRow({ zoneId: 'a', expectedPerDay: 1000, pickers: 3, picksPerHour: 30 }),
      zoneRow({ zoneId: 'b', expectedPerDay: 0, pickers: 10, picksPerHour: 30 }),
    ]);
    expect(t).toEqual({
      expectedPerDay: 1000,
      capacityPerDay: 3120,
      shortfall: 280,
      extraPickerShifts: 2,
      zonesShort: 1,
    });
  });

  it('takes what the lead saved over the estimate, zone by zone, and keeps saved zones the estimate lacks', () => {
    const merged = mergePlan(
      [
        { zoneId: 'a', pickers: 2, expectedPerDay: 500 },
        { zoneId: 'b', pickers: 4, expectedPerDay: 800 },
      ],
      [
        { zoneId: 'b', pickers: 6, expectedPerDay: 900, picksPerHour: 40 },
        { zoneId: 'gone', pickers: 1, expectedPerDay: 1, picksPerHour: 30 },
      ],
    );
    expect(merged).toEqual([
      { zoneId: 'a', pickers: 2, expectedPerDay: 500, picksPerHour: 30 },
      { zoneId: 'b', pickers: 6, expectedPerDay: 900, picksPerHour: 40 },
      { zoneId: 'gone', pickers: 1, expectedPerDay: 1, picksPerHour: 30 },
    ]);
  });
});

describe('promotion calendar', () => {
  const p = (from: number) => ({ paidFrom: from, paidUntil: from + 24 * H, shipBy: from + 72 * H });

  it('runs from the first payment to the ship-by', () => {
    expect(promotionState(p(10 * H), 0)).toBe('upcoming');
    expect(promotionState(p(0), 50 * H)).toBe('active');
    expect(promotionState(p(0), 73 * H)).toBe('ended');
  });

  it('lists running, then upcoming soonest first, then past latest first', () => {
    const now = 1000 * H;
    const list = [p(0), p(2000 * H), p(1500 * H), p(990 * H), p(100 * H)];
    expect(calendarOrder(list, now).map((x) => x.paidFrom / H)).toEqual([990, 1500, 2000, 100, 0]);
  });

  it('puts every promotion and now on one scale', () => {
    const tl = timeline([p(100 * H)], 0);
    expect(tl.from).toBe(0);
    expect(tl.to).toBe(172 * H);
    expect(tl.nowAt).toBe(0);
    expect(tl.bars[0]!.left).toBeCloseTo((100 / 172) * 100);
    expect(tl.bars[0]!.paidWidth + tl.bars[0]!.shipWidth).toBeCloseTo((72 / 172) * 100);
  });

  it('refuses a window that ends before it starts or a ship-by before the first payment', () => {
    expect(spanProblem({ paidFrom: 2, paidUntil: 1, shipBy: 5 })).toBe(true);
    expect(spanProblem({ paidFrom: 2, paidUntil: 3, shipBy: 1 })).toBe(true);
    expect(spanProblem({ paidFrom: 2, paidUntil: 3, shipBy: 5 })).toBe(false);
  });
});

describe('warehouse wall time', () => {
  it('reads and writes datetime-local values in the warehouse zone', () => {
    const ms = Date.UTC(2026, 10, 10, 16, 0); // 11 Nov 00:00 in Shanghai
    expect(toWallInput(ms, 'Asia/Shanghai')).toBe('2026-11-11T00:00');
    expect(fromWallInput('2026-11-11T00:00', 'Asia/Shanghai')).toBe(ms);
    expect(fromWallInput('2026-03-29T12:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 10, 30));
    expect(fromWallInput('', 'Asia/Shanghai')).toBeNull();
  });
});

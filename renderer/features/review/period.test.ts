import { describe, expect, it } from 'vitest';
import {
  dayKey,
  handoverPeriod,
  reviewPeriod,
  shiftPeriod,
  shiftStarts,
  startOfDay,
  zonedParts,
  zonedToEpoch,
} from './period';

const SH = 'Asia/Shanghai';
const H = 3_600_000;
// 2026-11-11 10:30 in Shanghai (UTC+8), a Wednesday.
const NOW = Date.UTC(2026, 10, 11, 2, 30);

describe('review periods', () => {
  it('reads wall-clock parts and turns them back into instants', () => {
    expect(zonedParts(NOW, SH)).toEqual({ year: 2026, month: 11, day: 11, hour: 10, minute: 30, weekday: 3 });
    expect(zonedToEpoch(SH, 2026, 11, 11, 10, 30)).toBe(NOW);
    expect(zonedToEpoch(SH, 2026, 12, 0)).toBe(Date.UTC(2026, 10, 29, 16)); // 30 Nov, 00:00
    expect(dayKey(NOW, SH)).toBe('2026-11-11');
    expect(dayKey(Date.UTC(2026, 10, 11, 16, 0), SH)).toBe('2026-11-12');
  });

  it('follows daylight saving where the zone has it', () => {
    // Berlin switched to summer time on 29 March 2026: midnight is at 23:00 UTC before, 22:00 UTC after.
    expect(startOfDay(Date.UTC(2026, 2, 28, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 27, 23));
    expect(startOfDay(Date.UTC(2026, 2, 30, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 22));
    expect(zonedToEpoch('Europe/Berlin', 2026, 3, 29, 12)).toBe(Date.UTC(2026, 2, 29, 10));
  });

  it('gives the dashboards today, the last 7 or the last 30 days up to now', () => {
    const midnight = Date.UTC(2026, 10, 10, 16);
    expect(reviewPeriod('today', NOW, SH)).toEqual({ from: midnight, to: NOW });
    expect(reviewPeriod('7d', NOW, SH)).toEqual({ from: midnight - 6 * 24 * H, to: NOW });
    expect(reviewPeriod('30d', NOW, SH).from).toBe(midnight - 29 * 24 * H);
  });

  it('finds the roster shifts and the shift a moment falls in, across midnight', () => {
    expect(
      shiftStarts([
        { shiftStart: '14:00' },
        { shiftStart: '06:00' },
        { shiftStart: '22:00' },
        { shiftStart: '6:00' },
      ]),
    ).toEqual(['06:00', '14:00', '22:00']);
    expect(shiftStarts([])).toEqual(['06:00', '14:00', '22:00']);
    const starts = ['06:00', '14:00', '22:00'];
    // 10:30 → the day shift 06:00-14:00; the one before is last night's 22:00-06:00.
    expect(shiftPeriod(NOW, SH, starts)).toEqual({ from: NOW - 4.5 * H, to: NOW + 3.5 * H });
    expect(shiftPeriod(NOW, SH, starts, 1)).toEqual({ from: NOW - 12.5 * H, to: NOW - 4.5 * H });
    // 02:00 belongs to the night shift that began at 22:00 the day before.
    const night = zonedToEpoch(SH, 2026, 11, 12, 2);
    expect(shiftPeriod(night, SH, starts)).toEqual({ from: night - 4 * H, to: night + 4 * H });
    // Exactly at a boundary the new shift has begun.
    const two = zonedToEpoch(SH, 2026, 11, 11, 14);
    expect(shiftPeriod(two, SH, starts).from).toBe(two);
  });

  it('gives the handover report a shift or a day', () => {
    const starts = ['06:00', '14:00', '22:00'];
    const midnight = Date.UTC(2026, 10, 10, 16);
    expect(handoverPeriod('shift', NOW, SH, starts)).toEqual(shiftPeriod(NOW, SH, starts));
    expect(handoverPeriod('previousShift', NOW, SH, starts)).toEqual(shiftPeriod(NOW, SH, starts, 1));
    expect(handoverPeriod('today', NOW, SH, starts)).toEqual({ from: midnight, to: midnight + 24 * H });
    expect(handoverPeriod('yesterday', NOW, SH, starts)).toEqual({ from: midnight - 24 * H, to: midnight });
  });
});

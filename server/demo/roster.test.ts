import { describe, expect, it } from 'vitest';
import { SHIFTS, ZONES } from './catalog';
import { absentZones, rosterAt, type RosterPicker } from './roster';
import { cutoffAfter, dayStart, endOfNextDay, minuteOfDay, shiftStartAt } from './time';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 11, 2); // Wednesday 11 November 2026, 10:00 in Hangzhou
const PICKERS: RosterPicker[] = ZONES.flatMap((z) =>
  [0, 1, 2, 3].map((i) => ({
    id: `pk-${z.code}${i + 1}`,
    zoneId: z.code,
    shiftStart: SHIFTS[i % 3]![0],
    shiftEnd: SHIFTS[i % 3]![1],
  })),
);

describe('warehouse time', () => {
  it('reads the wall clock in Hangzhou', () => {
    expect(minuteOfDay(T0)).toBe(600);
    expect(dayStart(T0)).toBe(Date.UTC(2026, 10, 10, 16));
    expect(endOfNextDay(T0)).toBe(Date.UTC(2026, 10, 12, 15, 59));
  });

  it('finds the next courier pickup, skipping some when asked', () => {
    const cutoffs = ['17:00', '11:00'];
    expect(cutoffAfter(T0, cutoffs)).toBe(T0 + H); // 11:00 today
    expect(cutoffAfter(T0 + H, cutoffs)).toBe(T0 + H); // exactly at the cut-off still makes it
    expect(cutoffAfter(T0 + H + 1, cutoffs)).toBe(T0 + 7 * H);
    expect(cutoffAfter(T0, cutoffs, 2)).toBe(T0 + 25 * H); // 11:00 tomorrow
  });

  it('places overnight shifts on the day they started', () => {
    expect(shiftStartAt('22:00', '06:00', T0 - 8 * H)).toBe(T0 - 12 * H); // 02:00 belongs to yesterday's 22:00
    expect(shiftStartAt('06:00', '14:00', T0)).toBe(T0 - 4 * H);
    expect(shiftStartAt('14:00', '22:00', T0)).toBeNull();
  });
});

describe('the roster', () => {
  it('has the pickers of the current shift working and everyone else off', () => {
    const status = rosterAt(11, PICKERS, T0, false);
    for (const p of PICKERS) {
      const working = p.shiftStart === '06:00';
      expect(status.get(p.id) === 'off').toBe(!working);
    }
  });

  it('misses two pickers in every shift of a surge, and at most one on a normal day', () => {
    for (let h = 0; h < 72; h += 8) {
      const t = T0 + h * H;
      const absent = (surge: boolean) =>
        [...rosterAt(11, PICKERS, t, surge).values()].filter((s) => s === 'absent');
      expect(absent(true)).toHaveLength(2);
      expect(absent(false).length).toBeLessThanOrEqual(1);
      expect(absentZones(11, PICKERS, t, true).size).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps an absence for the whole shift and gives everyone a half-hour break', () => {
    const shift = T0 - 4 * H; // 06:00
    const during = (m: number) => rosterAt(3, PICKERS, shift + m * 60_000, true);
    const absent = [...during(1).entries()].filter(([, s]) => s === 'absent').map(([id]) => id);
    for (let m = 1; m < 480; m += 29) for (const id of absent) expect(during(m).get(id)).toBe('absent');
    const working = PICKERS.filter((p) => p.shiftStart === '06:00' && !absent.includes(p.id));
    for (const p of working) {
      const breaks = Array.from({ length: 480 }, (_, m) => during(m).get(p.id)).filter((s) => s === 'break');
      expect(breaks).toHaveLength(30);
    }
  });
});

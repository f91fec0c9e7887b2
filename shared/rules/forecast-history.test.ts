import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blendRate,
  DEFAULT_PICK_RATE_PER_PICKER_HOUR,
  measurePickRates,
  probDoneWithin,
  quantile,
  RATE_PRIOR_HOURS,
  remainingQuantile,
  summarizeDurations,
  survivalAt,
  survivalCurve,
  throughputPerHour,
  type PickRecord,
} from './forecast-history';

const HOUR = 3_600_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 4, 0, 0);

describe('quantiles and summaries', () => {
  it('interpolates between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarizes durations, ignoring negative and missing ones', () => {
    expect(summarizeDurations([30, 10, 20, -5, Number.NaN])).toEqual({ n: 3, p50: 20, p90: 28, mean: 20 });
    expect(summarizeDurations([])).toBeNull();
  });

  it('blends an observed rate with the prior by the evidence behind each', () => {
    expect(blendRate(4, 12, 12, 12)).toBe(8);
    expect(blendRate(0, 0, 12, 12)).toBe(12);
    expect(blendRate(5, 1000, 12, 0)).toBe(5);
  });

  it('counts events per hour in a window', () => {
    const times = [T0 - 1, T0, T0 + 10 * MIN, T0 + HOUR, T0 + 2 * HOUR];
    expect(throughputPerHour(times, T0, T0 + 2 * HOUR)).toBe(1.5);
    expect(throughputPerHour(times, T0, T0)).toBe(0);
  });
});

describe('measurePickRates', () => {
  // Zone A: three worked hours with 6, 8 and 10 picks, two pickers rostered in each: 3, 4 and 5 an hour each.
  const picks: PickRecord[] = [];
  [6, 8, 10].forEach((n, h) => {
    for (let i = 0; i < n; i++) {
      const pickedAt = T0 + h * HOUR + i * MIN;
      picks.push({
        zoneId: 'A',
        pickingStartedAt: pickedAt - 10 * MIN,
        pickedAt,
        packedAt: pickedAt + 30 * MIN,
      });
    }
  });
  // Picked while nobody was rostered (a lead picking by hand): not evidence of a picker's rate.
  picks.push({ zoneId: 'A', pickingStartedAt: null, pickedAt: T0 + 5 * HOUR, packedAt: null });
  // Outside the window and in a zone nobody asked about.
  picks.push({ zoneId: 'A', pickingStartedAt: null, pickedAt: T0 - HOUR, packedAt: null });
  picks.push({ zoneId: 'Z', pickingStartedAt: null, pickedAt: T0, packedAt: null });
  const rostered = (zoneId: string, hourStart: number) =>
    zoneId === 'A' && hourStart < T0 + 3 * HOUR ? 2 : 0;

  it('takes the busy-hour rate, blended with the default by the evidence', () => {
    const [a, b] = measurePickRates({ zoneIds: ['A', 'B'], from: T0, to: T0 + 24 * HOUR, picks, rostered });
    expect(a).toMatchObject({ zoneId: 'A', measuredRate: 4.5, workedHours: 3, picks: 25 });
    expect(a!.ratePerPickerHour).toBeCloseTo(
      (4.5 * 3 + DEFAULT_PICK_RATE_PER_PICKER_HOUR * RATE_PRIOR_HOURS) / (3 + RATE_PRIOR_HOURS),
    );
    expect(a!.pickMinutes).toMatchObject({ n: 24, p50: 10 });
    expect(a!.packMinutes).toMatchObject({ n: 24, p50: 30 });
    expect(b).toEqual({
      zoneId: 'B',
      ratePerPickerHour: DEFAULT_PICK_RATE_PER_PICKER_HOUR,
      measuredRate: null,
      workedHours: 0,
      picks: 0,
      pickMinutes: null,
      packMinutes: null,
    });
  });

  it('moves from the default towards the measured rate as history grows', () => {
    const many: PickRecord[] = [];
    for (let h = 0; h < 200; h++)
      for (let i = 0; i < 3; i++)
        many.push({ zoneId: 'A', pickingStartedAt: null, pickedAt: T0 + h * HOUR + i * MIN, packedAt: null });
    const [a] = measurePickRates({
      zoneIds: ['A'],
      from: T0,
      to: T0 + 200 * HOUR,
      picks: many,
      rostered: () => 1,
    });
    expect(a!.measuredRate).toBe(3);
    expect(a!.ratePerPickerHour).toBeGreaterThan(3);
    expect(a!.ratePerPickerHour).toBeLessThan(4);
  });
});

describe('survival of durations (Kaplan-Meier)', () => {
  // 1 h done, 2 h still running, 3 h and 4 h done.
  const curve = survivalCurve([
    { durationMs: 3 * HOUR, observed: true },
    { durationMs: 1 * HOUR, observed: true },
    { durationMs: 2 * HOUR, observed: false },
    { durationMs: 4 * HOUR, observed: true },
  ]);

  it('steps down at each completed duration, counting running ones while they are at risk', () => {
    expect(curve.times).toEqual([HOUR, 3 * HOUR, 4 * HOUR]);
    expect(curve.survival).toEqual([0.75, 0.375, 0]);
    expect(curve).toMatchObject({ samples: 4, observed: 3 });
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 2.5 * HOUR)).toBe(0.75);
    expect(survivalAt(curve, 3 * HOUR)).toBe(0.375);
  });

  it('answers how long is still to go, and how likely it ends soon, for something already running', () => {
    expect(remainingQuantile(curve, 0, 0.5)).toBe(3 * HOUR);
    expect(remainingQuantile(curve, 2 * HOUR, 0.5)).toBe(HOUR);
    expect(remainingQuantile(curve, 2 * HOUR, 0)).toBe(0);
    expect(probDoneWithin(curve, 2 * HOUR, HOUR)).toBe(0.5);
    expect(probDoneWithin(curve, 5 * HOUR, HOUR)).toBe(0);
    expect(remainingQuantile(curve, 5 * HOUR, 0.5)).toBe(Infinity);
    // Nothing ever finished: no answer.
    expect(remainingQuantile(survivalCurve([{ durationMs: HOUR, observed: false }]), 0, 0.5)).toBe(Infinity);
  });

  const samples = fc.array(
    fc.record({ durationMs: fc.integer({ min: 0, max: 100 }).map((m) => m * MIN), observed: fc.boolean() }),
    { maxLength: 40 },
  );

  it('is the plain share still running when nothing is censored', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 100 }), (s, m) => {
        const done = s.map((x) => ({ ...x, observed: true }));
        const share = done.length ? done.filter((x) => x.durationMs > m * MIN).length / done.length : 1;
        expect(survivalAt(survivalCurve(done), m * MIN)).toBeCloseTo(share, 12);
      }),
    );
  });

  it('never rises, and a higher quantile never means less time to go', () => {
    fc.assert(
      fc.property(
        samples,
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, e, q) => {
          const c = survivalCurve(s);
          c.survival.forEach((v, i) => expect(v).toBeLessThanOrEqual(i ? c.survival[i - 1]! : 1));
          const lo = remainingQuantile(c, e * MIN, q * 0.5);
          const hi = remainingQuantile(c, e * MIN, q);
          expect(hi).toBeGreaterThanOrEqual(lo);
          const p = probDoneWithin(c, e * MIN, 30 * MIN);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});

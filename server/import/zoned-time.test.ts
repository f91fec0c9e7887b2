import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochToWall,
  formatWallClock,
  parseWallClock,
  parseZoned,
  wallMs,
  zonedToEpoch,
  type WallClock,
} from './zoned-time';

const ZONES = [
  'America/Sao_Paulo',
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Asia/Kolkata',
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC',
];
const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock at an instant, straight from Intl (independent of the code under test). */
function intlWall(t: number, zone: string): WallClock {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, Number(p.value)]));
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: 0,
  };
}

/** Offset changes of a zone over some years, found by bisection on Intl (again independent of the code). */
function transitions(zone: string, from: number, to: number): number[] {
  const offset = (t: number) => wallMs(intlWall(t, zone)) - t;
  const found: number[] = [];
  const step = 12 * HOUR;
  let before = offset(Date.UTC(from, 0, 1));
  for (let t = Date.UTC(from, 0, 1); t < Date.UTC(to, 0, 1); t += step) {
    const after = offset(t + step);
    if (after === before) continue;
    let [lo, hi] = [t, t + step];
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    before = after;
  }
  return found;
}
const NEAR = ZONES.flatMap((zone) => transitions(zone, 2015, 2025).map((t) => ({ zone, t })));

const utc = (iso: string) => Date.parse(iso);
const at = (text: string, zone: string) => parseZoned(text, zone);
// Whole seconds between 1971 and 2100: Intl formats seconds, not milliseconds.
const anyInstant = fc.integer({ min: 31_536_000, max: 4_102_444_800 }).map((s) => s * 1000);
// Half the cases within two hours of a real offset change, where the interesting answers are.
const nearChange = fc
  .tuple(fc.constantFrom(...NEAR), fc.integer({ min: -7200, max: 7200 }))
  .map(([n, s]) => ({ zone: n.zone, t: n.t + s * 1000 }));
const instantIn = fc.oneof(
  fc.tuple(anyInstant, fc.constantFrom(...ZONES)).map(([t, zone]) => ({ t, zone })),
  nearChange,
);

describe('parseWallClock', () => {
  it('reads the usual export formats and refuses impossible dates', () => {
    expect(parseWallClock('2018-09-01 00:00:00')).toMatchObject({ year: 2018, month: 9, day: 1, hour: 0 });
    expect(parseWallClock('2024/6/18 9:05')).toMatchObject({
      month: 6,
      day: 18,
      hour: 9,
      minute: 5,
      second: 0,
    });
    expect(parseWallClock('2024-06-18T10:00:00.25')).toMatchObject({ millisecond: 250 });
    for (const bad of [
      '',
      '2018-09-01',
      '2018-13-01 00:00:00',
      '2019-02-29 10:00:00',
      '2018-09-31 10:00:00',
      '2018-09-01 24:00:00',
      'yesterday',
      '2018-09-01 10:00:00Z',
    ])
      expect(parseWallClock(bad), bad).toBeNull();
    expect(parseWallClock('2020-02-29 10:00:00')).not.toBeNull();
  });
});

describe('zonedToEpoch', () => {
  it('finds the offset changes the tests lean on', () => {
    // São Paulo: DST from 2016-10-16 to 2017-02-19 etc., none from 2019; Shanghai and Kolkata: none.
    expect(transitions('America/Sao_Paulo', 2016, 2021).map((t) => new Date(t).toISOString())).toEqual([
      '2016-02-21T02:00:00.000Z',
      '2016-10-16T03:00:00.000Z',
      '2017-02-19T02:00:00.000Z',
      '2017-10-15T03:00:00.000Z',
      '2018-02-18T02:00:00.000Z',
      '2018-11-04T03:00:00.000Z',
      '2019-02-17T02:00:00.000Z',
    ]);
    expect(NEAR.filter((n) => n.zone === 'Asia/Shanghai' || n.zone === 'UTC')).toEqual([]);
  });

  it('converts known São Paulo times, including its DST years', () => {
    expect(at('2018-09-01 00:00:00', 'America/Sao_Paulo')).toBe(utc('2018-09-01T03:00:00Z'));
    expect(at('2017-01-10 12:00:00', 'America/Sao_Paulo')).toBe(utc('2017-01-10T14:00:00Z')); // DST, UTC-2
    expect(at('2019-12-01 12:00:00', 'America/Sao_Paulo')).toBe(utc('2019-12-01T15:00:00Z')); // no DST from 2019
    expect(at('2024-06-18 10:00:00', 'Asia/Shanghai')).toBe(utc('2024-06-18T02:00:00Z'));
  });

  it('moves a time in a DST gap forward by the gap', () => {
    // São Paulo skipped 2016-10-16 00:00-01:00; New York skipped 2021-03-14 02:00-03:00.
    expect(at('2016-10-16 00:30:00', 'America/Sao_Paulo')).toBe(utc('2016-10-16T03:30:00Z'));
    expect(
      formatWallClock(epochToWall(at('2016-10-16 00:30:00', 'America/Sao_Paulo')!, 'America/Sao_Paulo')),
    ).toBe('2016-10-16 01:30:00');
    expect(at('2021-03-14 02:30:00', 'America/New_York')).toBe(utc('2021-03-14T07:30:00Z'));
  });

  it('takes the earlier instant for a time that happens twice', () => {
    // São Paulo repeated 2017-02-18 23:00-24:00; New York repeated 2021-11-07 01:00-02:00.
    expect(at('2017-02-18 23:30:00', 'America/Sao_Paulo')).toBe(utc('2017-02-19T01:30:00Z'));
    expect(at('2021-11-07 01:30:00', 'America/New_York')).toBe(utc('2021-11-07T05:30:00Z'));
  });

  it('throws on an unknown zone', () => {
    expect(() => at('2024-01-01 00:00:00', 'Mars/Olympus_Mons')).toThrow(/unknown time zone/);
  });

  it('round-trips epoch → wall clock (Intl) → epoch, except the later pass through a repeated hour', () => {
    fc.assert(
      fc.property(instantIn, ({ t, zone }) => {
        const back = zonedToEpoch(intlWall(t, zone), zone);
        if (back === t) return;
        // Only the second occurrence of a repeated wall time may come back different: as the earlier one.
        expect(back).toBeLessThan(t);
        expect(t - back).toBeLessThanOrEqual(HOUR);
        expect(intlWall(back, zone)).toEqual(intlWall(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives an instant whose wall clock is the one asked for, or later by the gap when it does not exist', () => {
    const randomWall = fc
      .record({
        year: fc.integer({ min: 1971, max: 2099 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
      })
      .map((w): WallClock => ({ ...w, millisecond: 0 }));
    const wallIn = fc.oneof(
      fc.tuple(randomWall, fc.constantFrom(...ZONES)).map(([w, zone]) => ({ w, zone })),
      // Wall clocks around the change itself, so some fall in the skipped hour and some in the repeated one.
      fc.tuple(fc.constantFrom(...NEAR), fc.integer({ min: -7200, max: 7200 })).map(([n, s]) => ({
        w: epochToWall(wallMs(intlWall(n.t - 1000, n.zone)) + s * 1000, 'UTC'),
        zone: n.zone,
      })),
    );
    fc.assert(
      fc.property(wallIn, ({ w, zone }) => {
        const t = zonedToEpoch(w, zone);
        const shift = wallMs(intlWall(t, zone)) - wallMs(w);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(HOUR);
        if (shift > 0) {
          // w really is missing: the instant one gap earlier shows a wall clock before it, so nothing maps to w.
          expect(wallMs(intlWall(t - shift, zone))).toBeLessThan(wallMs(w));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with epochToWall on every instant it produces', () => {
    fc.assert(
      fc.property(instantIn, ({ t, zone }) => {
        expect(epochToWall(t, zone)).toEqual(intlWall(t, zone));
      }),
      { numRuns: 2000 },
    );
  });
});

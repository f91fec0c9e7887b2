import { describe, expect, it } from 'vitest';
import { nextCutoff, zonedTime } from './cutoff';

const SH = 'Asia/Shanghai';
// 2026-05-14 09:30 in Shanghai (UTC+8) is 01:30 UTC.
const morning = Date.UTC(2026, 4, 14, 1, 30);

describe('pickup cut-offs', () => {
  it('reads a wall-clock time in the warehouse time zone', () => {
    expect(zonedTime(2026, 5, 14, 17, 0, SH)).toBe(Date.UTC(2026, 4, 14, 9, 0));
    expect(zonedTime(2026, 5, 14, 24 + 1, 0, SH)).toBe(Date.UTC(2026, 4, 14, 17, 0));
  });

  it('finds the next cut-off today, in any order', () => {
    expect(nextCutoff(['21:30', '11:00', '17:00'], morning, SH)).toBe(Date.UTC(2026, 4, 14, 3, 0));
  });

  it('rolls over to the first cut-off tomorrow after the last one', () => {
    const night = Date.UTC(2026, 4, 14, 14, 0); // 22:00 in Shanghai
    expect(nextCutoff(['11:00', '17:00', '21:30'], night, SH)).toBe(Date.UTC(2026, 4, 15, 3, 0));
  });

  it('rolls over across a month end and when exactly at a cut-off', () => {
    const lastCutoff = Date.UTC(2026, 4, 31, 13, 30); // 21:30 on 31 May in Shanghai
    expect(nextCutoff(['11:00', '21:30'], lastCutoff, SH)).toBe(Date.UTC(2026, 5, 1, 3, 0));
  });

  it('has no next cut-off without cut-offs', () => {
    expect(nextCutoff([], morning, SH)).toBeNull();
  });

  it('handles a zone with daylight saving time', () => {
    // 2026-03-08 in New York: clocks go from 02:00 to 03:00; 09:00 local is 13:00 UTC (EDT, -4).
    const before = Date.UTC(2026, 2, 8, 5, 0); // 00:00 EST
    expect(nextCutoff(['09:00'], before, 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 13, 0));
  });
});

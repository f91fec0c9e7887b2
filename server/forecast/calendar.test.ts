import { describe, expect, it } from 'vitest';
import { pickupsBetween, shiftsBetween } from './calendar';

const HOUR = 3_600_000;

describe('calendar', () => {
  // 2026-11-11 10:00 in Hangzhou (UTC+8).
  const now = Date.UTC(2026, 10, 11, 2, 0);

  it('turns daily shifts into the occurrences overlapping a window, overnight ones included', () => {
    expect(shiftsBetween('06:00', '14:00', now, now + 12 * HOUR, 'Asia/Shanghai')).toEqual([
      { from: Date.UTC(2026, 10, 10, 22), to: Date.UTC(2026, 10, 11, 6) },
    ]);
    expect(shiftsBetween('22:00', '06:00', now, now + 24 * HOUR, 'Asia/Shanghai')).toEqual([
      { from: Date.UTC(2026, 10, 11, 14), to: Date.UTC(2026, 10, 11, 22) },
    ]);
    expect(shiftsBetween('25:00', '06:00', now, now + 24 * HOUR, 'Asia/Shanghai')).toEqual([]);
  });

  it('lists the pickups at the cut-offs from now on, in order', () => {
    expect(pickupsBetween(['17:00', '11:00'], now, now + 24 * HOUR, 'Asia/Shanghai')).toEqual([
      Date.UTC(2026, 10, 11, 3),
      Date.UTC(2026, 10, 11, 9),
    ]);
    expect(pickupsBetween(['11:00'], now, now + 25 * HOUR, 'Asia/Shanghai')).toEqual([
      Date.UTC(2026, 10, 11, 3),
      Date.UTC(2026, 10, 12, 3),
    ]);
    expect(pickupsBetween([], now, now + 24 * HOUR, 'Asia/Shanghai')).toEqual([]);
  });

  it('follows the wall clock across a daylight-saving change', () => {
    // São Paulo went from UTC-3 to UTC-2 on 15 October 2017.
    const from = Date.UTC(2017, 9, 14, 0);
    expect(pickupsBetween(['12:00'], from, from + 48 * HOUR, 'America/Sao_Paulo')).toEqual([
      Date.UTC(2017, 9, 14, 15),
      Date.UTC(2017, 9, 15, 14),
    ]);
  });
});

// The warehouse's wall clock. The demo warehouse is in Hangzhou (Asia/Shanghai, UTC+8 all year: China has no
// daylight saving), so local times are a fixed offset from epoch milliseconds and need no time-zone library.
import { HOUR_MS, MINUTE_MS } from '../../shared/rules/clocks';

export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 8 * HOUR_MS;

/** Midnight (local) of the day containing t. */
export const dayStart = (t: number): number => t - ((((t + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS);

/** Minutes since local midnight. */
export const minuteOfDay = (t: number): number => Math.floor((t - dayStart(t)) / MINUTE_MS);

/** Local hour of the day as a real number (10.5 is half past ten). */
export const hourOfDay = (t: number): number => (t - dayStart(t)) / HOUR_MS;

/** "HH:MM" as minutes since midnight. */
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 23:59 local on the day after the day containing t (how promotions state their ship-by date). */
export const endOfNextDay = (t: number): number => dayStart(t) + 2 * DAY_MS - MINUTE_MS;

/**
 * The courier's pickup at or after t, skipping `skip` more: a parcel packed at 11:10 for a courier with
 * cut-offs 11:00 and 17:00 leaves at 17:00 (or at 11:00 the next day if one pickup is skipped).
 */
export function cutoffAfter(t: number, cutoffs: readonly string[], skip = 0): number {
  const minutes = [...cutoffs].map(toMinutes).sort((a, b) => a - b);
  if (!minutes.length) return t; // no fixed pickups: the courier collects whenever called
  let left = skip;
  for (let day = dayStart(t); ; day += DAY_MS) {
    for (const m of minutes) {
      const at = day + m * MINUTE_MS;
      if (at < t) continue;
      if (left-- === 0) return at;
    }
  }
}

/** The start of the shift [start, end) that contains t, or null when t is outside it (overnight shifts wrap). */
export function shiftStartAt(shiftStart: string, shiftEnd: string, t: number): number | null {
  const s = toMinutes(shiftStart);
  const length = (toMinutes(shiftEnd) - s + 1440) % 1440 || 1440;
  for (const day of [dayStart(t), dayStart(t) - DAY_MS]) {
    const start = day + s * MINUTE_MS;
    if (t >= start && t < start + length * MINUTE_MS) return start;
  }
  return null;
}

// Period maths for the review area, in the warehouse's time zone (not the computer's): the dashboards' ranges
// (today, the last 7 or 30 days) and the handover report's shifts. Wall-clock times are turned into instants
// through Intl, so daylight saving moves with the wall clock where a zone has it. Pure; tested beside.
import type { HandoverRange, ReviewRange } from '../../state/store';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** [from, to) in epoch ms. */
export interface Period {
  from: number;
  to: number;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** The instant a wall-clock time has in the zone (month and day may overflow: day 0 is the last of before). */
export function zonedToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the guess.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - seen;
  }
  return guess;
}

/** "2026-11-26": the day of an instant in the zone. */
export function dayKey(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Midnight of the day `ms` falls in, `offsetDays` days later (negative: earlier). */
export function startOfDay(ms: number, timeZone: string, offsetDays = 0): number {
  const p = zonedParts(ms, timeZone);
  return zonedToEpoch(timeZone, p.year, p.month, p.day + offsetDays);
}

/** The dashboards' range: from midnight of the first day to now. */
export function reviewPeriod(range: ReviewRange, now: number, timeZone: string): Period {
  const days = range === 'today' ? 1 : range === '7d' ? 7 : 30;
  return { from: startOfDay(now, timeZone, 1 - days), to: now };
}

/** "HH:MM" → minutes after midnight, or null. */
function minutesOf(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value < DAY / MINUTE ? value : null;
}

/** The demo warehouse's three shifts; used when the roster says nothing. */
export const DEFAULT_SHIFT_STARTS = ['06:00', '14:00', '22:00'] as const;

/** The distinct shift starts of a roster, in the day's order. */
export function shiftStarts(roster: Iterable<{ shiftStart: string }>): string[] {
  const starts = new Set<number>();
  for (const p of roster) {
    const m = minutesOf(p.shiftStart);
    if (m !== null) starts.add(m);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  if (!sorted.length) return [...DEFAULT_SHIFT_STARTS];
  return sorted.map(
    (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  );
}

/** The shift `now` falls in (`back` = 1: the one before it), from its start to the next start. */
export function shiftPeriod(now: number, timeZone: string, starts: readonly string[], back = 0): Period {
  const minutes = starts.map(minutesOf).filter((m): m is number => m !== null);
  if (!minutes.length) return shiftPeriod(now, timeZone, DEFAULT_SHIFT_STARTS, back);
  // Every shift boundary from two days before to a day after, as instants; find the one at or before now.
  const boundaries: number[] = [];
  for (let d = -2; d <= 1; d++) {
    const p = zonedParts(now, timeZone);
    for (const m of minutes)
      boundaries.push(zonedToEpoch(timeZone, p.year, p.month, p.day + d, Math.floor(m / 60), m % 60));
  }
  boundaries.sort((a, b) => a - b);
  let at = 0;
  for (let i = 0; i < boundaries.length; i++) if (boundaries[i]! <= now) at = i;
  const start = Math.max(0, at - back);
  return { from: boundaries[start]!, to: boundaries[start + 1] ?? boundaries[start]! + DAY / 3 };
}

/** The handover report's period. */
export function handoverPeriod(
  range: HandoverRange,
  now: number,
  timeZone: string,
  starts: readonly string[],
): Period {
  switch (range) {
    case 'shift':
      return shiftPeriod(now, timeZone, starts);
    case 'previousShift':
      return shiftPeriod(now, timeZone, starts, 1);
    case 'today':
      return { from: startOfDay(now, timeZone), to: startOfDay(now, timeZone, 1) };
    case 'yesterday':
      return { from: startOfDay(now, timeZone, -1), to: startOfDay(now, timeZone) };
  }
}

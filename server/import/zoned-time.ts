// Wall-clock times ("YYYY-MM-DD HH:MM:SS" as an export or a person writes them) in an IANA time zone, to and
// from epoch milliseconds, with Intl only. A wall time that does not exist (the hour skipped when DST starts)
// moves forward by the gap; one that exists twice (the hour repeated when DST ends) takes the earlier instant:
// Temporal's 'compatible' disambiguation, which is also what most databases do.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const WALL_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Parses "YYYY-MM-DD HH:MM[:SS[.mmm]]" (also with "/" or "T"); null when it is not a real calendar time. */
export function parseWallClock(text: string): WallClock | null {
  const m = WALL_RE.exec(text.trim());
  if (!m) return null;
  const w = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: m[7] ? Number(m[7].padEnd(3, '0')) : 0,
  };
  if (w.month < 1 || w.month > 12 || w.hour > 23 || w.minute > 59 || w.second > 59 || w.day < 1) return null;
  if (w.day > DAYS_IN_MONTH[w.month - 1]! || (w.month === 2 && w.day === 29 && !leap(w.year))) return null;
  return w;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The wall clock read as if it were UTC (setUTCFullYear keeps years below 100 literal). */
export function wallMs(w: WallClock): number {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  d.setUTCFullYear(w.year);
  return d.getTime();
}

export function formatWallClock(w: WallClock): string {
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets of one zone, cached per 6-hour span of UTC: two Intl calls tell whether the span has one offset,
 * and a binary search finds the instant it changes when it does not. Intl is slow (microseconds per call)
 * and an import converts several timestamps per row, so without the cache the zone lookup would dominate.
 * Assumes at most one offset change per span, which holds for every zone's rules.
 */
class ZoneOffsets {
  private static readonly SPAN = 6 * HOUR;
  private readonly format: Intl.DateTimeFormat;
  private readonly spans = new Map<number, { before: number; after: number; at: number }>();

  constructor(zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local minus UTC, in ms, at instant t. */
  offsetAt(t: number): number {
    const index = Math.floor(t / ZoneOffsets.SPAN);
    let span = this.spans.get(index);
    if (!span) {
      if (this.spans.size > 50_000) this.spans.clear();
      span = this.measure(index * ZoneOffsets.SPAN, (index + 1) * ZoneOffsets.SPAN - 1000);
      this.spans.set(index, span);
    }
    return t < span.at ? span.before : span.after;
  }

  private measure(start: number, end: number) {
    const before = this.intlOffset(start);
    const after = this.intlOffset(end);
    if (before === after) return { before, after, at: start };
    let lo = start; // offset `before` here
    let hi = end; // offset `after` here
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.intlOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, at: hi };
  }

  private intlOffset(t: number): number {
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(t)) parts[p.type] = p.value;
    const local = wallMs({
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
      millisecond: 0,
    });
    return local - (t - (((t % 1000) + 1000) % 1000));
  }
}

const zones = new Map<string, ZoneOffsets>();
function offsets(zone: string): ZoneOffsets {
  let z = zones.get(zone);
  if (!z) {
    if (!isTimeZone(zone)) throw new RangeError(`unknown time zone "${zone}"`);
    z = new ZoneOffsets(zone);
    zones.set(zone, z);
  }
  return z;
}

/** The zone's offset from UTC at an instant, in ms (e.g. -3 h for São Paulo in winter). */
export const zoneOffset = (t: number, zone: string): number => offsets(zone).offsetAt(t);

/** The instant a wall-clock time in the zone names ('compatible': gaps forward, overlaps the earlier). */
export function zonedToEpoch(w: WallClock, zone: string): number {
  const z = offsets(zone);
  const local = wallMs(w);
  // The offsets a day either side bracket any change near this wall time.
  const before = z.offsetAt(local - DAY);
  const after = z.offsetAt(local + DAY);
  const early = local - before;
  const late = local - after;
  const earlyFits = z.offsetAt(early) === before;
  const lateFits = z.offsetAt(late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early; // in the gap: keep the offset from before it, which lands after the gap by its length
}

/** The wall clock in the zone at an instant. */
export function epochToWall(t: number, zone: string): WallClock {
  const d = new Date(t + zoneOffset(t, zone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** Parses a wall-clock text in the zone; null when it is not a valid time. */
export function parseZoned(text: string, zone: string): number | null {
  const w = parseWallClock(text);
  return w ? zonedToEpoch(w, zone) : null;
}

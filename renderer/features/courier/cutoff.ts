// Pickup cut-offs are wall-clock times ("HH:MM") in the warehouse's time zone; the countdown runs against server
// time. These helpers turn "the next 17:00 in Asia/Shanghai" into an instant without trusting the desk's own
// time zone.
const partFormats = new Map<string, Intl.DateTimeFormat>();

function parts(ms: number, timeZone: string) {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time happens in a zone (day may overflow: Date.UTC normalises it). */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetAt(wall, timeZone);
  // A second pass settles the guess when a DST change lies between the wall time and the first guess.
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** The next cut-off strictly after `now` (today's if one is left, else tomorrow's first), or null if none. */
export function nextCutoff(cutoffs: readonly string[], now: number, timeZone: string): number | null {
  if (!cutoffs.length) return null;
  const today = parts(now, timeZone);
  const times = cutoffs
    .map((hhmm) => hhmm.split(':').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const dayOffset of [0, 1]) {
    for (const [h, m] of times) {
      const at = zonedTime(today.year, today.month, today.day + dayOffset, h, m, timeZone);
      if (at > now) return at;
    }
  }
  return null;
}

// Wall-clock schedules ("HH:MM" shifts and courier cut-offs, in the warehouse's time zone) turned into the
// epoch instants the forecast works with. Every local day is converted on its own, so a daylight-saving change
// moves the instants with the wall clock (São Paulo had DST until 2019; China has none).
import { epochToWall, zonedToEpoch, type WallClock } from '../import/zoned-time';
import type { Shift } from '../../shared/rules/forecast';

const DAY = 86_400_000;

const hhmm = (text: string): { hour: number; minute: number } | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
};

/** The local dates (as wall clocks at midnight) from the day before `from` to the day after `to`. */
function localDays(from: number, to: number, zone: string): WallClock[] {
  const first = epochToWall(from - DAY, zone);
  const last = epochToWall(to + DAY, zone);
  const days: WallClock[] = [];
  const end = Date.UTC(last.year, last.month - 1, last.day);
  for (let d = Date.UTC(first.year, first.month - 1, first.day); d <= end; d += DAY) {
    const date = new Date(d);
    days.push({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
  }
  return days;
}

const at = (day: WallClock, time: { hour: number; minute: number }, zone: string, plusDays = 0): number => {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + plusDays));
  return zonedToEpoch(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: time.hour,
      minute: time.minute,
      second: 0,
      millisecond: 0,
    },
    zone,
  );
};

/** The shift's occurrences overlapping [from, to); a shift whose end is not after its start runs overnight. */
export function shiftsBetween(start: string, end: string, from: number, to: number, zone: string): Shift[] {
  const s = hhmm(start);
  const e = hhmm(end);
  if (!s || !e) return [];
  const overnight = e.hour * 60 + e.minute <= s.hour * 60 + s.minute;
  const out: Shift[] = [];
  for (const day of localDays(from, to, zone)) {
    const shift = { from: at(day, s, zone), to: at(day, e, zone, overnight ? 1 : 0) };
    if (shift.to > from && shift.from < to) out.push(shift);
  }
  return out;
}

/** The pickups at the given daily cut-offs in [from, to], ascending. */
export function pickupsBetween(cutoffs: readonly string[], from: number, to: number, zone: string): number[] {
  const times = cutoffs.map(hhmm).filter((t) => t !== null);
  const out = new Set<number>();
  for (const day of localDays(from, to, zone))
    for (const t of times) {
      const p = at(day, t, zone);
      if (p >= from && p <= to) out.add(p);
    }
  return [...out].sort((a, b) => a - b);
}

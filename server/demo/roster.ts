// Who is on the floor: a picker's status at any instant, as a pure function of the seed, the roster and the
// time. The seed writes it and the simulator keeps it current, and both agree because neither remembers it.
// Absence is decided per shift (someone called in sick for the whole shift); on a promotion night two pickers
// of every shift are missing, on a normal day at most one and only on about half the shifts.
import type { PickerStatus } from '../../shared/schemas/enums';
import { MINUTE_MS } from '../../shared/rules/clocks';
import { hashSeed, hashUnit } from './random';
import { shiftStartAt } from './time';

export interface RosterPicker {
  id: string;
  zoneId: string;
  shiftStart: string;
  shiftEnd: string;
}

/** Share of normal shifts with one picker absent; a surge shift always misses two. */
export const NORMAL_ABSENCE_CHANCE = 0.5;
export const SURGE_ABSENT_PER_SHIFT = 2;
const BREAK_MINUTES = 30;

/** The pickers absent for the shift that starts at `start` (every picker of that shift starts together). */
function absentees(seed: number, crew: readonly RosterPicker[], start: number, surge: boolean): Set<string> {
  const ranked = [...crew].sort(
    (a, b) => hashSeed(seed, a.id, start) - hashSeed(seed, b.id, start) || a.id.localeCompare(b.id),
  );
  const n = surge ? SURGE_ABSENT_PER_SHIFT : hashUnit(seed, 'absence', start) < NORMAL_ABSENCE_CHANCE ? 1 : 0;
  return new Set(ranked.slice(0, n).map((p) => p.id));
}

/** Every picker's status at t. */
export function rosterAt(
  seed: number,
  pickers: readonly RosterPicker[],
  t: number,
  surge: boolean,
): Map<string, PickerStatus> {
  const byShift = new Map<number, RosterPicker[]>();
  for (const p of pickers) {
    const start = shiftStartAt(p.shiftStart, p.shiftEnd, t);
    if (start !== null) byShift.set(start, [...(byShift.get(start) ?? []), p]);
  }
  const status = new Map<string, PickerStatus>(pickers.map((p) => [p.id, 'off']));
  for (const [start, crew] of byShift) {
    const absent = absentees(seed, crew, start, surge);
    for (const p of crew) {
      // A half-hour break about four hours in, staggered so a zone is rarely left empty.
      const breakAt = start + (240 + (hashSeed(p.id) % 4) * 15) * MINUTE_MS;
      const onBreak = t >= breakAt && t < breakAt + BREAK_MINUTES * MINUTE_MS;
      status.set(p.id, absent.has(p.id) ? 'absent' : onBreak ? 'break' : 'on_shift');
    }
  }
  return status;
}

/** Zones with a picker absent at t: their orders are the ones a picker's absence makes late. */
export function absentZones(
  seed: number,
  pickers: readonly RosterPicker[],
  t: number,
  surge: boolean,
): Set<string> {
  const status = rosterAt(seed, pickers, t, surge);
  return new Set(pickers.filter((p) => status.get(p.id) === 'absent').map((p) => p.zoneId));
}

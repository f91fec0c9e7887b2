// The surge area's pure logic (brief F15): a zone's capacity against the orders expected, the promotion
// calendar's states and timeline, and the warehouse-time conversions the promotion form needs.
import type { StaffingZone } from '../../../shared/schemas/surge';

/** One shift: each picker in the plan works one of the day's shifts (as the server's estimate assumes). */
export const SHIFT_HOURS = 8;
/** The server's default pick rate when history is too thin (server/analytics/capacity.ts). */
export const DEFAULT_PICKS_PER_HOUR = 30;

export interface ZoneRow extends StaffingZone {
  capacityPerDay: number;
  /** Orders a day beyond capacity; 0 when the zone keeps up. */
  shortfall: number;
  /** Extra picker shifts that close the shortfall at the zone's pick rate. */
  extraPickerShifts: number;
}

export function zoneRow(z: StaffingZone): ZoneRow {
  const perPickerDay = z.picksPerHour * SHIFT_HOURS;
  const capacityPerDay = Math.round(z.pickers * perPickerDay);
  const shortfall = Math.max(0, z.expectedPerDay - capacityPerDay);
  return {
    ...z,
    capacityPerDay,
    shortfall,
    extraPickerShifts: shortfall > 0 && perPickerDay > 0 ? Math.ceil(shortfall / perPickerDay) : 0,
  };
}

export interface PlanTotals {
  expectedPerDay: number;
  capacityPerDay: number;
  shortfall: number;
  extraPickerShifts: number;
  zonesShort: number;
}

/** Shortfalls are summed zone by zone: spare capacity in one zone does not pick another zone's orders. */
export function totals(rows: readonly ZoneRow[]): PlanTotals {
  return rows.reduce<PlanTotals>(
    (t, r) => ({
      expectedPerDay: t.expectedPerDay + r.expectedPerDay,
      capacityPerDay: t.capacityPerDay + r.capacityPerDay,
      shortfall: t.shortfall + r.shortfall,
      extraPickerShifts: t.extraPickerShifts + r.extraPickerShifts,
      zonesShort: t.zonesShort + (r.shortfall > 0 ? 1 : 0),
    }),
    { expectedPerDay: 0, capacityPerDay: 0, shortfall: 0, extraPickerShifts: 0, zonesShort: 0 },
  );
}

/**
 * The plan to show: the server's estimate per zone (expected orders, roster, default rate), overridden zone by
 * zone by what a lead saved. Zones the lead saved that the estimate no longer knows stay, so nothing saved
 * silently disappears.
 */
export function mergePlan(
  estimate: readonly { zoneId: string; pickers: number; expectedPerDay: number }[],
  saved: readonly StaffingZone[],
): StaffingZone[] {
  const byZone = new Map(saved.map((z) => [z.zoneId, z]));
  const rows: StaffingZone[] = estimate.map(
    (e) =>
      byZone.get(e.zoneId) ?? {
        zoneId: e.zoneId,
        expectedPerDay: e.expectedPerDay,
        pickers: e.pickers,
        picksPerHour: DEFAULT_PICKS_PER_HOUR,
      },
  );
  const known = new Set(estimate.map((e) => e.zoneId));
  for (const z of saved) if (!known.has(z.zoneId)) rows.push(z);
  return rows;
}

export interface PromotionSpan {
  paidFrom: number;
  paidUntil: number;
  shipBy: number;
}

export type PromotionState = 'upcoming' | 'active' | 'ended';

/** A promotion runs from its first payment to its ship-by: the warehouse is busy with it all that time. */
export function promotionState(p: PromotionSpan, now: number): PromotionState {
  if (now < p.paidFrom) return 'upcoming';
  return now <= Math.max(p.paidUntil, p.shipBy) ? 'active' : 'ended';
}

/** Running promotions first, then upcoming ones soonest first, then past ones latest first. */
export function calendarOrder<T extends PromotionSpan>(promos: readonly T[], now: number): T[] {
  const rank = { active: 0, upcoming: 1, ended: 2 } as const;
  return [...promos].sort((a, b) => {
    const ra = rank[promotionState(a, now)];
    const rb = rank[promotionState(b, now)];
    if (ra !== rb) return ra - rb;
    return ra === 2 ? b.paidFrom - a.paidFrom : a.paidFrom - b.paidFrom;
  });
}

export interface TimelineBar {
  /** Percent of the timeline's width. */
  left: number;
  paidWidth: number;
  /** From the end of payment to the ship-by: the shipping tail. */
  shipWidth: number;
}

export interface Timeline {
  from: number;
  to: number;
  nowAt: number;
  bars: TimelineBar[];
}

/** Bars on one scale covering every promotion and now, so a lead sees what is coming relative to today. */
export function timeline(promos: readonly PromotionSpan[], now: number): Timeline {
  const starts = promos.map((p) => p.paidFrom);
  const ends = promos.map((p) => Math.max(p.paidUntil, p.shipBy));
  const from = Math.min(now, ...starts);
  const to = Math.max(now, ...ends);
  const span = Math.max(1, to - from);
  const pct = (ms: number) => (ms / span) * 100;
  return {
    from,
    to,
    nowAt: pct(now - from),
    bars: promos.map((p) => ({
      left: pct(p.paidFrom - from),
      paidWidth: pct(p.paidUntil - p.paidFrom),
      shipWidth: pct(Math.max(0, p.shipBy - p.paidUntil)),
    })),
  };
}

/** The form's rule, as the server's plus one: ship-by cannot come before the first payment. */
export function spanProblem(p: PromotionSpan): boolean {
  return !(p.paidFrom <= p.paidUntil && p.paidFrom <= p.shipBy);
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function wallParts(ms: number, timeZone: string): Record<string, number> {
  let f = partsFormats.get(timeZone);
  if (!f)
    partsFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })),
    );
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the `datetime-local` value for the warehouse's wall clock ("2026-11-11T00:00"). */
export function toWallInput(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/**
 * A `datetime-local` value read as the warehouse's wall clock → epoch ms (null if not a date). Promotions are
 * announced in the warehouse's time ("11 Nov 00:00"), whatever the desk computer's own zone is.
 */
export function fromWallInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment; a second pass settles values near an offset change.
  let ms = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = wallParts(ms, timeZone);
    const wallAsUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute);
    ms = asUtc - (wallAsUtc - ms);
  }
  return ms;
}

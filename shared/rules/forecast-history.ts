// Rates and durations measured from history, for the breach forecast (forecast.ts). Pure: the server and the
// Olist backtest pass in the rows they read.
//
// - Pick rate per picker-hour (per zone): from the picked times of the last days and the pickers rostered in
//   each hour. Average throughput understates capacity (pickers wait when there is nothing to pick), so the
//   rate is what the zone achieved in its busier hours: the upper quartile, over the hours in which something
//   was picked, of (orders picked in the hour / pickers rostered in it). It is blended with a default in
//   proportion to the evidence (RATE_PRIOR_HOURS worth of hours at the default), so a zone with a few
//   hours of history gets a rate between the two and one with none gets the default.
// - Durations (pick: started to picked; pack: picked to packed; a seller's handling: paid to handed over)
//   as quantiles, and as a survival curve (Kaplan-Meier) when some are still running: an order not yet handed
//   over is a duration of at least its age, which ignoring would bias the estimate towards quick orders.
import { HOUR_MS } from './clocks';

/** 5 minutes an order: a typical single-line e-commerce pick, used where a zone has no history. */
export const DEFAULT_PICK_RATE_PER_PICKER_HOUR = 12;
/** How many worked hours of evidence the default counts as. */
export const RATE_PRIOR_HOURS = 12;
export const BUSY_HOUR_QUANTILE = 0.75;

/** The q-quantile of ascending values, interpolated between closest ranks (numpy's default); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const a = sorted[lo]!;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)]!;
  return a + (b - a) * (pos - lo);
}

export interface DurationSummary {
  n: number;
  p50: number;
  p90: number;
  mean: number;
}

/** n, median, 90th percentile and mean of durations (ms); null when there are none. */
export function summarizeDurations(durations: readonly number[]): DurationSummary | null {
  const sorted = durations.filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    mean: sorted.reduce((s, d) => s + d, 0) / sorted.length,
  };
}

/** Blends an observed rate with a prior: (observed × evidence + prior × priorWeight) / (evidence + priorWeight). */
export const blendRate = (observed: number, evidence: number, prior: number, priorWeight: number): number =>
  evidence + priorWeight > 0 ? (observed * evidence + prior * priorWeight) / (evidence + priorWeight) : prior;

export interface PickRecord {
  zoneId: string;
  pickingStartedAt: number | null;
  pickedAt: number;
  packedAt: number | null;
}

export interface PickRateInput {
  zoneIds: readonly string[];
  /** The window [from, to); `from` should be on an hour boundary. */
  from: number;
  to: number;
  picks: readonly PickRecord[];
  /** Pickers rostered in the zone during the hour that starts at `hourStart`. */
  rostered: (zoneId: string, hourStart: number) => number;
  defaultRate?: number;
}

export interface ZoneRate {
  zoneId: string;
  /** The rate the forecast uses (measured, blended with the default). */
  ratePerPickerHour: number;
  /** Busy-hour rate from history alone; null without any worked hour. */
  measuredRate: number | null;
  /** Hours with picks and a rostered picker: the evidence behind the measured rate. */
  workedHours: number;
  picks: number;
  pickMinutes: DurationSummary | null;
  packMinutes: DurationSummary | null;
}

const toMinutes = (s: DurationSummary | null): DurationSummary | null =>
  s && { n: s.n, p50: s.p50 / 60_000, p90: s.p90 / 60_000, mean: s.mean / 60_000 };

export function measurePickRates(input: PickRateInput): ZoneRate[] {
  const defaultRate = input.defaultRate ?? DEFAULT_PICK_RATE_PER_PICKER_HOUR;
  const byZone = new Map<string, PickRecord[]>(input.zoneIds.map((z) => [z, []]));
  for (const p of input.picks)
    if (p.pickedAt >= input.from && p.pickedAt < input.to) byZone.get(p.zoneId)?.push(p);
  return input.zoneIds.map((zoneId) => {
    const picks = byZone.get(zoneId) ?? [];
    const perHour = new Map<number, number>();
    for (const p of picks) {
      const h = input.from + Math.floor((p.pickedAt - input.from) / HOUR_MS) * HOUR_MS;
      perHour.set(h, (perHour.get(h) ?? 0) + 1);
    }
    const ratios: number[] = [];
    for (const [hourStart, n] of perHour) {
      const rostered = input.rostered(zoneId, hourStart);
      if (rostered > 0) ratios.push(n / rostered);
    }
    ratios.sort((a, b) => a - b);
    const measuredRate = ratios.length ? quantile(ratios, BUSY_HOUR_QUANTILE) : null;
    return {
      zoneId,
      ratePerPickerHour: blendRate(measuredRate ?? 0, ratios.length, defaultRate, RATE_PRIOR_HOURS),
      measuredRate,
      workedHours: ratios.length,
      picks: picks.length,
      pickMinutes: toMinutes(
        summarizeDurations(
          picks.flatMap((p) => (p.pickingStartedAt !== null ? [p.pickedAt - p.pickingStartedAt] : [])),
        ),
      ),
      packMinutes: toMinutes(
        summarizeDurations(picks.flatMap((p) => (p.packedAt !== null ? [p.packedAt - p.pickedAt] : []))),
      ),
    };
  });
}

/** Events per hour in [from, to) among ascending times. */
export function throughputPerHour(sortedTimes: readonly number[], from: number, to: number): number {
  if (!(to > from)) return 0;
  let lo = 0;
  let hi = sortedTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTimes[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < sortedTimes.length && sortedTimes[i]! < to; i++) n++;
  return n / ((to - from) / HOUR_MS);
}

// ---------------------------------------------------------------------------------------------------------
// Survival of durations with some still running (Kaplan-Meier)

export interface DurationSample {
  durationMs: number;
  /** false: still running, the duration is at least this long (censored). */
  observed: boolean;
}

export interface SurvivalCurve {
  /** Distinct observed durations, ascending, and P(duration > times[i]) just after each. */
  times: number[];
  survival: number[];
  samples: number;
  observed: number;
}

export function survivalCurve(samples: readonly DurationSample[]): SurvivalCurve {
  const sorted = [...samples].sort(
    (a, b) => a.durationMs - b.durationMs || Number(b.observed) - Number(a.observed),
  );
  const times: number[] = [];
  const survival: number[] = [];
  let atRisk = sorted.length;
  let s = 1;
  let observed = 0;
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i]!.durationMs;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.durationMs === t) {
      if (sorted[i]!.observed) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      times.push(t);
      survival.push(s);
      observed += events;
    }
    atRisk -= leaving;
  }
  return { times, survival, samples: sorted.length, observed };
}

/** P(duration > t). */
export function survivalAt(curve: SurvivalCurve, t: number): number {
  let lo = 0;
  let hi = curve.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : curve.survival[lo - 1]!;
}

/** P(done within `extra` more | still running after `elapsed`); 0 when nothing in history lasted that long. */
export function probDoneWithin(curve: SurvivalCurve, elapsed: number, extra: number): number {
  const s0 = survivalAt(curve, elapsed);
  return s0 > 0 ? 1 - survivalAt(curve, elapsed + Math.max(0, extra)) / s0 : 0;
}

/**
 * The q-quantile of the time still to go for something running for `elapsed`: the smallest x >= 0 with
 * P(done within x | running after elapsed) >= q. Infinity when history never gets there (its longest
 * durations were still running, or none lasted that long).
 */
export function remainingQuantile(curve: SurvivalCurve, elapsed: number, q: number): number {
  const s0 = survivalAt(curve, elapsed);
  if (!(s0 > 0)) return Infinity;
  if (q <= 0) return 0;
  const target = s0 * (1 - q);
  let lo = 0;
  let hi = curve.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.times[mid]! <= elapsed) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < curve.times.length; i++)
    if (curve.survival[i]! <= target + 1e-12) return curve.times[i]! - elapsed;
  return Infinity;
}

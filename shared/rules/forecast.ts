// Breach forecast (brief F14, "from rescuing to preventing"): which orders will miss their ship-by deadline in
// the next 2, 4, 8 or 24 hours, why, and what would avoid it. A pure function of the warehouse's state: the
// server loads the inputs (server/forecast/), the Olist backtest (scripts/backtest-olist.ts) builds them from
// history, and both run this same code.
//
// The model and its assumptions:
// - Work. Every order not yet handed over and not cancelled is in the model, whatever its deadline (an order
//   due in three days still takes a picker's time). Orders already past their deadline are not forecast (they
//   are on the overdue worklist) but still take capacity first.
// - Picking capacity per zone is a fluid: pickers available at an instant × the zone's measured pick rate per
//   picker-hour, plus a base rate that does not depend on pickers (0 in a warehouse; the Olist backtest uses
//   it for a seller's throughput). A picker counts during their shifts; during the current shift only when
//   their status is on_shift or break (an absent or off picker gives nothing until their next shift, which is
//   assumed to be worked). A picker moved to another zone picks at that zone's rate. Capacity beyond the
//   forecast window (forecastWindowEnd) is the base rate only.
// - Order of work per zone: orders already being picked first (each still needs half an order's picking),
//   then the others earliest-deadline-first, where the deadline that counts is the latest moment the order
//   can be ready at the dock and still be handed over in time (the last pickup before the deadline, when the
//   courier has fixed cut-offs): the warehouse picks for the truck. Ties: the earlier deadline, then the id.
//   Orders that can no longer make it (no pickup left before the deadline) and overdue orders come first.
// - Ready at the dock = picking done + the zone's packing time (packing and moving to the dock, measured; its
//   capacity is not modelled), and never before the order's `readyNotBefore` (e.g. a seller's usual handling
//   time) nor before now. A picked order is ready at its `readyNotBefore` (the server gives picked time +
//   packing) or else after the packing time from now; a packed one at its `readyNotBefore` or now.
// - Handover: the first courier pickup at or after ready; a courier without cut-offs (or an order without a
//   courier) collects when called; a suspended depot collects nothing. Risk flags for the order's region or
//   city, or its courier, delay a pickup that happens inside the flag's window by a delay per kind
//   (RISK_PICKUP_DELAY_MINUTES); a parcel waits for a later pickup when that is sooner than the delayed one.
// - Breach: handover after the deadline. Reasons, in this order: `risk_flag` (no breach without the flags),
//   `picker_absent` (no breach if the absent pickers of its zone were working), `missed_cutoff` (ready before
//   the deadline but no pickup in time), `zone_backlog` (not ready before the deadline).
// - Orders without a zone (or in a zone the input does not describe) are not capacity-bound: ready after the
//   default packing time.
// Invariants (property-tested in forecast.test.ts): more pickers, a higher rate or a picker back from absence
// never makes an order breach; an extra order never makes another order's forecast better; breaches and
// due orders only grow with the horizon; moving one order's deadline later never raises the number of
// expected breaches (when `readyNotBefore` is only used for picked and packed orders, as the server does).
// A later deadline CAN make that one order breach, because it then queues behind orders it used to precede;
// the count cannot grow, as whatever it now waits behind finishes earlier by as much.
import type { DepotStatus, PickerStatus } from '../schemas/enums';
import type { RiskFlag, RiskKind } from '../schemas/risk';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export const DEFAULT_HORIZONS_HOURS: readonly number[] = [2, 4, 8, 24];
/** How far past the longest horizon shifts and pickups are modelled (orders due later still take capacity). */
export const WINDOW_BEYOND_HORIZON_HOURS = 48;
export const DEFAULT_PACK_MINUTES = 45;

/** How long a flag holds up a pickup that falls inside its window (assumed; the demo's causes are similar). */
export const RISK_PICKUP_DELAY_MINUTES: Record<RiskKind, number> = {
  rain: 60,
  traffic: 45,
  snow: 120,
  depot_overload: 240,
  typhoon: 360,
  other: 60,
};

export type ForecastStage = 'paid' | 'picking' | 'picked' | 'packed';
export type BreachReason = 'zone_backlog' | 'picker_absent' | 'missed_cutoff' | 'risk_flag';

export interface ForecastOrder {
  orderId: string;
  zoneId: string | null;
  courierId: string | null;
  region: string;
  city: string;
  shipBy: number;
  stage: ForecastStage;
  /** The order cannot be ready at the dock before this, whatever the queue. */
  readyNotBefore?: number;
}

/** A shift [from, to) in epoch ms. */
export interface Shift {
  from: number;
  to: number;
}

export interface ForecastPicker {
  pickerId: string;
  /** Status now; it decides the current shift only. */
  status: PickerStatus;
  /** The picker's shifts overlapping the forecast window. */
  shifts: readonly Shift[];
}

export interface ZoneCapacity {
  zoneId: string;
  /** Orders one picker gets through per hour on shift (measured from history). */
  ratePerPickerHour: number;
  pickers: readonly ForecastPicker[];
  /** Orders per hour independent of pickers (0 in a warehouse). */
  baseRatePerHour?: number;
  /** Picked to ready at the dock. */
  packMinutes: number;
}

export interface CourierWindow {
  courierId: string;
  status: DepotStatus;
  /** Scheduled pickups in epoch ms, ascending, up to the window's end; null: collects whenever called. */
  pickups: readonly number[] | null;
}

export interface ForecastInput {
  now: number;
  horizonsHours: readonly number[];
  orders: readonly ForecastOrder[];
  zones: readonly ZoneCapacity[];
  couriers: readonly CourierWindow[];
  risks: readonly RiskFlag[];
  /** Packing time for orders outside any described zone (default 45 min). */
  defaultPackMinutes?: number;
  riskDelayMinutes?: Partial<Record<RiskKind, number>>;
}

export interface HorizonFigures {
  hours: number;
  /** Orders whose deadline falls in (now, now + hours]. */
  due: number;
  /** Orders still to pick with a deadline by the horizon's end (overdue ones included). */
  backlog: number;
  /** Orders the zone can pick in the horizon (whole orders); null outside any zone (not capacity-bound). */
  capacity: number | null;
  /** Due orders expected to breach. */
  expectedBreaches: number;
}

export interface ZoneForecast {
  zoneId: string | null;
  pickersOnShift: number;
  pickersAbsent: number;
  ratePerPickerHour: number;
  /** Unfinished orders in the zone, and those already past their deadline. */
  open: number;
  overdue: number;
  horizons: HorizonFigures[];
}

export interface ExpectedBreach {
  orderId: string;
  zoneId: string | null;
  courierId: string | null;
  region: string;
  stage: ForecastStage;
  shipBy: number;
  reason: BreachReason;
  /** The smallest horizon the deadline falls in. */
  withinHours: number;
  expectedReadyAt: number | null;
  expectedHandoverAt: number | null;
  /** null: no capacity or pickup within the forecast window, late by an unknown amount. */
  expectedLateMinutes: number | null;
  riskFlagIds: string[];
}

export interface Forecast {
  now: number;
  horizonsHours: number[];
  zones: ZoneForecast[];
  /** Orders due within the longest horizon expected to breach, by deadline. */
  breaches: ExpectedBreach[];
  totals: { hours: number; due: number; expectedBreaches: number }[];
}

export interface SuggestionEffect {
  /** Breaches counted over orders due within this horizon (the longest asked for). */
  horizonHours: number;
  breachesBefore: number;
  breachesAfter: number;
  breachesAvoided: number;
  savedOrderIds: string[];
}

export type Suggestion =
  | {
      kind: 'move_pickers';
      fromZoneId: string;
      toZoneId: string;
      pickerIds: string[];
      effect: SuggestionEffect;
    }
  | {
      kind: 'switch_carrier';
      region: string;
      fromCourierId: string;
      toCourierId: string;
      orderIds: string[];
      effect: SuggestionEffect;
    }
  | {
      kind: 'notify_customers';
      orderIds: string[];
      effect: SuggestionEffect & { meanNoticeHours: number };
    };

/** The end of the modelled window: the longest horizon plus WINDOW_BEYOND_HORIZON_HOURS. */
export const forecastWindowEnd = (now: number, horizonsHours: readonly number[]): number =>
  now + (Math.max(0, ...normalizeHorizons(horizonsHours)) + WINDOW_BEYOND_HORIZON_HOURS) * HOUR;

/** Positive, finite, unique and ascending; the defaults when none is left. */
export function normalizeHorizons(hours: readonly number[]): number[] {
  const clean = [...new Set(hours.filter((h) => Number.isFinite(h) && h > 0))].sort((a, b) => a - b);
  return clean.length ? clean : [...DEFAULT_HORIZONS_HOURS];
}

// ---------------------------------------------------------------------------------------------------------
// The simulation

interface AppliedFlag {
  id: string;
  from: number;
  to: number;
  delayMs: number;
}

interface Outcome {
  readyAt: number;
  handoverAt: number;
  breach: boolean;
  flagIds: string[];
}

/** What differs from the input in a what-if run. */
interface Scenario {
  absentWork?: boolean;
  noFlags?: boolean;
  zones?: ReadonlyMap<string, ZoneCapacity>;
  courierOf?: ReadonlyMap<string, string | null>;
}

const UNZONED = '\u0000unzoned';
const zoneKey = (o: ForecastOrder, zones: ReadonlyMap<string, ZoneCapacity>): string =>
  o.zoneId !== null && zones.has(o.zoneId) ? o.zoneId : UNZONED;

class Model {
  readonly now: number;
  readonly horizons: number[];
  readonly windowEnd: number;
  readonly zones: Map<string, ZoneCapacity>;
  readonly couriers: Map<string, CourierWindow>;
  readonly byZone = new Map<string, ForecastOrder[]>();
  readonly orders: Map<string, ForecastOrder>;
  private readonly regionFlags = new Map<string, AppliedFlag[]>();
  private readonly courierFlags = new Map<string, AppliedFlag[]>();
  private readonly defaultPackMs: number;

  constructor(readonly input: ForecastInput) {
    this.now = input.now;
    this.horizons = normalizeHorizons(input.horizonsHours);
    this.windowEnd = forecastWindowEnd(input.now, this.horizons);
    this.zones = new Map(input.zones.map((z) => [z.zoneId, z]));
    this.couriers = new Map(input.couriers.map((c) => [c.courierId, c]));
    this.orders = new Map(input.orders.map((o) => [o.orderId, o]));
    this.defaultPackMs = (input.defaultPackMinutes ?? DEFAULT_PACK_MINUTES) * MINUTE;
    for (const o of this.orders.values()) {
      const key = zoneKey(o, this.zones);
      const list = this.byZone.get(key);
      if (list) list.push(o);
      else this.byZone.set(key, [o]);
    }
    for (const f of input.risks) {
      if (!(f.endsAt > f.startsAt)) continue;
      const delay = input.riskDelayMinutes?.[f.kind] ?? RISK_PICKUP_DELAY_MINUTES[f.kind];
      const applied = { id: f.id, from: f.startsAt, to: f.endsAt, delayMs: Math.max(0, delay) * MINUTE };
      const map = f.scope === 'courier' ? this.courierFlags : this.regionFlags;
      const list = map.get(f.target);
      if (list) list.push(applied);
      else map.set(f.target, [applied]);
    }
  }

  zoneKeys(): string[] {
    return [...this.byZone.keys()];
  }

  zoneOf(key: string, s: Scenario): ZoneCapacity | null {
    return key === UNZONED ? null : (s.zones?.get(key) ?? this.zones.get(key) ?? null);
  }

  courierIdOf(o: ForecastOrder, s: Scenario): string | null {
    return s.courierOf?.has(o.orderId) ? (s.courierOf.get(o.orderId) ?? null) : o.courierId;
  }

  flagsFor(o: ForecastOrder, courierId: string | null, s: Scenario): AppliedFlag[] {
    if (s.noFlags) return [];
    const out: AppliedFlag[] = [];
    const add = (list: AppliedFlag[] | undefined) => {
      for (const f of list ?? []) if (!out.some((x) => x.id === f.id)) out.push(f);
    };
    add(this.regionFlags.get(o.region));
    if (o.city !== o.region) add(this.regionFlags.get(o.city));
    if (courierId !== null) add(this.courierFlags.get(courierId));
    return out;
  }

  /** Capacity as segments [from, to) with orders per ms, covering now to the window's end. */
  segments(zone: ZoneCapacity | null, s: Scenario): { from: number; to: number; rate: number }[] {
    const base = zone ? Math.max(0, zone.baseRatePerHour ?? 0) / HOUR : 0;
    const perPicker = zone ? Math.max(0, zone.ratePerPickerHour) / HOUR : 0;
    const changes = new Map<number, number>();
    const bump = (t: number, d: number) => changes.set(t, (changes.get(t) ?? 0) + d);
    for (const p of zone?.pickers ?? []) {
      const working =
        p.status === 'on_shift' || p.status === 'break' || (s.absentWork && p.status === 'absent');
      for (const sh of p.shifts) {
        const current = sh.from <= this.now && this.now < sh.to;
        if (current && !working) continue;
        const from = Math.max(sh.from, this.now);
        const to = Math.min(sh.to, this.windowEnd);
        if (to <= from) continue;
        bump(from, perPicker);
        bump(to, -perPicker);
      }
    }
    const points = [...new Set([this.now, this.windowEnd, ...changes.keys()])].sort((a, b) => a - b);
    const out: { from: number; to: number; rate: number }[] = [];
    let rate = base;
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i]!;
      rate += changes.get(from) ?? 0;
      const to = points[i + 1]!;
      if (to > from && from >= this.now && to <= this.windowEnd)
        out.push({ from, to, rate: Math.max(0, rate) });
    }
    return out;
  }

  /** Orders picked in [now, until) at this capacity. */
  capacityUntil(zone: ZoneCapacity | null, until: number, s: Scenario): number {
    let total = 0;
    for (const seg of this.segments(zone, s)) {
      if (seg.from >= until) break;
      total += seg.rate * (Math.min(seg.to, until) - seg.from);
    }
    const base = zone ? Math.max(0, zone.baseRatePerHour ?? 0) / HOUR : 0;
    if (until > this.windowEnd) total += base * (until - this.windowEnd);
    return total;
  }

  /** Delay of a pickup at t under these flags. */
  private static delayAt(flags: readonly AppliedFlag[], t: number): number {
    let d = 0;
    for (const f of flags) if (f.from <= t && t < f.to && f.delayMs > d) d = f.delayMs;
    return d;
  }

  /** When a parcel ready at `ready` is handed over (Infinity: not within the window). */
  handover(ready: number, courierId: string | null, flags: readonly AppliedFlag[]): number {
    if (!Number.isFinite(ready)) return Infinity;
    const courier = courierId === null ? undefined : this.couriers.get(courierId);
    if (courier?.status === 'suspended') return Infinity;
    const pickups = courier?.pickups ?? null;
    if (pickups === null) {
      // Collected when called: at `ready`, or once a flag that holds it up has ended, whichever is sooner.
      let best = ready + Model.delayAt(flags, ready);
      for (const f of flags) if (f.to > ready) best = Math.min(best, f.to + Model.delayAt(flags, f.to));
      return best;
    }
    let best = Infinity;
    for (let i = lowerBound(pickups, ready); i < pickups.length; i++) {
      const p = pickups[i]!;
      if (p >= best) break;
      best = Math.min(best, p + Model.delayAt(flags, p));
    }
    return best;
  }

  /** The latest ready time that still makes the deadline (-Infinity: none). */
  latestReady(shipBy: number, courierId: string | null, flags: readonly AppliedFlag[]): number {
    const courier = courierId === null ? undefined : this.couriers.get(courierId);
    if (courier?.status === 'suspended') return -Infinity;
    const pickups = courier?.pickups ?? null;
    if (pickups === null) {
      if (!flags.length) return shipBy;
      // Pieces of constant delay between the flags' boundaries; in each, the latest s with s + delay <= shipBy.
      const bounds = [...new Set(flags.flatMap((f) => [f.from, f.to]))].sort((a, b) => a - b);
      const starts = [-Infinity, ...bounds];
      let best = -Infinity;
      for (let i = 0; i < starts.length; i++) {
        const from = starts[i]!;
        const to = bounds[i] ?? Infinity;
        const delay = Model.delayAt(flags, Number.isFinite(from) ? from : to - 1);
        const candidate = Math.min(to - 1, shipBy - delay);
        if (candidate >= from && candidate > best) best = candidate;
      }
      return best;
    }
    for (let i = upperBound(pickups, shipBy) - 1; i >= 0; i--) {
      const p = pickups[i]!;
      if (p + Model.delayAt(flags, p) <= shipBy) return p;
    }
    return -Infinity;
  }

  /** Every order of one zone under a scenario. */
  simulateZone(key: string, s: Scenario, out: Map<string, Outcome>): void {
    const orders = this.byZone.get(key) ?? [];
    const zone = this.zoneOf(key, s);
    const packMs = zone ? Math.max(0, zone.packMinutes) * MINUTE : this.defaultPackMs;
    const queued: {
      o: ForecastOrder;
      key: number;
      work: number;
      courierId: string | null;
      flags: AppliedFlag[];
    }[] = [];
    const finish = (o: ForecastOrder, ready: number, courierId: string | null, flags: AppliedFlag[]) => {
      const readyAt = Math.max(Math.ceil(ready), o.readyNotBefore ?? -Infinity, this.now);
      const handoverAt = this.handover(readyAt, courierId, flags);
      out.set(o.orderId, {
        readyAt,
        handoverAt,
        breach: handoverAt > o.shipBy,
        flagIds: flags.map((f) => f.id),
      });
    };
    for (const o of orders) {
      const courierId = this.courierIdOf(o, s);
      const flags = this.flagsFor(o, courierId, s);
      // Past picking the order is ready by its own not-before time (its packing under way), or after packing.
      if (o.stage === 'packed') finish(o, this.now, courierId, flags);
      else if (o.stage === 'picked') finish(o, o.readyNotBefore ?? this.now + packMs, courierId, flags);
      else if (!zone) finish(o, this.now + packMs, courierId, flags);
      else
        queued.push({
          o,
          key: this.latestReady(o.shipBy, courierId, flags),
          work: o.stage === 'picking' ? 0.5 : 1,
          courierId,
          flags,
        });
    }
    if (!zone) return;
    queued.sort(
      (a, b) =>
        a.work - b.work ||
        a.key - b.key ||
        a.o.shipBy - b.o.shipBy ||
        (a.o.orderId < b.o.orderId ? -1 : a.o.orderId > b.o.orderId ? 1 : 0),
    );
    // Walk the capacity curve once: the k-th order is picked when cumulative capacity reaches its work.
    const segs = this.segments(zone, s);
    const base = Math.max(0, zone.baseRatePerHour ?? 0) / HOUR;
    let seg = 0;
    let capAtSegStart = 0;
    let work = 0;
    for (const q of queued) {
      work += q.work;
      let done = Infinity;
      while (seg < segs.length) {
        const sg = segs[seg]!;
        const cap = sg.rate * (sg.to - sg.from);
        if (capAtSegStart + cap >= work && sg.rate > 0) {
          done = sg.from + (work - capAtSegStart) / sg.rate;
          break;
        }
        capAtSegStart += cap;
        seg++;
      }
      if (seg >= segs.length && base > 0) done = this.windowEnd + (work - capAtSegStart) / base;
      finish(q.o, done + packMs, q.courierId, q.flags);
    }
  }

  simulate(keys: Iterable<string>, s: Scenario = {}): Map<string, Outcome> {
    const out = new Map<string, Outcome>();
    for (const key of keys) this.simulateZone(key, s, out);
    return out;
  }

  /** Ids of orders due within the longest horizon that breach in these outcomes. */
  breachingDue(outcomes: ReadonlyMap<string, Outcome>): Set<string> {
    const end = this.now + this.horizons.at(-1)! * HOUR;
    const ids = new Set<string>();
    for (const [id, r] of outcomes) {
      const o = this.orders.get(id)!;
      if (r.breach && o.shipBy > this.now && o.shipBy <= end) ids.add(id);
    }
    return ids;
  }
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const currentShift = (p: ForecastPicker, now: number): Shift | undefined =>
  p.shifts.find((s) => s.from <= now && now < s.to);
const isWorkingNow = (p: ForecastPicker, now: number) =>
  (p.status === 'on_shift' || p.status === 'break') && currentShift(p, now) !== undefined;

// ---------------------------------------------------------------------------------------------------------
// The forecast

export function forecastBreaches(input: ForecastInput): Forecast {
  const m = new Model(input);
  const { now, horizons } = m;
  const base = m.simulate(m.zoneKeys());
  const horizonEnd = now + horizons.at(-1)! * HOUR;
  const breaching = [...base].filter(([id, r]) => {
    const shipBy = m.orders.get(id)!.shipBy;
    return r.breach && shipBy > now && shipBy <= horizonEnd;
  });

  // Counterfactuals for the reasons: only the zones holding a breach that the change could touch.
  const flaggedZones = new Set<string>();
  const absentZones = new Set<string>();
  for (const [id, r] of breaching) {
    const o = m.orders.get(id)!;
    const key = zoneKey(o, m.zones);
    if (r.flagIds.length) flaggedZones.add(key);
    if (m.zones.get(key)?.pickers.some((p) => p.status === 'absent' && currentShift(p, now)))
      absentZones.add(key);
  }
  const withoutFlags = m.simulate(flaggedZones, { noFlags: true });
  const withAbsent = m.simulate(absentZones, { absentWork: true });

  const breaches: ExpectedBreach[] = [];
  for (const [id, r] of breaching) {
    const o = m.orders.get(id)!;
    const withinHours = horizons.find((h) => o.shipBy <= now + h * HOUR);
    if (withinHours === undefined) continue;
    const reason: BreachReason =
      r.flagIds.length && withoutFlags.get(id)?.breach === false
        ? 'risk_flag'
        : withAbsent.get(id)?.breach === false
          ? 'picker_absent'
          : r.readyAt <= o.shipBy
            ? 'missed_cutoff'
            : 'zone_backlog';
    const finite = (t: number) => (Number.isFinite(t) ? t : null);
    breaches.push({
      orderId: id,
      zoneId: o.zoneId,
      courierId: m.courierIdOf(o, {}),
      region: o.region,
      stage: o.stage,
      shipBy: o.shipBy,
      reason,
      withinHours,
      expectedReadyAt: finite(r.readyAt),
      expectedHandoverAt: finite(r.handoverAt),
      expectedLateMinutes: Number.isFinite(r.handoverAt)
        ? Math.ceil((r.handoverAt - o.shipBy) / MINUTE)
        : null,
      riskFlagIds: r.flagIds,
    });
  }
  breaches.sort((a, b) => a.shipBy - b.shipBy || byId(a.orderId, b.orderId));

  const zoneIds = [...new Set([...m.zones.keys(), ...m.zoneKeys()])].sort((a, b) =>
    a === UNZONED ? 1 : b === UNZONED ? -1 : byId(a, b),
  );
  const zones: ZoneForecast[] = zoneIds.map((key) => {
    const zone = m.zoneOf(key, {});
    const orders = m.byZone.get(key) ?? [];
    const toPick = orders.filter((o) => o.stage === 'paid' || o.stage === 'picking');
    return {
      zoneId: key === UNZONED ? null : key,
      pickersOnShift: zone?.pickers.filter((p) => isWorkingNow(p, now)).length ?? 0,
      pickersAbsent: zone?.pickers.filter((p) => p.status === 'absent' && currentShift(p, now)).length ?? 0,
      ratePerPickerHour: zone?.ratePerPickerHour ?? 0,
      open: orders.length,
      overdue: orders.filter((o) => o.shipBy <= now).length,
      horizons: horizons.map((hours) => {
        const end = now + hours * HOUR;
        const due = orders.filter((o) => o.shipBy > now && o.shipBy <= end);
        return {
          hours,
          due: due.length,
          backlog: toPick.filter((o) => o.shipBy <= end).length,
          capacity: zone ? Math.floor(m.capacityUntil(zone, end, {}) + 1e-9) : null,
          expectedBreaches: due.filter((o) => base.get(o.orderId)?.breach).length,
        };
      }),
    };
  });
  const totals = horizons.map((hours, i) => ({
    hours,
    due: zones.reduce((n, z) => n + z.horizons[i]!.due, 0),
    expectedBreaches: zones.reduce((n, z) => n + z.horizons[i]!.expectedBreaches, 0),
  }));
  return { now, horizonsHours: horizons, zones, breaches, totals };
}

// ---------------------------------------------------------------------------------------------------------
// Suggested actions

/** Up to this many pickers moved in one suggestion. */
export const MAX_PICKERS_MOVED = 4;
/** Region-courier pairs tried for a carrier switch (those with the most missed pickups first). */
export const MAX_CARRIER_SWITCHES_TRIED = 6;

/** The input with pickers moved now, for the rest of their current shift, from one zone to another. */
export function movePickers(
  input: ForecastInput,
  fromZoneId: string,
  toZoneId: string,
  pickerIds: readonly string[],
): ForecastInput {
  return { ...input, zones: movedZones(input.zones, input.now, fromZoneId, toZoneId, pickerIds) };
}

function movedZones(
  zones: readonly ZoneCapacity[],
  now: number,
  fromZoneId: string,
  toZoneId: string,
  pickerIds: readonly string[],
): ZoneCapacity[] {
  const moving = new Set(pickerIds);
  const moved: ForecastPicker[] = [];
  for (const p of zones.find((z) => z.zoneId === fromZoneId)?.pickers ?? []) {
    const shift = currentShift(p, now);
    if (moving.has(p.pickerId) && shift && isWorkingNow(p, now))
      moved.push({ pickerId: p.pickerId, status: p.status, shifts: [{ from: now, to: shift.to }] });
  }
  const movedIds = new Set(moved.map((p) => p.pickerId));
  const cut = (p: ForecastPicker): ForecastPicker => ({
    ...p,
    shifts: p.shifts.map((s) => (s.from <= now && now < s.to ? { from: s.from, to: now } : s)),
  });
  return zones.map((z) => {
    if (z.zoneId === fromZoneId)
      return { ...z, pickers: z.pickers.map((p) => (movedIds.has(p.pickerId) ? cut(p) : p)) };
    if (z.zoneId === toZoneId) return { ...z, pickers: [...z.pickers, ...moved] };
    return z;
  });
}

/** The input with the unfinished orders of a region moved from one courier to another. */
export function switchCarrier(
  input: ForecastInput,
  region: string,
  fromCourierId: string,
  toCourierId: string,
): ForecastInput {
  return {
    ...input,
    orders: input.orders.map((o) =>
      o.region === region && o.courierId === fromCourierId ? { ...o, courierId: toCourierId } : o,
    ),
  };
}

function effectOf(
  m: Model,
  baseAll: ReadonlyMap<string, Outcome>,
  keys: Set<string>,
  before: Set<string>,
  s: Scenario,
): SuggestionEffect {
  const inKeys = new Map<string, Outcome>();
  for (const key of keys)
    for (const o of m.byZone.get(key) ?? []) inKeys.set(o.orderId, baseAll.get(o.orderId)!);
  const baseline = m.breachingDue(inKeys);
  const after = m.breachingDue(m.simulate(keys, s));
  const savedOrderIds = [...baseline].filter((id) => !after.has(id)).sort(byId);
  const breachesAfter = before.size - baseline.size + after.size;
  return {
    horizonHours: m.horizons.at(-1)!,
    breachesBefore: before.size,
    breachesAfter,
    breachesAvoided: before.size - breachesAfter,
    savedOrderIds,
  };
}

/**
 * What the desk could do about the forecast, each with its expected effect (breaches avoided among the orders
 * due within the longest horizon) from re-running the model with the change applied:
 * - move pickers from a zone to one with breaches it can fix (for each such zone, the donor and the number of
 *   pickers, up to MAX_PICKERS_MOVED, that avoid the most breaches; fewer pickers on a tie);
 * - switch a region's orders from a courier whose pickups (or risk flags) make them miss to the normal courier
 *   that avoids the most;
 * - notify the customers of the orders still expected to breach after those, now rather than at the deadline.
 * Each suggestion is evaluated on its own; two of them may count the same saved order.
 */
export function suggestActions(forecast: Forecast, input: ForecastInput): Suggestion[] {
  const m = new Model(input);
  const now = m.now;
  const before = new Set(forecast.breaches.map((b) => b.orderId));
  const baseAll = m.simulate(m.zoneKeys());
  const moves: Suggestion[] = [];
  const switches: Suggestion[] = [];

  const needy = new Set(
    forecast.breaches
      .filter((b) => (b.reason === 'zone_backlog' || b.reason === 'picker_absent') && b.zoneId !== null)
      .map((b) => b.zoneId!),
  );
  for (const toZoneId of [...needy].filter((z) => m.zones.has(z)).sort(byId)) {
    let best: { fromZoneId: string; pickerIds: string[]; effect: SuggestionEffect } | null = null;
    for (const donor of [...m.zones.values()].sort((a, b) => byId(a.zoneId, b.zoneId))) {
      if (donor.zoneId === toZoneId) continue;
      const available = donor.pickers
        .filter((p) => isWorkingNow(p, now))
        .sort((a, b) => currentShift(b, now)!.to - currentShift(a, now)!.to || byId(a.pickerId, b.pickerId));
      for (let n = 1; n <= Math.min(MAX_PICKERS_MOVED, available.length); n++) {
        const pickerIds = available.slice(0, n).map((p) => p.pickerId);
        const changed = movedZones([donor, m.zones.get(toZoneId)!], now, donor.zoneId, toZoneId, pickerIds);
        const scenario: Scenario = { zones: new Map(changed.map((z) => [z.zoneId, z])) };
        const effect = effectOf(m, baseAll, new Set([donor.zoneId, toZoneId]), before, scenario);
        if (effect.breachesAvoided > (best?.effect.breachesAvoided ?? 0))
          best = { fromZoneId: donor.zoneId, pickerIds, effect };
      }
    }
    if (best)
      moves.push({
        kind: 'move_pickers',
        fromZoneId: best.fromZoneId,
        toZoneId,
        pickerIds: best.pickerIds,
        effect: best.effect,
      });
  }

  const groups = new Map<string, { region: string; courierId: string; breaches: number }>();
  for (const b of forecast.breaches)
    if ((b.reason === 'missed_cutoff' || b.reason === 'risk_flag') && b.courierId !== null) {
      const key = `${b.region}\u0000${b.courierId}`;
      const group = groups.get(key) ?? { region: b.region, courierId: b.courierId, breaches: 0 };
      group.breaches++;
      groups.set(key, group);
    }
  // The groups with the most such breaches first; each is a re-run of the zones its orders are in.
  const candidates = [...groups.values()]
    .sort((a, b) => b.breaches - a.breaches || byId(a.region, b.region) || byId(a.courierId, b.courierId))
    .slice(0, MAX_CARRIER_SWITCHES_TRIED);
  for (const { region, courierId } of candidates) {
    const affected = input.orders.filter((o) => o.region === region && o.courierId === courierId);
    const keys = new Set(affected.map((o) => zoneKey(o, m.zones)));
    let best: { toCourierId: string; effect: SuggestionEffect } | null = null;
    for (const c of [...m.couriers.values()].sort((a, b) => byId(a.courierId, b.courierId))) {
      if (c.courierId === courierId || c.status !== 'normal') continue;
      const courierOf = new Map(affected.map((o) => [o.orderId, c.courierId] as const));
      const effect = effectOf(m, baseAll, keys, before, { courierOf });
      if (effect.breachesAvoided > (best?.effect.breachesAvoided ?? 0))
        best = { toCourierId: c.courierId, effect };
    }
    if (best)
      switches.push({
        kind: 'switch_carrier',
        region,
        fromCourierId: courierId,
        toCourierId: best.toCourierId,
        orderIds: affected.map((o) => o.orderId).sort(byId),
        effect: best.effect,
      });
  }

  const avoided = (s: Suggestion) => s.effect.breachesAvoided;
  const ranked = [...moves, ...switches].sort((a, b) => avoided(b) - avoided(a));
  const saved = new Set(ranked.flatMap((s) => s.effect.savedOrderIds));
  const unsaved = forecast.breaches.filter((b) => !saved.has(b.orderId));
  if (unsaved.length) {
    const meanNoticeHours =
      Math.round((unsaved.reduce((sum, b) => sum + (b.shipBy - now), 0) / unsaved.length / HOUR) * 10) / 10;
    ranked.push({
      kind: 'notify_customers',
      orderIds: unsaved.map((b) => b.orderId),
      effect: {
        horizonHours: m.horizons.at(-1)!,
        breachesBefore: before.size,
        breachesAfter: before.size,
        breachesAvoided: 0,
        savedOrderIds: [],
        meanNoticeHours,
      },
    });
  }
  return ranked;
}

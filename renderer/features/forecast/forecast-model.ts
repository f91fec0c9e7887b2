// The forecast answer as the view shows it: pure, so the table rows, the window filter and the link from an
// expected breach to its case are tested without React or a server.
import type {
  ExpectedBreach,
  Forecast,
  HorizonFigures,
  Suggestion,
  ZoneForecast,
} from '../../../shared/rules/forecast';
import type { ZoneRate } from '../../../shared/rules/forecast-history';
import type { CaseView } from '../../../shared/schemas/case';

/** GET /api/warehouses/:id/forecast (server/forecast/service.ts WarehouseForecast). */
export interface ForecastAnswer {
  warehouseId: string;
  timezone: string;
  generatedAt: number;
  forecast: Forecast;
  suggestions: Suggestion[];
  rates: ZoneRate[];
}

export interface ZoneRow {
  /** null: orders outside any zone (not capacity-bound). */
  zoneId: string | null;
  label: string;
  pickersOnShift: number;
  pickersAbsent: number;
  ratePerPickerHour: number;
  open: number;
  overdue: number;
  /** One per horizon of the answer, in its order. */
  horizons: HorizonFigures[];
}

/**
 * One row per zone, by the zone's label, with the orders outside any zone last: the floor reads the zones in
 * the order their signs hang, and "no zone" is not a place anyone can send pickers to.
 */
export function zoneRows(
  zones: readonly ZoneForecast[],
  labelOf: (zoneId: string) => string,
  noZone: string,
): ZoneRow[] {
  return zones
    .map((z): ZoneRow => ({
      zoneId: z.zoneId,
      label: z.zoneId === null ? noZone : labelOf(z.zoneId),
      pickersOnShift: z.pickersOnShift,
      pickersAbsent: z.pickersAbsent,
      ratePerPickerHour: z.ratePerPickerHour,
      open: z.open,
      overdue: z.overdue,
      horizons: z.horizons,
    }))
    .sort(
      (a, b) => (a.zoneId === null ? 1 : 0) - (b.zoneId === null ? 1 : 0) || a.label.localeCompare(b.label),
    );
}

/** The warehouse's totals per horizon as the server adds them up (capacity has no meaningful sum across zones). */
export function totalRow(forecast: Forecast): Map<number, { due: number; expectedBreaches: number }> {
  return new Map(forecast.totals.map((t) => [t.hours, { due: t.due, expectedBreaches: t.expectedBreaches }]));
}

/** Breaches whose deadline falls within `hours` (null: the whole forecast window). */
export function breachesWithin(breaches: readonly ExpectedBreach[], hours: number | null): ExpectedBreach[] {
  return hours === null ? [...breaches] : breaches.filter((b) => b.withinHours <= hours);
}

/** The open case (else the latest case) of each order, for opening a forecast order in the worklist. */
export function casesByOrder(cases: Iterable<CaseView>): Map<string, CaseView> {
  const byOrder = new Map<string, CaseView>();
  for (const c of cases) {
    const seen = byOrder.get(c.orderId);
    if (!seen || (seen.status !== 'open' && (c.status === 'open' || c.openedAt > seen.openedAt)))
      byOrder.set(c.orderId, c);
  }
  return byOrder;
}

/** The ids of the cases of these orders (orders without a case have nothing to open). */
export function caseIdsOf(orderIds: readonly string[], byOrder: ReadonlyMap<string, CaseView>): Set<string> {
  const ids = new Set<string>();
  for (const id of orderIds) {
    const c = byOrder.get(id);
    if (c) ids.add(c.id);
  }
  return ids;
}

/** The orders a suggestion is about: the ones it saves, or for a notification the customers to tell. */
export const suggestionOrders = (s: Suggestion): string[] =>
  s.kind === 'notify_customers' ? s.orderIds : s.effect.savedOrderIds;

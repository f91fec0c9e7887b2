// Drill-down (brief F13): the cases behind a dashboard figure, found in the desk's own memory (closed cases are
// synced too) with the same rule the server counted them by, so a bar that says 46 opens 46 cases. Each figure
// counts cases by one moment of their life: opened (breakdowns), became overdue (rate, heat map) or closed
// (causes, time to resolve, penalties). Pure.
import type { CaseView } from '../../../shared/schemas/case';
import { dayKey, zonedParts, type Period } from './period';
import type { BreakdownDimension } from '../../../shared/schemas/analytics';

export type DrillSpec =
  | { kind: 'breakdown'; dimension: BreakdownDimension; key: string }
  | { kind: 'overdueDay'; day: string }
  | { kind: 'cause'; cause: string }
  | { kind: 'heat'; weekday: number; hour: number }
  | { kind: 'resolved' }
  | { kind: 'compensation'; type: string }
  | { kind: 'penalty'; side: 'avoided' | 'incurred' }
  | { kind: 'platformScore'; platform: string }
  | { kind: 'orders'; orderIds: readonly string[] }
  | { kind: 'cases'; caseIds: readonly string[] };

export interface DrillContext extends Period {
  warehouseId: string;
  timeZone: string;
  /** Carrier name of a courier id, zone name of a zone id (the server groups by names). */
  carrierOf: (courierId: string) => string | undefined;
  zoneNameOf: (zoneId: string) => string | undefined;
}

const NONE = '—';
const HOUR = 3_600_000;
const within = (t: number | null, p: Period) => t !== null && t >= p.from && t < p.to;

function dimensionKey(c: CaseView, dimension: BreakdownDimension, ctx: DrillContext): string {
  switch (dimension) {
    case 'category':
      return c.order.category;
    case 'platform':
      return c.platform;
    case 'region':
      return c.order.region;
    case 'courier':
      return (c.order.courierId && ctx.carrierOf(c.order.courierId)) || NONE;
    case 'zone':
      return (c.order.zoneId && ctx.zoneNameOf(c.order.zoneId)) || NONE;
  }
}

function matcher(spec: DrillSpec, ctx: DrillContext): (c: CaseView) => boolean {
  switch (spec.kind) {
    case 'breakdown':
      return (c) => within(c.openedAt, ctx) && dimensionKey(c, spec.dimension, ctx) === spec.key;
    case 'overdueDay':
      return (c) => within(c.overdueAt, ctx) && dayKey(c.overdueAt!, ctx.timeZone) === spec.day;
    case 'cause':
      return (c) => within(c.closedAt, ctx) && c.cause === spec.cause;
    case 'heat':
      return (c) => {
        if (!within(c.overdueAt, ctx)) return false;
        const p = zonedParts(c.overdueAt!, ctx.timeZone);
        return p.weekday === spec.weekday && p.hour === spec.hour;
      };
    case 'resolved':
      return (c) => within(c.closedAt, ctx);
    case 'compensation':
      return (c) =>
        c.compensations.some(
          (x) => x.type === spec.type && x.status === 'approved' && within(x.offeredAt, ctx),
        );
    case 'penalty':
      return (c) =>
        within(c.closedAt, ctx) &&
        c.penaltyFen > 0 &&
        (spec.side === 'avoided'
          ? c.outcome === 'saved' || c.outcome === 'delay_agreed'
          : c.outcome === 'shipped_late');
    case 'platformScore':
      // The orders that pulled the score down: paid in the period and not handed over within 48 h, among
      // those the server scores (handed over, or 72 h past payment by the period's end, which is "now").
      return (c) =>
        c.platform === spec.platform &&
        within(c.order.paidAt, ctx) &&
        c.order.cancelledAt === null &&
        (c.order.handedOverAt === null
          ? c.order.paidAt + 72 * HOUR <= ctx.to
          : c.order.handedOverAt > c.order.paidAt + 48 * HOUR);
    case 'orders': {
      const ids = new Set(spec.orderIds);
      return (c) => ids.has(c.orderId);
    }
    case 'cases': {
      const ids = new Set(spec.caseIds);
      return (c) => ids.has(c.id);
    }
  }
}

/** The ids of the cases behind a figure. */
export function casesBehind(spec: DrillSpec, cases: Iterable<CaseView>, ctx: DrillContext): Set<string> {
  const matches = matcher(spec, ctx);
  const ids = new Set<string>();
  for (const c of cases) if (c.warehouseId === ctx.warehouseId && matches(c)) ids.add(c.id);
  return ids;
}

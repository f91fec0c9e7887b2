// The worklist's order, as a pure and explainable score (brief F4). Each part names a reason and the points it
// adds, so the UI can show "why is this case here". Invariants (property-tested): all else equal, a later
// deadline never scores higher, a perishable order never scores below a durable one, and a larger penalty or
// order value never scores lower. The penalty at stake comes with the case (the server computes it from the
// platform rules), so the score needs nothing but the case and the time.
import type { CaseView } from '../schemas/case';
import type { Perishability } from '../schemas/enums';

export type PriorityReason =
  | 'overdue'
  | 'deadline'
  | 'perishability'
  | 'penalty'
  | 'value'
  | 'promise'
  | 'promise_broken'
  | 'vip'
  | 'risk';

export interface PriorityPart {
  reason: PriorityReason;
  points: number;
  /** The figure behind the points: minutes, fen, or a class name. */
  detail: number | string;
}

export interface Priority {
  score: number;
  parts: PriorityPart[];
}

/** A risk flag (rain in a region, an overloaded depot) that applies to this case now, with its weight. */
export interface RiskMatch {
  label: string;
  points: number;
}

export interface PriorityContext {
  /** Risk flags matching the case's region or courier (issue F14); none by default. */
  risks?: readonly RiskMatch[];
}

const MINUTE = 60_000;

export const PERISHABILITY_POINTS: Record<Perishability, number> = {
  fresh: 150,
  frozen: 140,
  food: 110,
  sensitive: 80,
  durable: 0,
};

/** Minutes before the deadline at which the clock starts to add points (24 h). */
const HORIZON_MIN = 24 * 60;

function timePart(shipBy: number, now: number): PriorityPart {
  const minutesLeft = Math.floor((shipBy - now) / MINUTE);
  if (minutesLeft <= 0) {
    const over = -minutesLeft;
    // Overdue starts above anything still on time and keeps climbing for ten hours.
    return { reason: 'overdue', points: 400 + Math.min(200, Math.floor(over / 3)), detail: over };
  }
  const points = Math.max(0, Math.round((300 * (HORIZON_MIN - minutesLeft)) / HORIZON_MIN));
  return { reason: 'deadline', points, detail: minutesLeft };
}

export function priority(c: CaseView, now: number, ctx: PriorityContext = {}): Priority {
  const parts: PriorityPart[] = [timePart(c.shipBy, now)];
  const perish = PERISHABILITY_POINTS[c.order.perishability];
  if (perish > 0) parts.push({ reason: 'perishability', points: perish, detail: c.order.perishability });
  if (c.penaltyFen > 0) {
    parts.push({
      reason: 'penalty',
      points: Math.min(150, Math.floor(c.penaltyFen / 100)),
      detail: c.penaltyFen,
    });
  }
  const yuan = Math.max(0, c.order.valueFen) / 100;
  const valuePoints = Math.min(60, Math.floor(10 * Math.log10(1 + yuan)));
  if (valuePoints > 0) parts.push({ reason: 'value', points: valuePoints, detail: c.order.valueFen });
  // A date the buyer accepted is a promise: breaking it costs more trust than the first miss.
  const agreed = c.pauses.filter((p) => p.kind === 'buyer_agreed').at(-1);
  if (agreed && now > agreed.to) parts.push({ reason: 'promise_broken', points: 120, detail: agreed.to });
  else if (c.customerContacted || agreed) parts.push({ reason: 'promise', points: 50, detail: 'contacted' });
  if (c.order.vip) parts.push({ reason: 'vip', points: 40, detail: 'vip' });
  for (const risk of ctx.risks ?? []) parts.push({ reason: 'risk', points: risk.points, detail: risk.label });
  const score = parts.reduce((sum, p) => sum + p.points, 0);
  return { score, parts };
}

/**
 * The same score as `priority(...).score` without building the explanation: the worklist ranks 100,000 cases
 * with this on every re-rank, so it allocates nothing. Property-tested to equal `priority`.
 */
export function priorityScore(c: CaseView, now: number, ctx: PriorityContext = {}): number {
  let score = clockPoints(c, now) + standingPoints(c);
  for (const risk of ctx.risks ?? []) score += risk.points;
  return score;
}

/**
 * The points that move with time: the deadline (or how long overdue) and the buyer's promise, kept or broken.
 * The worklist re-scores only these on a time step (renderer/data/ranking.ts).
 */
export function clockPoints(c: CaseView, now: number): number {
  const minutesLeft = Math.floor((c.shipBy - now) / MINUTE);
  let score =
    minutesLeft <= 0
      ? 400 + Math.min(200, Math.floor(-minutesLeft / 3))
      : Math.max(0, Math.round((300 * (HORIZON_MIN - minutesLeft)) / HORIZON_MIN));
  let agreedTo: number | null = null;
  for (const p of c.pauses) if (p.kind === 'buyer_agreed') agreedTo = p.to;
  if (agreedTo !== null && now > agreedTo) score += 120;
  else if (c.customerContacted || agreedTo !== null) score += 50;
  return score;
}

/** The points that stay while the case does not change: perishability, penalty, order value, VIP. */
export function standingPoints(c: CaseView): number {
  let score = PERISHABILITY_POINTS[c.order.perishability];
  if (c.penaltyFen > 0) score += Math.min(150, Math.floor(c.penaltyFen / 100));
  score += Math.min(60, Math.floor(10 * Math.log10(1 + Math.max(0, c.order.valueFen) / 100)));
  if (c.order.vip) score += 40;
  return score;
}

/** Worklist order: higher score first, then the earlier deadline, then id for a stable order. */
export function compareByPriority(
  a: { score: number; shipBy: number; id: string },
  b: { score: number; shipBy: number; id: string },
): number {
  return b.score - a.score || a.shipBy - b.shipBy || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

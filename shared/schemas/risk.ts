// Risk flags (brief F14): a lead says "rain in 浙江 from 14:00 to 20:00" or "中通 depot overloaded tonight", and
// the orders they touch rank higher before their deadline and show the flag in the priority explanation.
import { z } from 'zod';
import { EpochMs, Id } from './primitives';

export const RISK_KINDS = ['rain', 'typhoon', 'snow', 'depot_overload', 'traffic', 'other'] as const;
export const RiskKind = z.enum(RISK_KINDS);
export type RiskKind = z.infer<typeof RiskKind>;

export const RiskFlag = z.object({
  id: Id,
  warehouseId: Id,
  /** A region (province or city, as orders record it) or a courier id. */
  scope: z.enum(['region', 'courier']),
  target: z.string().min(1).max(100),
  kind: RiskKind,
  startsAt: EpochMs,
  endsAt: EpochMs,
  /** How many priority points it adds to an affected open case (default by kind). */
  points: z.number().int().min(0).max(300),
  note: z.string().max(500),
  createdBy: Id.nullable(),
});
export type RiskFlag = z.infer<typeof RiskFlag>;

export const DEFAULT_RISK_POINTS: Record<RiskKind, number> = {
  typhoon: 120,
  snow: 100,
  depot_overload: 90,
  rain: 60,
  traffic: 40,
  other: 40,
};

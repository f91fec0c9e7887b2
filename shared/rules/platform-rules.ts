// Platform rules and promotions as data, and the ship-by deadline they give an order (brief F2). The deadline
// comes from, in order: the order's own promise, an active promotion's ship-by date, the platform's rule for
// the order's category, the platform default.
import { z } from 'zod';
import { Platform } from '../schemas/enums';
import { EpochMs, Id } from '../schemas/primitives';
import { PenaltyFormula } from './penalty';

export const PlatformRule = z.object({
  id: Id,
  platform: Platform,
  /** null: the platform default; otherwise applies to orders whose category contains this text. */
  category: z.string().min(1).nullable(),
  shipWithinHours: z
    .number()
    .positive()
    .max(24 * 60),
  /** The courier must scan the parcel within this many hours of the waybill (second clock); null: no rule. */
  pickupWithinHours: z
    .number()
    .positive()
    .max(24 * 30)
    .nullable(),
  penalty: PenaltyFormula,
  /** Delay negotiations the platform accepts per order, and how long before the deadline they must be filed. */
  maxDelayNegotiations: z.number().int().nonnegative().nullable(),
  negotiationMinLeadHours: z.number().nonnegative().nullable(),
  source: z.string(),
  /** false where the figure comes from a single or secondary source: verify before relying on it. */
  confirmed: z.boolean(),
});
export type PlatformRule = z.infer<typeof PlatformRule>;

export const Promotion = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  /** null: every platform. */
  platforms: z.array(Platform).nullable(),
  paidFrom: EpochMs,
  paidUntil: EpochMs,
  shipBy: EpochMs,
});
export type Promotion = z.infer<typeof Promotion>;

export type DeadlineSource = 'order' | 'promotion' | 'category_rule' | 'platform_default' | 'none';

export interface Deadline {
  shipBy: number | null;
  source: DeadlineSource;
  /** The rule that decides the penalty and the pickup clock (category rule, else platform default). */
  rule: PlatformRule | null;
  promotion: Promotion | null;
}

export interface DeadlineInput {
  platform: Platform;
  category: string;
  paidAt: number;
  promisedShipBy: number | null;
}

const HOUR = 3_600_000;

/** The rule for an order: the longest matching category rule of its platform, else the platform default. */
export function ruleFor(
  rules: readonly PlatformRule[],
  platform: Platform,
  category: string,
): PlatformRule | null {
  const mine = rules.filter((r) => r.platform === platform);
  const lower = category.toLowerCase();
  const byCategory = mine
    .filter((r) => r.category !== null && lower.includes(r.category.toLowerCase()))
    .sort((a, b) => (b.category?.length ?? 0) - (a.category?.length ?? 0))[0];
  return byCategory ?? mine.find((r) => r.category === null) ?? null;
}

export function activePromotion(
  promotions: readonly Promotion[],
  platform: Platform,
  paidAt: number,
): Promotion | null {
  return (
    promotions
      .filter(
        (p) =>
          (p.platforms === null || p.platforms.includes(platform)) &&
          paidAt >= p.paidFrom &&
          paidAt <= p.paidUntil,
      )
      .sort((a, b) => b.shipBy - a.shipBy)[0] ?? null
  );
}

export function resolveDeadline(
  order: DeadlineInput,
  rules: readonly PlatformRule[],
  promotions: readonly Promotion[],
): Deadline {
  const rule = ruleFor(rules, order.platform, order.category);
  const promotion = activePromotion(promotions, order.platform, order.paidAt);
  if (order.promisedShipBy !== null)
    return { shipBy: order.promisedShipBy, source: 'order', rule, promotion: null };
  if (promotion) return { shipBy: promotion.shipBy, source: 'promotion', rule, promotion };
  if (!rule) return { shipBy: null, source: 'none', rule: null, promotion: null };
  return {
    shipBy: order.paidAt + rule.shipWithinHours * HOUR,
    source: rule.category === null ? 'platform_default' : 'category_rule',
    rule,
    promotion: null,
  };
}

/** The pickup-by clock: the courier's first scan is due this long after the waybill. */
export function pickupBy(rule: PlatformRule | null, waybillAt: number | null): number | null {
  const hours = rule?.pickupWithinHours ?? null;
  return hours !== null && waybillAt !== null ? waybillAt + hours * HOUR : null;
}

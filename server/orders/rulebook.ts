// The platform rules and promotions in force, loaded once per batch of work. Seeds the default rules into an
// empty table on start-up, so a fresh database has a deadline for every platform.
import { DEFAULT_PLATFORM_RULES } from '../../shared/rules/platform-defaults';
import type { PlatformRule, Promotion } from '../../shared/rules/platform-rules';
import type { Platform } from '../../shared/schemas/enums';
import type { Db, Tx } from '../db/open';
import { platformRules, promotions } from '../db/schema';

export interface RuleBook {
  rules: PlatformRule[];
  promotions: Promotion[];
}

export async function ensureDefaultRules(db: Db): Promise<void> {
  const existing = await db.select({ id: platformRules.id }).from(platformRules).limit(1);
  if (existing.length) return;
  await db
    .insert(platformRules)
    .values(DEFAULT_PLATFORM_RULES.map((r) => ({ ...r })))
    .onConflictDoNothing();
}

export async function loadRuleBook(db: Db | Tx): Promise<RuleBook> {
  const [ruleRows, promoRows] = await Promise.all([
    db.select().from(platformRules),
    db.select().from(promotions),
  ]);
  return {
    rules: ruleRows.map((r) => ({
      id: r.id,
      platform: r.platform as Platform,
      category: r.category,
      shipWithinHours: r.shipWithinHours,
      pickupWithinHours: r.pickupWithinHours,
      penalty: r.penalty,
      maxDelayNegotiations: r.maxDelayNegotiations,
      negotiationMinLeadHours: r.negotiationMinLeadHours,
      source: r.source,
      confirmed: r.confirmed,
    })),
    promotions: promoRows.map((p) => ({
      id: p.id,
      name: p.name,
      platforms: p.platforms as Platform[] | null,
      paidFrom: p.paidFrom.getTime(),
      paidUntil: p.paidUntil.getTime(),
      shipBy: p.shipBy.getTime(),
    })),
  };
}

// What a late shipment costs on a platform, as data: a formula over the order value. Figures come from public
// platform pages (see platform-defaults.ts for sources and which are unconfirmed); admins can edit them.
import { z } from 'zod';

const Share = z.object({
  kind: z.literal('share'),
  /** Fraction of the order value, e.g. 0.05. */
  rate: z.number().min(0).max(1),
  minFen: z.number().int().nonnegative().default(0),
  maxFen: z.number().int().nonnegative().nullable().default(null),
});
const Fixed = z.object({ kind: z.literal('fixed'), fen: z.number().int().nonnegative() });
const None = z.object({ kind: z.literal('none') });
const Simple = z.discriminatedUnion('kind', [Share, Fixed, None]);

export const PenaltyFormula = z.union([
  Simple,
  z.object({
    kind: z.literal('tiered'),
    /** By order value, ascending; the first tier whose bound exceeds the value applies (null = no bound). */
    tiers: z.array(z.object({ belowFen: z.number().int().positive().nullable(), formula: Simple })).min(1),
  }),
]);
export type PenaltyFormula = z.infer<typeof PenaltyFormula>;
type SimpleFormula = z.infer<typeof Simple>;

function simple(f: SimpleFormula, valueFen: number): number {
  switch (f.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return f.fen;
    case 'share': {
      const raw = Math.round(valueFen * f.rate);
      const floored = Math.max(f.minFen, raw);
      return f.maxFen === null ? floored : Math.min(f.maxFen, floored);
    }
  }
}

/** The penalty in fen for shipping an order of this value late. Never negative; monotone in value per tier. */
export function penaltyFen(formula: PenaltyFormula, valueFen: number): number {
  const value = Math.max(0, valueFen);
  if (formula.kind !== 'tiered') return simple(formula, value);
  const tier = formula.tiers.find((t) => t.belowFen === null || value < t.belowFen) ?? formula.tiers.at(-1)!;
  return simple(tier.formula, value);
}

// Every mutator by name. A pushed mutation names one of these; the server refuses an unknown name as
// `unknown_mutation` (a newer client talking to an older server) rather than failing the whole batch.
import type { Refusal } from '../sync/protocol';
import { addNote } from './add-note';
import { agreeDelay } from './agree-delay';
import { claimCase } from './claim-case';
import { releaseCase } from './release-case';
import { resolveCase } from './resolve-case';
import type { Mutator } from './types';

export const MUTATORS = {
  claimCase,
  releaseCase,
  addNote,
  resolveCase,
  agreeDelay,
} as const;

export type MutatorName = keyof typeof MUTATORS;
export type MutatorArgs<N extends MutatorName> = (typeof MUTATORS)[N] extends Mutator<infer A> ? A : never;

export interface ParsedMutation {
  mutator: Mutator<unknown>;
  args: unknown;
  caseId: string;
}

/** Validates a mutation's name and arguments with the same schemas on both sides. */
export function parseMutation(name: string, args: unknown): ParsedMutation | { refusal: Refusal } {
  const mutator = (MUTATORS as Record<string, Mutator<unknown> | undefined>)[name];
  if (!mutator) return { refusal: { code: 'unknown_mutation', message: `unknown mutation "${name}"` } };
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
    return { refusal: { code: 'invalid', message } };
  }
  return { mutator, args: parsed.data, caseId: mutator.caseId(parsed.data) };
}

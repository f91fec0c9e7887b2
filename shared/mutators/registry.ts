// Every mutator by name. A pushed mutation names one of these; the server refuses an unknown name as
// `unknown_mutation` (a newer client talking to an older server) rather than failing the whole batch.
import type { z } from 'zod';
import type { Refusal } from '../sync/protocol';
import { addNote } from './add-note';
import { agreeDelay } from './agree-delay';
import { recordCourierAnswer, requestGreenChannel, switchCarrier } from './case-courier';
import { decideCompensation, logContact, offerCompensation, reopenCase } from './case-customer';
import { assignPicker, reassignCase, requestPicker } from './case-staffing';
import { claimCase } from './claim-case';
import { movePicker, setPickerStatus } from './picker-floor';
import { releaseCase } from './release-case';
import { resolveCase } from './resolve-case';
import type { Mutator, Target } from './types';

export const MUTATORS = {
  claimCase,
  releaseCase,
  addNote,
  resolveCase,
  agreeDelay,
  reassignCase,
  assignPicker,
  requestPicker,
  requestGreenChannel,
  recordCourierAnswer,
  switchCarrier,
  logContact,
  offerCompensation,
  decideCompensation,
  reopenCase,
  setPickerStatus,
  movePicker,
} as const;

export type MutatorName = keyof typeof MUTATORS;
/** What the caller passes (defaults not yet applied). */
export type MutatorArgs<N extends MutatorName> = z.input<(typeof MUTATORS)[N]['args']>;

export type AnyMutator = Mutator<unknown, 'case', unknown> | Mutator<unknown, 'picker', unknown>;

export type ParsedMutation =
  | { target: 'case'; mutator: Mutator<unknown, 'case'>; args: unknown; targetId: string }
  | { target: 'picker'; mutator: Mutator<unknown, 'picker'>; args: unknown; targetId: string };

export const mutatorTarget = (name: string): Target | null =>
  (MUTATORS as Record<string, AnyMutator | undefined>)[name]?.target ?? null;

/** Validates a mutation's name and arguments with the same schemas on both sides. */
export function parseMutation(name: string, args: unknown): ParsedMutation | { refusal: Refusal } {
  const mutator = (MUTATORS as Record<string, AnyMutator | undefined>)[name];
  if (!mutator) return { refusal: { code: 'unknown_mutation', message: `unknown mutation "${name}"` } };
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
    return { refusal: { code: 'invalid', message } };
  }
  const targetId = mutator.targetId(parsed.data);
  return mutator.target === 'case'
    ? { target: 'case', mutator, args: parsed.data, targetId }
    : { target: 'picker', mutator, args: parsed.data, targetId };
}

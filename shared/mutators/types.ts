// A mutator is one case action, defined once: the renderer runs it on its local copy for instant feedback
// and the server runs the same function inside its transaction for real. It must be pure and idempotent on
// its own output (running it again on the result changes nothing more), because the client replays pending
// mutations on top of every new server state.
import type { z } from 'zod';
import type { CaseEventKind, CaseView } from '../schemas/case';
import type { Picker } from '../schemas/directory';
import type { Role } from '../schemas/enums';
import type { Refusal } from '../sync/protocol';

export interface Actor {
  userId: string;
  role: Role;
  warehouseIds: readonly string[];
}

export interface MutatorContext {
  actor: Actor;
  /** Server time on the server; the client's best estimate of server time when run optimistically. */
  now: number;
  /** Unique per mutation ("clientId:mutationId"): events made by it get ids derived from it on both sides. */
  mutationKey: string;
}

export interface NewEvent {
  id: string;
  kind: CaseEventKind;
  text: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/** What a mutator acts on: most act on a case; floor actions act on a picker. */
export interface Targets {
  case: CaseView;
  picker: Picker;
}
export type Target = keyof Targets;

export type MutatorOutcome<V = CaseView> =
  { ok: true; next: V; events: NewEvent[] } | { ok: false; refusal: Refusal };

/** A: the arguments after validation; I: what callers pass (fields with defaults may be left out). */
export interface Mutator<A, T extends Target = 'case', I = A> {
  name: string;
  target: T;
  args: z.ZodType<A, I>;
  targetId(args: A): string;
  apply(current: Targets[T], args: A, ctx: MutatorContext): MutatorOutcome<Targets[T]>;
}

export const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

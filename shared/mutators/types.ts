// A mutator is one case action, defined once: the renderer runs it on its local copy for instant feedback
// and the server runs the same function inside its transaction for real. It must be pure and idempotent on
// its own output (running it again on the result changes nothing more), because the client replays pending
// mutations on top of every new server state.
import type { z } from 'zod';
import type { CaseEventKind, CaseView } from '../schemas/case';
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
}

export type MutatorOutcome =
  { ok: true; next: CaseView; events: NewEvent[] } | { ok: false; refusal: Refusal };

export interface Mutator<A> {
  name: string;
  args: z.ZodType<A>;
  caseId(args: A): string;
  apply(current: CaseView, args: A, ctx: MutatorContext): MutatorOutcome;
}

export const refuse = (refusal: Refusal): MutatorOutcome => ({ ok: false, refusal });

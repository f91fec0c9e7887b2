// One user action waiting for (or done with) the server. The outbox is a plain Dexie table, written in the
// same transaction that acknowledges the action to the user, and kept until the action has a final result.
import type { MutatorName } from '../../shared/mutators/registry';
import type { Refusal } from '../../shared/sync/protocol';

export type OutboxStatus = 'pending' | 'applied' | 'refused';

export interface OutboxEntry {
  /** The mutation id: 1, 2, 3... for this client. */
  id: number;
  name: MutatorName;
  args: unknown;
  /** What the action acts on: a case (most) or a picker (floor actions). */
  target: 'case' | 'picker';
  targetId: string;
  /** When the user acted (their clock); shown in the outbox, never trusted by the server. */
  clientTime: number;
  status: OutboxStatus;
  refusal: Refusal | null;
  /** When the server's answer arrived. */
  settledAt: number | null;
}

// Floor actions act on a picker (status, zone), in a savepoint like any slow-path mutation: the warehouse clock
// first, then the picker row.
import { and, eq } from 'drizzle-orm';
import type { Mutator } from '../../shared/mutators/types';
import { inScope } from '../../shared/rules/permissions';
import type { Actor } from '../../shared/mutators/types';
import type { Refusal } from '../../shared/sync/protocol';
import { pickers, zones } from '../db/schema';
import { isRetryable, type WriteScope } from './write-tx';

export async function applyPickerMutation(
  scope: WriteScope,
  actor: Actor,
  mutator: Mutator<unknown, 'picker'>,
  args: unknown,
  pickerId: string,
  context: { now: number; mutationKey: string },
): Promise<Refusal | null> {
  const [found] = await scope.tx
    .select({ warehouseId: pickers.warehouseId })
    .from(pickers)
    .where(eq(pickers.id, pickerId));
  if (!found || !inScope(actor, found.warehouseId)) return { code: 'not_found', message: 'no such picker' };
  const version = await scope.version(found.warehouseId);
  try {
    return await scope.tx.transaction(async (sp) => {
      const [row] = await sp.select().from(pickers).where(eq(pickers.id, pickerId)).for('update');
      if (!row) return { code: 'not_found', message: 'no such picker' } satisfies Refusal;
      const { rowVersion: _, ...current } = row;
      const out = mutator.apply(current, args, { actor, ...context });
      if (!out.ok) return out.refusal;
      if (out.next === current) return null;
      if (out.next.zoneId !== current.zoneId) {
        const [zone] = await sp
          .select({ id: zones.id })
          .from(zones)
          .where(and(eq(zones.id, out.next.zoneId), eq(zones.warehouseId, found.warehouseId)));
        if (!zone)
          return { code: 'invalid', message: 'that zone is not in the picker’s warehouse' } satisfies Refusal;
      }
      await sp
        .update(pickers)
        .set({ status: out.next.status, zoneId: out.next.zoneId, rowVersion: version })
        .where(eq(pickers.id, pickerId));
      return null;
    });
  } catch (err) {
    if (isRetryable(err)) throw err;
    return { code: 'invalid', message: `the server could not apply this action: ${(err as Error).message}` };
  }
}

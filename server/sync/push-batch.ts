// The fast path of a push: every mutation of the batch runs in memory on the cases it touches, which are read
// and locked with one query, and the results are written in bulk. Round trips per batch instead of per
// mutation is what lets one warehouse take thousands of actions a second while each stays exactly-once.
// Lock order is the same as everywhere else: the warehouse clock first, then the case rows.
import { inArray, sql } from 'drizzle-orm';
import { parseMutation } from '../../shared/mutators/registry';
import type { Actor, NewEvent } from '../../shared/mutators/types';
import { inScope } from '../../shared/rules/permissions';
import type { CaseView } from '../../shared/schemas/case';
import type { Refusal } from '../../shared/sync/protocol';
import { cases } from '../db/schema';
import { selectCaseViews } from './case-view';
import { persist, type Pending } from './push-persist';
import { isRetryable, type WriteScope } from './write-tx';

const NOT_FOUND: Refusal = { code: 'not_found', message: 'no such case' };

/** Refusals in mutation order, or null when a write failed and the caller must fall back to one at a time. */
export async function applyBatch(
  scope: WriteScope,
  actor: Actor,
  mutations: Pending[],
  now: number,
): Promise<(Refusal | null)[] | null> {
  const { tx } = scope;
  const parsed = mutations.map((m) => parseMutation(m.name, m.args));
  // Floor actions (on pickers) are rare: a batch with any of them takes the one-at-a-time path.
  if (parsed.some((p) => !('refusal' in p) && p.target !== 'case')) return null;
  const caseIds = [
    ...new Set(parsed.flatMap((p) => ('refusal' in p || p.target !== 'case' ? [] : [p.targetId]))),
  ];
  const located = caseIds.length
    ? await tx
        .select({ id: cases.id, warehouseId: cases.warehouseId })
        .from(cases)
        .where(inArray(cases.id, caseIds))
    : [];
  const visible = located.filter((c) => inScope(actor, c.warehouseId));
  const versions = new Map<string, number>();
  for (const wh of [...new Set(visible.map((c) => c.warehouseId))].sort())
    versions.set(wh, await scope.version(wh));
  const rows = visible.length
    ? await selectCaseViews(
        tx,
        inArray(
          cases.id,
          visible.map((c) => c.id),
        ),
        sql`order by ${cases.id} for update of ${cases}`,
      )
    : [];
  const before = new Map<string, CaseView>(rows.map(({ view }) => [view.id, view]));
  const state = new Map(before);
  const events = new Map<string, NewEvent[]>();
  const refusals = mutations.map((m, i): Refusal | null => {
    const p = parsed[i]!;
    if ('refusal' in p) return p.refusal;
    if (p.target !== 'case') return NOT_FOUND;
    const current = state.get(p.targetId);
    if (!current) return NOT_FOUND;
    const out = p.mutator.apply(current, p.args, { actor, now, mutationKey: `${m.clientId}:${m.id}` });
    if (!out.ok) return out.refusal;
    state.set(p.targetId, out.next);
    if (out.events.length) events.set(p.targetId, [...(events.get(p.targetId) ?? []), ...out.events]);
    return null;
  });
  try {
    await tx.transaction(async (sp) => {
      for (const [id, next] of state) {
        const original = before.get(id)!;
        const version = versions.get(next.warehouseId)!;
        await persist(sp, version, original, next, events.get(id) ?? [], actor, now);
      }
    });
  } catch (err) {
    if (isRetryable(err)) throw err;
    return null;
  }
  return refusals;
}

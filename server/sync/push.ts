// POST /api/sync/push: applies a client's numbered mutations at most once each. One transaction per batch holds
// the client's row lock, so two pushes from the same client (a retry racing the original) serialize. The batch
// runs in memory with bulk writes (push-batch.ts); if a write fails, each mutation runs in its own savepoint so
// the failing one is recorded as its refusal instead of wedging the client's outbox forever (the failure mode
// Zero and Replicache warn about).
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/schemas/auth';
import { parseMutation } from '../../shared/mutators/registry';
import type { Actor } from '../../shared/mutators/types';
import { inScope } from '../../shared/rules/permissions';
import type { MutationResult, PushRequest, PushResponse, Refusal } from '../../shared/sync/protocol';
import type { Db } from '../db/open';
import { cases, syncClients, syncMutationResults } from '../db/schema';
import { readCase } from './case-view';
import { audit } from '../audit/audit';
import { applyBatch } from './push-batch';
import { applyPickerMutation } from './push-picker';
import { persist, type Pending } from './push-persist';
import { isRetryable, writeTransaction, type WriteScope } from './write-tx';

export class PushError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly lastMutationId?: number,
  ) {
    super(message);
  }
}

export interface PushContext {
  db: Db;
  now: () => number;
}

const actorOf = (user: SessionUser): Actor => ({
  userId: user.id,
  role: user.role,
  warehouseIds: user.warehouseIds,
});

/** The slow path: one mutation at a time, each in its own savepoint. */
async function applyEach(
  scope: WriteScope,
  actor: Actor,
  mutations: Pending[],
  now: number,
): Promise<(Refusal | null)[]> {
  const refusals: (Refusal | null)[] = [];
  for (const m of mutations) refusals.push(await applyOne(scope, actor, m, now));
  return refusals;
}

/** Applies one mutation; returns its refusal, or null when it was applied. */
async function applyOne(scope: WriteScope, actor: Actor, m: Pending, now: number): Promise<Refusal | null> {
  const parsed = parseMutation(m.name, m.args);
  if ('refusal' in parsed) return parsed.refusal;
  if (parsed.target === 'picker') {
    return applyPickerMutation(scope, actor, parsed.mutator, parsed.args, parsed.targetId, {
      now,
      mutationKey: `${m.clientId}:${m.id}`,
    });
  }
  const [found] = await scope.tx
    .select({ warehouseId: cases.warehouseId })
    .from(cases)
    .where(eq(cases.id, parsed.targetId));
  // A case outside the user's warehouses is reported exactly like one that does not exist.
  if (!found || !inScope(actor, found.warehouseId)) return { code: 'not_found', message: 'no such case' };
  // Take the warehouse version outside the savepoint: rolling the savepoint back must not roll back the clock
  // that later mutations of this batch will stamp their rows with.
  const version = await scope.version(found.warehouseId);
  try {
    return await scope.tx.transaction(async (sp) => {
      const current = await readCase(sp, parsed.targetId, true);
      if (!current) return { code: 'not_found', message: 'no such case' } satisfies Refusal;
      const outcome = parsed.mutator.apply(current, parsed.args, {
        actor,
        now,
        mutationKey: `${m.clientId}:${m.id}`,
      });
      if (!outcome.ok) return outcome.refusal;
      await persist(sp, version, current, outcome.next, outcome.events, actor, now);
      return null;
    });
  } catch (err) {
    if (isRetryable(err)) throw err;
    return { code: 'invalid', message: `the server could not apply this action: ${(err as Error).message}` };
  }
}

export async function push(
  ctx: PushContext,
  user: SessionUser,
  req: PushRequest,
  origin: { address: string | null } = { address: null },
): Promise<PushResponse> {
  const ids = req.mutations.map((m) => m.id);
  if (ids.some((id, i) => i > 0 && id !== ids[i - 1]! + 1)) {
    throw new PushError(400, 'invalid_request', 'mutation ids in a push must be consecutive and ascending');
  }
  const actor = actorOf(user);
  return writeTransaction(ctx.db, async (scope) => {
    const { tx } = scope;
    await tx.insert(syncClients).values({ clientId: req.clientId, userId: user.id }).onConflictDoNothing();
    const [client] = await tx
      .select()
      .from(syncClients)
      .where(eq(syncClients.clientId, req.clientId))
      .for('update');
    if (!client || client.userId !== user.id) {
      throw new PushError(403, 'forbidden', 'this client id belongs to another user');
    }
    let last = client.lastMutationId;
    const first = ids[0]!;
    if (first > last + 1) {
      throw new PushError(409, 'mutation_gap', `expected mutation ${last + 1}, got ${first}`, last);
    }
    const results: PushResponse['results'] = [];
    const previous = await tx
      .select()
      .from(syncMutationResults)
      .where(
        and(
          eq(syncMutationResults.clientId, req.clientId),
          gte(syncMutationResults.mutationId, first),
          lte(syncMutationResults.mutationId, last),
        ),
      );
    const previousById = new Map(previous.map((r) => [r.mutationId, r]));
    for (const m of req.mutations.filter((x) => x.id <= last)) {
      const earlier = previousById.get(m.id);
      const result: MutationResult =
        earlier?.status === 'refused' && earlier.refusal
          ? { id: m.id, status: 'refused', refusal: earlier.refusal }
          : { id: m.id, status: 'applied' };
      results.push({ ...result, duplicate: true });
    }
    const fresh = req.mutations.filter((x) => x.id > last).map((m) => ({ clientId: req.clientId, ...m }));
    if (fresh.length) {
      const now = ctx.now();
      // The whole batch in memory with bulk writes; if a write fails, one mutation at a time, each in its
      // own savepoint, so the failing one is refused and the others still apply.
      const refusals =
        (await applyBatch(scope, actor, fresh, now)) ?? (await applyEach(scope, actor, fresh, now));
      await tx.insert(syncMutationResults).values(
        fresh.map((m, i) => ({
          clientId: req.clientId,
          mutationId: m.id,
          name: m.name,
          status: refusals[i] ? ('refused' as const) : ('applied' as const),
          refusal: refusals[i] ?? null,
          // Statement time, evaluated row by row: within a warehouse, batches serialize on its clock lock, so
          // this orders mutations as they were applied (the sync fault test replays them in this order).
          processedAt: sql`clock_timestamp()`,
        })),
      );
      // Who did what, from which desk, in the same transaction as the change itself.
      await audit(
        tx,
        fresh.map((m, i) => {
          const args = (m.args ?? {}) as { caseId?: unknown; pickerId?: unknown };
          const target =
            typeof args.caseId === 'string'
              ? args.caseId
              : typeof args.pickerId === 'string'
                ? args.pickerId
                : null;
          return {
            at: now,
            userId: user.id,
            username: user.username,
            action: `mutation:${m.name}`,
            target,
            clientId: req.clientId,
            address: origin.address,
            outcome: refusals[i] ? `refused:${refusals[i].code}` : 'applied',
            detail: { mutationId: m.id },
          };
        }),
      );
      fresh.forEach((m, i) => {
        const refusal = refusals[i] ?? null;
        results.push(
          refusal
            ? { id: m.id, status: 'refused', refusal, duplicate: false }
            : { id: m.id, status: 'applied', duplicate: false },
        );
      });
      last = fresh.at(-1)!.id;
    }
    await tx
      .update(syncClients)
      .set({ lastMutationId: last, lastSeenAt: new Date(ctx.now()) })
      .where(eq(syncClients.clientId, req.clientId));
    return { lastMutationId: last, results };
  });
}

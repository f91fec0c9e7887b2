// `npm run test:sync-faults`: random sequences of coordinator actions on several desks, with faults on the
// wire, reloads mid-push and server restarts, against the real server; then the system goes quiet and the
// invariants of docs/sync-protocol.md are checked. Prints its seed and run count; SYNC_FAULT_SEED reproduces
// a failing run, SYNC_FAULT_RUNS sets the count (see scripts/sync-faults.ts).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { parseMutation } from '../../shared/mutators/registry';
import type { CaseView } from '../../shared/schemas/case';
import { caseEvents, syncMutationResults } from '../../server/db/schema';
import { readCase } from '../../server/sync/case-view';
import type { Desk } from './desk';
import { FAULTS } from './faulty-network';
import { FaultWorld, type Step } from './world';

const RUNS = Number(process.env.SYNC_FAULT_RUNS ?? 60);
const SEED = Number(process.env.SYNC_FAULT_SEED ?? Date.now() % 2 ** 31);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record({
      t: fc.constant('act' as const),
      desk: fc.nat(2),
      action: fc.constantFrom('claim', 'release', 'note', 'resolve', 'delay' as const),
      target: fc.nat(2),
    }),
  },
  {
    weight: 20,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      desk: fc.nat(2),
      fault: fc.constantFrom(...FAULTS),
    }),
  },
  { weight: 7, arbitrary: fc.record({ t: fc.constant('offline' as const), desk: fc.nat(2) }) },
  { weight: 7, arbitrary: fc.record({ t: fc.constant('online' as const), desk: fc.nat(2) }) },
  { weight: 20, arbitrary: fc.record({ t: fc.constant('sync' as const), desk: fc.nat(2) }) },
  { weight: 7, arbitrary: fc.record({ t: fc.constant('reload' as const), desk: fc.nat(2) }) },
  { weight: 7, arbitrary: fc.record({ t: fc.constant('reload-mid-push' as const), desk: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

/** The fields the mutators decide; timestamps are the server's and are checked by equality of whole views. */
const decided = (c: CaseView) => ({
  status: c.status,
  assigneeId: c.assigneeId,
  cause: c.cause,
  causes: c.causes,
  outcome: c.outcome,
  shipBy: c.shipBy,
  pauses: c.pauses.map((p) => [p.kind, p.from, p.to, p.by]),
  version: c.version,
});

describe('sync under faults (model-based)', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await FaultWorld.start();
  }, 120_000);
  afterAll(() => world?.close());

  it(`converges, applies every action at most once and answers each exactly once (${RUNS} runs, seed ${SEED})`, async () => {
    console.log(
      `[sync-faults] seed=${SEED} runs=${RUNS} (reproduce: npm run test:sync-faults -- --seed ${SEED} --runs ${RUNS})`,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
        const run = await world.newRun();
        for (const s of steps) await run.perform(s);
        await run.quiesce();

        const desks: Desk[] = world.desks;
        // 1. Every action has exactly one final result, the same on the desk and on the server.
        for (const desk of desks) {
          const results = await world.db
            .select()
            .from(syncMutationResults)
            .where(eq(syncMutationResults.clientId, desk.store.clientId))
            .orderBy(asc(syncMutationResults.mutationId));
          expect(results.map((r) => r.mutationId)).toEqual(results.map((_, i) => i + 1));
          const byId = new Map(results.map((r) => [r.mutationId, r]));
          for (const entry of desk.store.memory.outbox) {
            expect(entry.status, `desk ${desk.user.username} mutation ${entry.id}`).not.toBe('pending');
            expect(byId.get(entry.id)?.status, `desk ${desk.user.username} mutation ${entry.id}`).toBe(
              entry.status,
            );
          }
        }
        // 2. Applied notes exist exactly once; refused ones not at all.
        const noteIds = run.notes.map((n) => n.noteId);
        const stored = noteIds.length
          ? await world.db.select().from(caseEvents).where(inArray(caseEvents.id, noteIds))
          : [];
        for (const note of run.notes) {
          const [result] = await world.db
            .select()
            .from(syncMutationResults)
            .where(
              and(
                eq(syncMutationResults.clientId, note.clientId),
                eq(syncMutationResults.mutationId, note.mutationId),
              ),
            );
          expect(stored.filter((e) => e.id === note.noteId)).toHaveLength(
            result?.status === 'applied' ? 1 : 0,
          );
        }
        // 3. Once quiet, every desk shows the server's state, with nothing left in its overlay.
        for (const caseId of run.caseIds) {
          const server = await readCase(world.db, caseId, false);
          for (const desk of desks) {
            expect(desk.store.memory.pendingFor(caseId)).toHaveLength(0);
            expect(desk.store.memory.caseView(caseId), `desk ${desk.user.username} case ${caseId}`).toEqual(
              server,
            );
          }
          // 4. The server's state is explained by the accepted actions, replayed in the order they were applied.
          const applied = await run.appliedOn(caseId);
          let state = run.initial.get(caseId)!;
          for (const m of applied) {
            const parsed = parseMutation(m.name, m.args);
            if ('refusal' in parsed || parsed.target !== 'case')
              throw new Error(`applied mutation does not parse as a case action: ${m.name}`);
            const out = parsed.mutator.apply(state, parsed.args, {
              actor: m.actor,
              now: m.at,
              mutationKey: m.key,
            });
            expect(out.ok, `replaying ${m.name} on ${caseId}`).toBe(true);
            if (out.ok) state = out.next;
          }
          expect(decided(state)).toEqual(decided(server!));
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
    );
  }, 3_600_000);
});

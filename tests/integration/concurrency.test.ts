// Twenty desks push conflicting actions on the same five cases at the same moment. Every mutation must get
// exactly one result, and each case must end in a state that the accepted actions explain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { parseMutation } from '../../shared/mutators/registry';
import type { CaseView } from '../../shared/schemas/case';
import { caseEvents, cases, syncMutationResults } from '../../server/db/schema';
import { createUser } from '../../server/accounts/users';
import { readCase } from '../../server/sync/case-view';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

const CLIENTS = 20;
const WH = 'wh-hz-xs-1';

describe.each(BACKENDS)('concurrent conflicting pushes ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    for (let i = 0; i < CLIENTS; i++) {
      await createUser(h.db, {
        username: `desk${i}`,
        displayName: `协调员${i}`,
        role: i % 5 === 0 ? 'lead' : 'coordinator',
        password: 'desk2026',
        warehouseIds: [WH],
      });
    }
  }, 120_000);
  afterAll(() => h.close());

  it('gives every mutation exactly one result and leaves every case explained by the accepted ones', async () => {
    const targets = (
      await h.db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open'), isNull(cases.assigneeId)))
        .orderBy(asc(cases.id))
        .limit(5)
    ).map((r) => r.id);
    const logins = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => h.login(`desk${i}`)));
    const batches = logins.map((_, i) =>
      targets
        .flatMap((caseId, k) => {
          const base = { caseId };
          const note = {
            caseId,
            noteId: `00000000-0000-4000-8000-${String(i * 100 + k).padStart(12, '0')}`,
            text: `desk${i}`,
          };
          return [
            { name: 'claimCase', args: { ...base, baseVersion: 0 } },
            { name: 'addNote', args: note },
            (i + k) % 3 === 0
              ? {
                  name: 'resolveCase',
                  args: { ...base, cause: 'short_staffed', outcome: i % 2 ? 'saved' : 'refunded' },
                }
              : { name: 'releaseCase', args: base },
          ];
        })
        .map((m, j) => ({ ...m, id: j + 1 })),
    );
    const responses = await Promise.all(
      logins.map((l, i) => h.push(l.token, `concurrent-${i}`, batches[i]!)),
    );
    for (const [i, res] of responses.entries()) {
      expect(res.status, `client ${i}: ${JSON.stringify(res.body)}`).toBe(200);
      expect((res.body as { results: unknown[] }).results).toHaveLength(batches[i]!.length);
    }
    // Exactly one stored result per mutation, none missing, none twice.
    for (let i = 0; i < CLIENTS; i++) {
      const stored = await h.db
        .select()
        .from(syncMutationResults)
        .where(eq(syncMutationResults.clientId, `concurrent-${i}`));
      expect(stored.map((r) => r.mutationId).sort((a, b) => a - b)).toEqual(batches[i]!.map((m) => m.id));
    }
    // Notes always apply (append-only), once each.
    const notes = await h.db.select().from(caseEvents).where(eq(caseEvents.kind, 'note'));
    expect(notes.filter((n) => n.text?.startsWith('desk'))).toHaveLength(CLIENTS * targets.length);

    // Replay the accepted mutations per case in the order the server applied them.
    const applied = await h.db
      .select()
      .from(syncMutationResults)
      .where(eq(syncMutationResults.status, 'applied'))
      .orderBy(
        asc(syncMutationResults.processedAt),
        asc(syncMutationResults.clientId),
        asc(syncMutationResults.mutationId),
      );
    for (const caseId of targets) {
      // Every target started open, unclaimed, at version 0; only the mutators moved it.
      let state: CaseView = {
        ...(await readCase(h.db, caseId, false))!,
        status: 'open',
        assigneeId: null,
        claimedAt: null,
        cause: null,
        causes: [],
        outcome: null,
        closedAt: null,
        version: 0,
      };
      for (const row of applied) {
        const i = Number(row.clientId.split('-')[1]);
        const m = batches[i]?.find((b) => b.id === row.mutationId);
        if (!m || m.args.caseId !== caseId) continue;
        const parsed = parseMutation(m.name, m.args);
        if ('refusal' in parsed || parsed.target !== 'case')
          throw new Error('applied mutation does not parse as a case action');
        const user = logins[i]!.user;
        const out = parsed.mutator.apply(state, parsed.args, {
          actor: { userId: user.id, role: user.role, warehouseIds: user.warehouseIds },
          now: row.processedAt.getTime(),
          mutationKey: `${row.clientId}:${row.mutationId}`,
        });
        expect(out.ok).toBe(true);
        if (out.ok) state = out.next;
      }
      const final = (await readCase(h.db, caseId, false))!;
      expect({
        status: final.status,
        assigneeId: final.assigneeId,
        cause: final.cause,
        outcome: final.outcome,
        version: final.version,
      }).toEqual({
        status: state.status,
        assigneeId: state.assigneeId,
        cause: state.cause,
        outcome: state.outcome,
        version: state.version,
      });
    }
  }, 120_000);
});

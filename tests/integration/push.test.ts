import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { caseEvents, cases, syncClients } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

describe.each(BACKENDS)('push ($name)', (backend) => {
  let h: Harness;
  let token: string;
  let userId: string;
  let openCases: string[];
  let clientN = 0;
  let clientId: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    ({
      token,
      user: { id: userId },
    } = await h.login('zhangwei'));
    const rows = await h.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.warehouseId, 'wh-hz-xs-1'), eq(cases.status, 'open'), isNull(cases.assigneeId)))
      .orderBy(asc(cases.id));
    openCases = rows.map((r) => r.id);
    expect(openCases.length).toBeGreaterThan(10);
  });
  beforeEach(() => {
    clientId = `push-client-${clientN++}`;
  });
  afterAll(() => h.close());

  const noteId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const notesOn = async (caseId: string) =>
    h.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'note')));

  it('applies claim, note and resolve in order and records who did it', async () => {
    const caseId = openCases[0]!;
    const res = await h.push(token, clientId, [
      { id: 1, name: 'claimCase', args: { caseId, baseVersion: 0 } },
      { id: 2, name: 'addNote', args: { caseId, noteId: noteId(1), text: '已联系A区拣货员优先处理' } },
      {
        id: 3,
        name: 'resolveCase',
        args: { caseId, cause: 'picker_absent', outcome: 'saved', note: '换人拣货后已发出' },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      lastMutationId: 3,
      results: [1, 2, 3].map((id) => ({ id, status: 'applied', duplicate: false })),
    });
    const [row] = await h.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({
      status: 'resolved',
      assigneeId: userId,
      cause: 'picker_absent',
      outcome: 'saved',
      version: 2,
    });
    const events = await h.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.id));
    expect(events.map((e) => e.kind).sort()).toEqual(['claimed', 'note', 'resolved']);
    expect(events.every((e) => e.actorId === userId)).toBe(true);
  });

  it('answers a replayed push as duplicates with the original results and applies nothing twice', async () => {
    const caseId = openCases[1]!;
    const batch = [
      { id: 1, name: 'addNote', args: { caseId, noteId: noteId(2), text: '第一次' } },
      { id: 2, name: 'resolveCase', args: { caseId, cause: 'nonsense', outcome: 'saved' } },
    ];
    const first = await h.push(token, clientId, batch);
    const [before] = await h.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    const replay = await h.push(token, clientId, batch);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied', duplicate: true },
        {
          id: 2,
          status: 'refused',
          refusal: (first.body as { results: { refusal?: unknown }[] }).results[1]!.refusal,
          duplicate: true,
        },
      ],
    });
    expect(await notesOn(caseId)).toHaveLength(1);
    const [after] = await h.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    expect(after?.lastMutationId).toBe(before?.lastMutationId);
  });

  it('handles a batch that repeats acknowledged mutations and adds new ones', async () => {
    const caseId = openCases[2]!;
    await h.push(token, clientId, [
      { id: 1, name: 'addNote', args: { caseId, noteId: noteId(3), text: 'a' } },
    ]);
    const res = await h.push(token, clientId, [
      { id: 1, name: 'addNote', args: { caseId, noteId: noteId(3), text: 'a' } },
      { id: 2, name: 'addNote', args: { caseId, noteId: noteId(4), text: 'b' } },
    ]);
    expect(res.body).toMatchObject({
      lastMutationId: 2,
      results: [{ duplicate: true }, { status: 'applied', duplicate: false }],
    });
    expect(await notesOn(caseId)).toHaveLength(2);
  });

  it('refuses a gap with 409 and applies nothing', async () => {
    const caseId = openCases[3]!;
    await h.push(token, clientId, [
      { id: 1, name: 'addNote', args: { caseId, noteId: noteId(5), text: 'x' } },
    ]);
    const res = await h.push(token, clientId, [
      { id: 3, name: 'addNote', args: { caseId, noteId: noteId(6), text: 'y' } },
    ]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'mutation_gap', lastMutationId: 1 });
    expect(await notesOn(caseId)).toHaveLength(1);
    const unordered = await h.push(token, clientId, [
      { id: 2, name: 'addNote', args: { caseId, noteId: noteId(7), text: 'z' } },
      { id: 4, name: 'addNote', args: { caseId, noteId: noteId(8), text: 'w' } },
    ]);
    expect(unordered.status).toBe(400);
  });

  it('records business refusals as results and keeps going', async () => {
    const caseId = openCases[4]!;
    const other = await h.login('wangfang');
    await h.push(other.token, `${clientId}-other`, [
      { id: 1, name: 'claimCase', args: { caseId, baseVersion: 0 } },
    ]);
    const res = await h.push(token, clientId, [
      { id: 1, name: 'claimCase', args: { caseId, baseVersion: 0 } },
      { id: 2, name: 'noSuchAction', args: {} },
      { id: 3, name: 'addNote', args: { caseId, noteId: 'not-a-uuid', text: '' } },
      { id: 4, name: 'addNote', args: { caseId, noteId: noteId(9), text: '王芳在处理，我补充备注' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      lastMutationId: 4,
      results: [
        { id: 1, status: 'refused', refusal: { code: 'conflict', by: other.user.id, at: h.clock.now } },
        { id: 2, status: 'refused', refusal: { code: 'unknown_mutation' } },
        { id: 3, status: 'refused', refusal: { code: 'invalid' } },
        { id: 4, status: 'applied' },
      ],
    });
    const [row] = await h.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row?.assigneeId).toBe(other.user.id);
  });

  it('lets the first resolve win and tells the second', async () => {
    const caseId = openCases[5]!;
    const other = await h.login('wangfang');
    const a = await h.push(token, clientId, [
      { id: 1, name: 'resolveCase', args: { caseId, cause: 'out_of_stock', outcome: 'delay_agreed' } },
    ]);
    const b = await h.push(other.token, `${clientId}-b`, [
      { id: 1, name: 'resolveCase', args: { caseId, cause: 'weather', outcome: 'saved' } },
    ]);
    expect(a.body).toMatchObject({ results: [{ status: 'applied' }] });
    expect(b.body).toMatchObject({
      results: [{ status: 'refused', refusal: { code: 'case_closed', by: userId } }],
    });
    const [row] = await h.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ cause: 'out_of_stock', outcome: 'delay_agreed' });
  });

  it('refuses only the mutation whose write fails, applies its batch-mates, and never wedges the client', async () => {
    // A real database error on one write (a trigger standing in for a constraint nobody expected).
    await h.db.execute(sql`create or replace function poison_note() returns trigger language plpgsql as $$
      begin if new.text = 'poison' then raise exception 'poisoned note'; end if; return new; end $$`);
    await h.db.execute(
      sql`create trigger poison_note before insert on case_events for each row execute function poison_note()`,
    );
    try {
      const caseId = openCases[8]!;
      const res = await h.push(token, clientId, [
        { id: 1, name: 'addNote', args: { caseId, noteId: noteId(20), text: 'before' } },
        { id: 2, name: 'addNote', args: { caseId, noteId: noteId(21), text: 'poison' } },
        { id: 3, name: 'addNote', args: { caseId, noteId: noteId(22), text: 'after' } },
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        lastMutationId: 3,
        results: [
          { status: 'applied' },
          { status: 'refused', refusal: { code: 'invalid' } },
          { status: 'applied' },
        ],
      });
      expect((await notesOn(caseId)).map((n) => n.text).sort()).toEqual(['after', 'before']);
    } finally {
      await h.db.execute(sql`drop trigger poison_note on case_events`);
    }
  });

  it("refuses to use another user's client id", async () => {
    await h.push(token, clientId, [
      { id: 1, name: 'addNote', args: { caseId: openCases[6]!, noteId: noteId(10), text: 'mine' } },
    ]);
    const other = await h.login('wangfang');
    const res = await h.push(other.token, clientId, [
      { id: 2, name: 'addNote', args: { caseId: openCases[6]!, noteId: noteId(11), text: 'theirs' } },
    ]);
    expect(res.status).toBe(403);
    expect(await notesOn(openCases[6]!)).toHaveLength(1);
  });

  it('reports the last applied mutation id in pull so the client can drop its optimistic copies', async () => {
    await h.push(token, clientId, [
      { id: 1, name: 'claimCase', args: { caseId: openCases[7]!, baseVersion: 0 } },
      { id: 2, name: 'addNote', args: { caseId: openCases[7]!, noteId: noteId(12), text: '已催仓' } },
    ]);
    const pulled = await h.pullAll(token, clientId);
    expect(pulled.lastMutationId).toBe(2);
    const note = pulled.changes.find(
      (c) => c.op === 'put' && c.kind === 'event' && c.value.id === noteId(12),
    );
    expect(note).toMatchObject({ value: { kind: 'note', text: '已催仓', actorId: userId } });
  });
});

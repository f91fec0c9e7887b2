import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/types';
import { sampleCase } from '../../shared/test-data';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { DeskDb } from './local-db';
import { APPLIED_HISTORY, LocalStore } from './local-store';

const zhang: Actor = { userId: 'u-zhang', role: 'coordinator', warehouseIds: ['wh-1'] };
let n = 0;
const freshName = () => `test-db-${n++}-${Math.random()}`;
const NOTE = '00000000-0000-4000-8000-00000000000a';

function page(
  changes: Extract<PullResponse, { type: 'page' }>['changes'],
  lastMutationId = 0,
  cursor = 'c1',
): Extract<PullResponse, { type: 'page' }> {
  return { type: 'page', changes, cursor, hasMore: false, lastMutationId, serverTime: 1_000 };
}

describe('LocalStore', () => {
  it('keeps a queued action across a reopen (a reload or a crash) and shows it at once', async () => {
    const name = freshName();
    const store = await LocalStore.open(new DeskDb(name), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    const entry = await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    expect(entry).toMatchObject({ id: 1, status: 'pending' });
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    store.close();

    const reopened = await LocalStore.open(new DeskDb(name), zhang);
    await reopened.ready;
    expect(reopened.clientId).toBe(store.clientId);
    expect(reopened.memory.pendingCount).toBe(1);
    expect(reopened.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    expect(reopened.memory.cases.get('c1')?.assigneeId).toBeNull();
    const next = await reopened.enqueue('addNote', { caseId: 'c1', noteId: NOTE, text: '备注' });
    expect(next.id).toBe(2);
    reopened.close();
  });

  it('shows an action before its outbox write commits, and pushes it only once it is durable', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    let heard = 0;
    store.subscribe(() => heard++);
    const writing = store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    // Synchronously after the call: on screen, but not yet something the sync loop would push.
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    expect(heard).toBe(1);
    expect(store.memory.pendingCount).toBe(0);
    expect(store.pendingBatch(10)).toEqual([]);
    const entry = await writing;
    expect(store.memory.provisional).toEqual([]);
    expect(store.pendingBatch(10).map((e) => e.id)).toEqual([entry.id]);
    expect(await store.db.outbox.get(entry.id)).toMatchObject({ name: 'claimCase', status: 'pending' });
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    store.close();
  });

  it('takes a shown action back, and says why, when its outbox write fails', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    await store.enqueue('addNote', { caseId: 'c1', noteId: NOTE, text: '先记一笔' });
    // A damaged counter points at an id the outbox already holds: the add fails inside the transaction.
    await store.db.meta.put({ key: 'nextMutationId', value: 1 });
    const lost: string[] = [];
    store.onActionLost((name, err) => lost.push(`${name}: ${(err as Error).name}`));
    const writing = store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    await expect(writing).rejects.toThrow();
    expect(lost).toEqual(['claimCase: ConstraintError']);
    expect(store.memory.caseView('c1')?.assigneeId).toBeNull();
    expect(store.memory.provisional).toEqual([]);
    expect(store.memory.outbox.map((e) => e.name)).toEqual(['addNote']);
    store.close();
  });

  it('queues many actions as one: shown together, one write, ids in order, taken back together', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await store.applyPage(
      page(ids.map((id) => ({ op: 'put', kind: 'case', value: sampleCase({ id }) }))),
      1_000,
    );
    let heard = 0;
    store.subscribe(() => heard++);
    const claim = (caseId: string) => ({ name: 'claimCase', args: { caseId, baseVersion: 0 } }) as const;
    const writing = store.enqueueAll([
      claim('c1'),
      claim('c2'),
      claim('c3'),
      { name: 'addNote', args: { caseId: 'c4', noteId: NOTE, text: '一起' } },
    ]);
    // All on screen at once, from one change of the data.
    expect(['c1', 'c2', 'c3'].map((id) => store.memory.caseView(id)?.assigneeId)).toEqual(
      Array(3).fill('u-zhang'),
    );
    expect(heard).toBe(1);
    const entries = await writing;
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      [1, 'claimCase'],
      [2, 'claimCase'],
      [3, 'claimCase'],
      [4, 'addNote'],
    ]);
    expect(heard).toBe(2);
    expect(await store.db.meta.get('nextMutationId')).toMatchObject({ value: 5 });
    expect(store.pendingBatch(10).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    // The next batch takes the ids after them, the counter where this store left it.
    const note = (caseId: string, i: number) =>
      ({
        name: 'addNote',
        args: { caseId, noteId: NOTE.replace(/a$/, String(i)), text: `第${i}笔` },
      }) as const;
    expect((await store.enqueueAll([note('c3', 1), note('c4', 2)])).map((e) => e.id)).toEqual([5, 6]);
    expect(await store.db.meta.get('nextMutationId')).toMatchObject({ value: 7 });

    // One malformed action: none of them is queued.
    const bad = { name: 'claimCase', args: { caseId: 42 } } as unknown as ReturnType<typeof claim>;
    await expect(store.enqueueAll([claim('c5'), bad])).rejects.toThrow();
    expect(store.memory.caseView('c5')?.assigneeId).toBeNull();
    expect(store.memory.outbox).toHaveLength(6);

    // A failing write takes every one of them back, and each is reported.
    await store.db.meta.put({ key: 'nextMutationId', value: 1 });
    const lost: string[] = [];
    store.onActionLost((name, err) => lost.push(`${name}: ${(err as Error).name}`));
    await expect(store.enqueueAll([claim('c5'), claim('c5')])).rejects.toThrow();
    expect(lost).toEqual(['claimCase: ConstraintError', 'claimCase: ConstraintError']);
    expect(store.memory.caseView('c5')?.assigneeId).toBeNull();
    expect(store.memory.provisional).toEqual([]);
    store.close();
  });

  it('never reuses a mutation id, also when another window wrote and its action was already pruned', async () => {
    const name = freshName();
    const a = await LocalStore.open(new DeskDb(name), zhang);
    const b = await LocalStore.open(new DeskDb(name), zhang);
    await a.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    const note = (i: number) => ({ caseId: 'c1', noteId: NOTE.replace(/a$/, String(i)), text: `第${i}笔` });
    expect((await a.enqueue('addNote', note(1))).id).toBe(1);
    expect((await a.enqueue('addNote', note(2))).id).toBe(2);
    expect((await b.enqueue('addNote', note(3))).id).toBe(3);
    // The server reflected id 3 and it was pruned: an id that is free in the outbox but was used.
    await b.db.outbox.delete(3);
    expect((await a.enqueue('addNote', note(4))).id).toBe(4);
    expect((await a.enqueue('addNote', note(5))).id).toBe(5);
    expect((await b.db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2, 4, 5]);
    a.close();
    b.close();
  });

  it('refuses to queue malformed arguments', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await expect(store.enqueue('addNote', { caseId: 'c1', noteId: 'nope', text: '' })).rejects.toThrow();
    expect(store.memory.outbox).toHaveLength(0);
    store.close();
  });

  it('drops the optimistic copy once a pull confirms the mutation, and never shows a refused one', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    await store.enqueue('addNote', { caseId: 'c1', noteId: NOTE, text: '等待' });
    await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    expect(store.memory.eventsOf('c1').map((e) => e.pending)).toEqual([true, true]);

    await store.settle([
      { id: 1, status: 'applied', duplicate: false },
      {
        id: 2,
        status: 'refused',
        refusal: { code: 'conflict', message: 'held', by: 'u-wang', at: 5 },
        duplicate: false,
      },
    ]);
    // Applied but not yet pulled: still shown (as pending); refused: gone from the view at once.
    expect(store.memory.caseView('c1')?.assigneeId).toBeNull();
    expect(store.memory.eventsOf('c1')).toHaveLength(1);

    await store.applyPage(
      page(
        [
          { op: 'put', kind: 'case', value: sampleCase({ id: 'c1', assigneeId: 'u-wang' }) },
          {
            op: 'put',
            kind: 'event',
            value: {
              id: NOTE,
              caseId: 'c1',
              warehouseId: 'wh-1',
              kind: 'note',
              actorId: 'u-zhang',
              at: 2,
              text: '等待',
              detail: null,
            },
          },
        ],
        2,
        'c2',
      ),
      2_000,
    );
    expect(store.memory.eventsOf('c1').map((e) => [e.event.id, e.pending])).toEqual([[NOTE, false]]);
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-wang');
    expect(store.memory.outbox.map((e) => e.status)).toEqual(['applied', 'refused']);
    store.close();
  });

  it('forgets server data on reset but keeps the outbox', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    await store.resetBase();
    expect(store.cursor).toBeNull();
    expect(store.memory.cases.size).toBe(0);
    expect(store.memory.pendingCount).toBe(1);
    expect(await store.db.outbox.count()).toBe(1);
    store.close();
  });

  it('renumbers pending actions after the server forgot some mutation ids', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }], 5), 1_000);
    for (let i = 0; i < 3; i++)
      await store.enqueue('addNote', {
        caseId: 'c1',
        noteId: `00000000-0000-4000-8000-00000000000${i}`,
        text: `n${i}`,
      });
    expect(store.memory.outbox.map((e) => e.id)).toEqual([6, 7, 8]);
    await store.renumberPending(2);
    expect(store.memory.outbox.map((e) => [e.id, (e.args as { text: string }).text])).toEqual([
      [3, 'n0'],
      [4, 'n1'],
      [5, 'n2'],
    ]);
    expect((await store.enqueue('addNote', { caseId: 'c1', noteId: NOTE, text: 'next' })).id).toBe(6);
    store.close();
  });

  it('keeps the newest applied actions as history and prunes older ones once the server reflects them', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    const total = APPLIED_HISTORY + 5;
    for (let i = 0; i < total; i++) {
      await store.enqueue('addNote', {
        caseId: 'c1',
        noteId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        text: `n${i}`,
      });
    }
    await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    const results: PushResponse['results'] = Array.from({ length: total }, (_, i) => ({
      id: i + 1,
      status: 'applied',
      duplicate: false,
    }));
    results.push({
      id: total + 1,
      status: 'refused',
      refusal: { code: 'conflict', message: 'held' },
      duplicate: false,
    });
    await store.settle(results);
    await store.applyPage(page([], total + 1, 'c2'), 1_000);
    expect(store.memory.outbox.filter((e) => e.status === 'applied')).toHaveLength(APPLIED_HISTORY);
    expect(store.memory.outbox[0]?.id).toBe(6);
    expect(store.memory.outbox.at(-1)).toMatchObject({ id: total + 1, status: 'refused' });
    expect(await store.db.outbox.count()).toBe(APPLIED_HISTORY + 1);
    store.close();
  });

  it('applies deletions (tombstones) to cases and directory rows', async () => {
    const store = await LocalStore.open(new DeskDb(freshName()), zhang);
    await store.applyPage(
      page([
        { op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) },
        { op: 'put', kind: 'zone', value: { id: 'z1', warehouseId: 'wh-1', code: 'A', name: '生鲜区' } },
      ]),
      1_000,
    );
    await store.applyPage(
      page(
        [
          { op: 'del', kind: 'case', id: 'c1' },
          { op: 'del', kind: 'zone', id: 'z1' },
        ],
        0,
        'c2',
      ),
      1_000,
    );
    expect(store.memory.cases.size).toBe(0);
    expect(store.memory.directory.zone.size).toBe(0);
    store.close();
    // And after a reload (the log replayed from IndexedDB) they are still gone.
    const reopened = await LocalStore.open(new DeskDb(store.db.name), zhang);
    await reopened.ready;
    expect(reopened.memory.cases.size).toBe(0);
    expect(reopened.memory.directory.zone.size).toBe(0);
    reopened.close();
  });
});

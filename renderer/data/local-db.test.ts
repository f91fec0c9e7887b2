// Upgrades of the local database must keep the outbox (guarantee 7) and the data, and the staged load must
// paint the saved head before the whole log is in memory.
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { Change } from '../../shared/sync/entities';
import { PACK_FORMAT, packPage } from '../../shared/sync/packed';
import type { PullResponse } from '../../shared/sync/protocol';
import { sampleCase } from '../../shared/test-data';
import { chunkChanges, DeskDb } from './local-db';
import { LocalStore, windowChannel } from './local-store';
import { SyncEngine } from './sync-engine';

const actor = { userId: 'u-zhang', role: 'coordinator' as const, warehouseIds: ['wh-1'] };

/** The last page of a pull with these changes. */
const page = (
  changes: Change[],
  cursor: string,
  serverTime = 0,
): Extract<PullResponse, { type: 'page' }> => ({
  type: 'page',
  changes,
  cursor,
  hasMore: false,
  lastMutationId: 0,
  serverTime,
});

describe('local database', () => {
  it('upgrades a version-1 database (one record per case) without losing the outbox or the cases', async () => {
    const name = `upgrade-${Math.random()}`;
    // The schema as release 0.1 shipped it, with a pending action inside.
    const v1 = new Dexie(name);
    v1.version(1).stores({ meta: 'key', cases: 'id', events: 'id', directory: '[kind+id]', outbox: 'id' });
    await v1
      .table('cases')
      .bulkPut([sampleCase({ id: 'c1' }), sampleCase({ id: 'c2', assigneeId: 'u-wang' })]);
    await v1.table('directory').put({
      kind: 'person',
      id: 'u-wang',
      value: { id: 'u-wang', warehouseId: 'wh-1', displayName: '王芳', role: 'coordinator' },
    });
    await v1.table('meta').bulkPut([
      { key: 'clientId', value: 'client-from-v1' },
      { key: 'cursor', value: 'cursor-v1' },
      { key: 'nextMutationId', value: 2 },
    ]);
    await v1.table('outbox').put({
      id: 1,
      name: 'claimCase',
      args: { caseId: 'c1', baseVersion: 0 },
      caseId: 'c1',
      clientTime: 1,
      status: 'pending',
      refusal: null,
      settledAt: null,
    });
    v1.close();

    const store = await LocalStore.open(new DeskDb(name), actor);
    await store.ready;
    expect(store.clientId).toBe('client-from-v1');
    expect(store.cursor).toBe('cursor-v1');
    expect(store.memory.cases.size).toBe(2);
    expect(store.memory.directory.person.get('u-wang')?.displayName).toBe('王芳');
    expect(store.memory.pendingCount).toBe(1);
    expect(store.memory.caseView('c1')?.assigneeId).toBe('u-zhang');
    // The pending action continues the same numbering and is still sent first.
    expect(
      (
        await store.enqueue('addNote', {
          caseId: 'c1',
          noteId: '00000000-0000-4000-8000-000000000001',
          text: '升级后',
        })
      ).id,
    ).toBe(2);
    expect(store.pendingBatch(10).map((e) => e.id)).toEqual([1, 2]);
    expect(store.db.verno).toBe(4);
    expect(store.memory.outbox[0]).toMatchObject({ target: 'case', targetId: 'c1' });
    store.close();
  });

  it('paints the saved head of the worklist before the whole log is loaded, and syncs only after it is', async () => {
    const name = `head-${Math.random()}`;
    const store = await LocalStore.open(new DeskDb(name), actor);
    const now = Date.now();
    const cases = Array.from({ length: 300 }, (_, i) =>
      sampleCase({ id: `c${i}`, shipBy: now + i * 60_000 }),
    );
    await store.applyPage(
      page(
        cases.map((value) => ({ op: 'put', kind: 'case', value })),
        'c',
        now,
      ),
      now,
    );
    await store.saveHead();
    store.close();

    const reopened = await LocalStore.open(new DeskDb(name), actor);
    // Straight after open: the head only (the most urgent rows), before the log.
    expect(reopened.loaded).toBe(false);
    expect(reopened.memory.cases.size).toBe(120);
    expect(reopened.memory.cases.has('c0')).toBe(true);
    const pulls: string[] = [];
    const empty = {
      type: 'page',
      changes: [],
      cursor: 'c',
      hasMore: false,
      lastMutationId: 0,
      serverTime: now,
    };
    const engine = new SyncEngine({
      api: {
        baseUrl: '',
        post: async () => Promise.reject(new Error('pulls are read early')),
        postEarly: async (path) => {
          pulls.push(path);
          return { headers: new Headers(), text: Promise.resolve(JSON.stringify(empty)) };
        },
        get: async () => null as never,
      },
      store: reopened,
      getToken: () => 't',
      onAuthExpired: () => undefined,
      isOnline: () => true,
    });
    engine.start();
    engine.trigger();
    expect(pulls).toEqual([]);
    await reopened.ready;
    expect(reopened.memory.cases.size).toBe(300);
    await new Promise((r) => setTimeout(r, 20));
    expect(pulls).toEqual(['/api/sync/pull']);
    engine.stop();
    reopened.close();
  });

  it('compacts a long page log into snapshot chunks that replay to the same picture', async () => {
    const name = `compact-${Math.random()}`;
    const store = await LocalStore.open(new DeskDb(name), actor);
    for (let i = 0; i < 130; i++) {
      const value = sampleCase({ id: `c${i % 40}`, version: i });
      await store.applyPage(page([{ op: 'put', kind: 'case', value }], `k${i}`), 0);
    }
    expect(await store.db.log.count()).toBe(130);
    expect(await store.compactIfLong()).toBe(true);
    expect(await store.db.log.count()).toBe(1);
    const before = [...store.memory.cases.values()];
    store.close();
    const reopened = await LocalStore.open(new DeskDb(name), actor);
    await reopened.ready;
    expect([...reopened.memory.cases.values()]).toEqual(before);
    expect(reopened.cursor).toBe('k129');
    reopened.close();
  });

  it('reads page records stored before packing and stores new pages packed', async () => {
    const name = `plain-${Math.random()}`;
    const db = new DeskDb(name);
    const plain: Change[] = [{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1', penaltyFen: 321 }) }];
    await db.log.add({ text: JSON.stringify(plain), count: 1, snapshot: false });
    await db.meta.put({ key: 'cursor', value: 'old' });
    db.close();

    const store = await LocalStore.open(new DeskDb(name), actor);
    await store.ready;
    expect(store.memory.cases.get('c1')?.penaltyFen).toBe(321);
    const value = sampleCase({ id: 'c2', penaltyFen: 654 });
    await store.applyPage(page([{ op: 'put', kind: 'case', value }], 'new'), 0);
    const [, stored] = await store.db.log.toArray();
    expect(stored).toMatchObject({ packed: PACK_FORMAT, count: 1 });
    expect(stored!.text).not.toContain('penaltyFen');
    store.close();

    const reopened = await LocalStore.open(new DeskDb(name), actor);
    await reopened.ready;
    expect(reopened.memory.cases.get('c1')?.penaltyFen).toBe(321);
    expect(reopened.memory.cases.get('c2')).toEqual(value);
    reopened.close();
  });

  it('drops stored server data in a format it cannot read, keeps the outbox, and pulls from the start', async () => {
    const name = `future-${Math.random()}`;
    const first = await LocalStore.open(new DeskDb(name), actor);
    await first.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }], 'k1'), 0);
    await first.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    // A newer build wrote a record this one does not understand.
    await first.db.log.add({ text: '[[99,"?"]]', packed: PACK_FORMAT + 1, count: 1, snapshot: false });
    first.close();

    const store = await LocalStore.open(new DeskDb(name), actor);
    await store.ready;
    expect(store.cursor).toBeNull();
    expect(await store.db.log.count()).toBe(0);
    expect(await store.db.meta.get('cursor')).toBeUndefined();
    expect(store.memory.cases.size).toBe(0);
    expect(store.pendingBatch(10).map((e) => e.name)).toEqual(['claimCase']);
    store.close();
  });

  it('stores a packed pull page exactly as the same page sent plain', async () => {
    const value = sampleCase({ id: 'c1', penaltyFen: 77 });
    const sent = page(
      [
        { op: 'put', kind: 'case', value },
        { op: 'del', kind: 'case', id: 'c0' },
      ],
      'k',
    );
    const plain = await LocalStore.open(new DeskDb(`plain-page-${Math.random()}`), actor);
    const packed = await LocalStore.open(new DeskDb(`packed-page-${Math.random()}`), actor);
    await plain.applyPage(sent, 0);
    await packed.applyPage(packPage(sent), 0);
    const [a] = await plain.db.log.toArray();
    const [b] = await packed.db.log.toArray();
    expect(b!.text).toBe(a!.text);
    expect(packed.memory.cases.get('c1')).toEqual(value);
    expect([...packed.memory.cases.keys()]).toEqual(['c1']);
    plain.close();
    packed.close();
  });

  it('stores a packed page as the response text it came in and replays it after a reopen', async () => {
    const name = `page-text-${Math.random()}`;
    const value = sampleCase({ id: 'c7', penaltyFen: 12 });
    const sent = packPage(page([{ op: 'put', kind: 'case', value }], 'k7'));
    const text = JSON.stringify(sent);
    const store = await LocalStore.open(new DeskDb(name), actor);
    await store.applyPage(sent, 0, text);
    const [record] = await store.db.log.toArray();
    expect(record!.text).toBe(text);
    store.close();
    const reopened = await LocalStore.open(new DeskDb(name), actor);
    await reopened.ready;
    expect(reopened.memory.cases.get('c7')).toEqual(value);
    reopened.close();
  });

  it('tells another window of the same store about a page, which reads it from the log', async () => {
    const name = `two-windows-${Math.random()}`;
    const leader = await LocalStore.open(new DeskDb(name), actor);
    const follower = await LocalStore.open(new DeskDb(name), actor);
    await Promise.all([leader.ready, follower.ready]);
    const first = sampleCase({ id: 'w1' });
    const sent = packPage(page([{ op: 'put', kind: 'case', value: first }], 'kw1'));
    await leader.applyPage(sent, 0, JSON.stringify(sent));
    await vi.waitFor(() => expect(follower.memory.cases.get('w1')).toEqual(first));
    expect(follower.cursor).toBe('kw1');
    // A page whose record the leader compacted away before the follower read it: the follower replays the log.
    const second = sampleCase({ id: 'w2' });
    await leader.db.log.clear();
    await leader.db.log.bulkAdd(
      chunkChanges([...leader.memory.snapshot(), { op: 'put', kind: 'case', value: second }]),
    );
    const channel = new BroadcastChannel(windowChannel(name));
    channel.postMessage({
      type: 'page',
      seq: 999,
      cursor: 'kw2',
      lastMutationId: 0,
      clockOffsetMs: 0,
      lastSyncAt: null,
    });
    await vi.waitFor(() => expect(follower.memory.cases.get('w2')).toEqual(second));
    channel.close();
    expect(follower.memory.cases.get('w1')).toEqual(first);
    leader.close();
    follower.close();
  });
});

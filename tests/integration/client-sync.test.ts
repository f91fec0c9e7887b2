// The renderer's real sync engine and local store (IndexedDB via fake-indexeddb) against the real server,
// with faults injected on the wire between them: the pieces a coordinator's desk runs, minus the pixels.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { caseEvents, cases } from '../../server/db/schema';
import { DeskDb } from '../../renderer/data/local-db';
import { LocalStore } from '../../renderer/data/local-store';
import { SyncEngine } from '../../renderer/data/sync-engine';
import { createApiClient } from '../../renderer/platform/api-client';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

type Fault = (url: string, body: string) => 'pass' | 'drop-request' | 'drop-response' | Response;

interface Desk {
  userId: string;
  store: LocalStore;
  engine: SyncEngine;
  online: { value: boolean };
  faults: Fault[];
  token: { value: string };
  authExpired: number;
  sent: string[];
  /** Sees every response that reached the desk and may hand it a different one. */
  onResponse: ((url: string, res: Response) => Response) | null;
}

let dbCounter = 0;

async function openDesk(h: Harness, username: string, pullLimit?: number): Promise<Desk> {
  const { token, user } = await h.login(username);
  const desk = {
    userId: user.id,
    online: { value: true },
    faults: [] as Fault[],
    token: { value: token },
    authExpired: 0,
    sent: [] as string[],
    onResponse: null,
  } as Desk;
  const faultyFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : '';
    desk.sent.push(url);
    const verdict = desk.faults.shift()?.(url, body) ?? 'pass';
    if (verdict === 'drop-request') throw new TypeError('network error (request dropped)');
    if (verdict instanceof Response) return verdict;
    const res = await fetch(input, init);
    if (verdict === 'drop-response') {
      await res.text();
      throw new TypeError('network error (response lost after the server committed)');
    }
    return desk.onResponse?.(url, res) ?? res;
  };
  desk.store = await LocalStore.open(new DeskDb(`client-sync-${dbCounter++}-${username}`), {
    userId: user.id,
    role: user.role,
    warehouseIds: user.warehouseIds,
  });
  desk.engine = new SyncEngine({
    api: createApiClient(h.url, { fetch: faultyFetch }),
    store: desk.store,
    getToken: () => desk.token.value,
    onAuthExpired: () => desk.authExpired++,
    isOnline: () => desk.online.value,
    random: () => 0, // no jitter: retries happen as soon as Retry-After allows
    fallbackPullMs: 3_600_000,
    ...(pullLimit ? { pullLimit } : {}),
  });
  return desk;
}

async function settled(desk: Desk) {
  await vi.waitFor(
    () => {
      expect(desk.engine.status.phase).toBe('idle');
      expect(desk.store.memory.pendingCount).toBe(0);
      expect(desk.store.lastSyncAt).not.toBeNull();
    },
    { timeout: 15_000, interval: 50 },
  );
}

describe.each(BACKENDS)('client sync engine against the server ($name)', (backend) => {
  let h: Harness;
  let zhang: Desk;
  let wang: Desk;
  let freeCases: string[];
  beforeAll(async () => {
    h = await startHarness(backend);
    zhang = await openDesk(h, 'zhangwei');
    wang = await openDesk(h, 'wangfang');
    zhang.engine.start();
    wang.engine.start();
    await settled(zhang);
    await settled(wang);
    const rows = await h.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.warehouseId, 'wh-hz-xs-1'), eq(cases.status, 'open'), isNull(cases.assigneeId)));
    freeCases = rows.map((r) => r.id);
  });
  afterAll(async () => {
    zhang.engine.stop();
    wang.engine.stop();
    await h.close();
  });

  const noteCount = async (caseId: string, text: string) =>
    (
      await h.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.text, text)))
    ).length;

  it('syncs down the whole warehouse on first start', () => {
    expect(zhang.store.memory.cases.size).toBeGreaterThan(20);
    expect(zhang.store.memory.directory.courier.size).toBe(6);
    expect([...zhang.store.memory.cases.values()].every((c) => c.warehouseId === 'wh-hz-xs-1')).toBe(true);
  });

  it('queues actions offline, replays them once back online, and a colleague sees them after a pull', async () => {
    const caseId = freeCases[0]!;
    zhang.online.value = false;
    await zhang.store.enqueue('claimCase', { caseId, baseVersion: 0 });
    await zhang.store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text: '离线备注' });
    zhang.engine.trigger();
    expect(zhang.engine.status.phase).toBe('offline');
    expect(zhang.store.memory.caseView(caseId)?.assigneeId).toBe(zhang.userId);
    expect(zhang.store.memory.cases.get(caseId)?.assigneeId).toBeNull();
    zhang.online.value = true;
    zhang.engine.trigger();
    await settled(zhang);
    expect(await noteCount(caseId, '离线备注')).toBe(1);
    wang.engine.trigger();
    await settled(wang);
    expect(wang.store.memory.caseView(caseId)?.assigneeId).toBe(zhang.userId);
    expect(wang.store.memory.eventsOf(caseId).some((e) => e.event.text === '离线备注' && !e.pending)).toBe(
      true,
    );
  });

  it('applies exactly once when the response is lost after the server committed', async () => {
    const caseId = freeCases[1]!;
    zhang.faults.push((url) => (url.endsWith('/push') ? 'drop-response' : 'pass'));
    await zhang.store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text: '只应出现一次' });
    await settled(zhang);
    expect(await noteCount(caseId, '只应出现一次')).toBe(1);
    expect(zhang.sent.filter((u) => u.endsWith('/push')).length).toBeGreaterThanOrEqual(2);
  });

  it('backs off on 503 honouring Retry-After, and on dropped requests, then delivers', async () => {
    const caseId = freeCases[2]!;
    const unavailable = () =>
      new Response(JSON.stringify({ error: 'unavailable', message: 'db restarting' }), {
        status: 503,
        headers: { 'retry-after': '1' },
      });
    zhang.faults.push(
      () => 'drop-request',
      () => unavailable(),
    );
    const started = Date.now();
    await zhang.store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text: '重试送达' });
    await settled(zhang);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await noteCount(caseId, '重试送达')).toBe(1);
  });

  it('splits the batch on 413 and still delivers every action once', async () => {
    const caseId = freeCases[3]!;
    zhang.online.value = false;
    const texts = Array.from({ length: 6 }, (_, i) => `批量 ${i}`);
    for (const text of texts)
      await zhang.store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text });
    const tooLarge = (url: string, body: string) =>
      url.endsWith('/push') && (JSON.parse(body) as { mutations: unknown[] }).mutations.length > 2
        ? new Response(JSON.stringify({ error: 'payload_too_large', message: 'too large' }), { status: 413 })
        : 'pass';
    zhang.faults.push(tooLarge, tooLarge, tooLarge);
    zhang.online.value = true;
    zhang.engine.trigger();
    await settled(zhang);
    for (const text of texts) expect(await noteCount(caseId, text)).toBe(1);
  });

  it('keeps the outbox through an expired session and sends it after a new login', async () => {
    const caseId = freeCases[4]!;
    await h.request('POST', '/api/auth/logout', { token: zhang.token.value });
    await zhang.store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text: '会话过期后送达' });
    await vi.waitFor(() => expect(zhang.engine.status.phase).toBe('auth'), { timeout: 10_000 });
    expect(zhang.authExpired).toBe(1);
    expect(zhang.store.memory.pendingCount).toBe(1);
    zhang.token.value = (await h.login('zhangwei')).token;
    zhang.engine.resume();
    await settled(zhang);
    expect(await noteCount(caseId, '会话过期后送达')).toBe(1);
  });

  it('shows a refused action with its reason and drops it from the optimistic view', async () => {
    const caseId = freeCases[5]!;
    wang.online.value = false;
    await wang.store.enqueue('claimCase', { caseId, baseVersion: 0 });
    expect(wang.store.memory.caseView(caseId)?.assigneeId).toBe(wang.userId);
    await zhang.store.enqueue('claimCase', { caseId, baseVersion: 0 });
    await settled(zhang);
    wang.online.value = true;
    wang.engine.trigger();
    await settled(wang);
    const refused = wang.store.memory.outbox.find((e) => e.targetId === caseId);
    expect(refused).toMatchObject({ status: 'refused', refusal: { code: 'conflict', by: zhang.userId } });
    expect(wang.store.memory.caseView(caseId)?.assigneeId).toBe(zhang.userId);
  });

  it('asks for the next page at the headers of a page, and loses nothing when a body is cut off', async () => {
    const desk = await openDesk(h, 'lina', 7);
    // Every pull's body is held until the desk sends its next pull, or for 1.5 s: only a desk that takes the next
    // cursor from the headers goes on at once. The third body breaks off after a few bytes.
    let pulls = 0;
    let releasedByNext = 0;
    const held: (() => void)[] = [];
    desk.onResponse = (url, res) => {
      if (!url.endsWith('/api/sync/pull')) return res;
      pulls++;
      for (const release of held.splice(0)) release();
      let byNext = false;
      const gate = new Promise<void>((resolve) => {
        held.push(() => ((byNext = true), resolve()));
        setTimeout(resolve, 1500);
      });
      const cut = pulls === 3;
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const bytes = new Uint8Array(await res.arrayBuffer());
          await gate;
          if (byNext) releasedByNext++;
          if (cut) {
            controller.enqueue(bytes.slice(0, 10));
            controller.error(new TypeError('connection reset'));
          } else {
            controller.enqueue(bytes);
            controller.close();
          }
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    };
    desk.engine.start();
    await settled(desk);
    desk.engine.stop();
    const { user } = await h.login('lina');
    const stored = await h.db
      .select({ id: cases.id })
      .from(cases)
      .where(inArray(cases.warehouseId, user.warehouseIds));
    expect(pulls).toBeGreaterThan(8);
    expect([...desk.store.memory.cases.keys()].sort()).toEqual(stored.map((r) => r.id).sort());
    // All but the last page of each round (and the cut one's) let the next request go before their body.
    expect(releasedByNext).toBeGreaterThanOrEqual(pulls - 4);
  });
});

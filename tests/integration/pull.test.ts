import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Change } from '../../shared/sync/entities';
import { isPacked, PACK_FORMAT, packChange, unpackChange, type PulledPage } from '../../shared/sync/packed';
import { PROTOCOL_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { cases, orders, syncTombstones, userWarehouses, users } from '../../server/db/schema';
import { CaseView } from '../../shared/schemas/case';
import { writeTransaction } from '../../server/sync/write-tx';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

const keyOf = (c: Change) => `${c.op}:${c.kind}:${c.op === 'put' ? c.value.id : c.id}`;

describe.each(BACKENDS)('pull ($name)', (backend) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    ({ token } = await h.login('zhangwei'));
  });
  afterAll(() => h.close());

  const pullOnce = (clientId: string, cursor: string | null, limit?: number) =>
    h.request<PullResponse>('POST', '/api/sync/pull', {
      token,
      body: { clientId, cursor, protocolVersion: PROTOCOL_VERSION, ...(limit ? { limit } : {}) },
    });

  it('returns every change exactly once across small pages', async () => {
    const whole = await h.pullAll(token, 'pull-client-a', 5000);
    expect(whole.pages).toBe(1);
    const paged = await h.pullAll(token, 'pull-client-b', 7);
    expect(paged.pages).toBeGreaterThan(10);
    const keys = paged.changes.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(whole.changes.map(keyOf).sort());
    const kinds = new Set(whole.changes.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['case', 'courier', 'event', 'person', 'picker', 'warehouse', 'zone']);
  });

  it('sends every case as the schema says, with the stored instants to the millisecond', async () => {
    const { changes } = await h.pullAll(token, 'pull-client-schema', 5000);
    const views = changes.flatMap((c) => (c.op === 'put' && c.kind === 'case' ? [c.value] : []));
    expect(views.length).toBeGreaterThan(10);
    for (const view of views) expect(CaseView.parse(view)).toEqual(view);
    const [row] = await h.db
      .select()
      .from(cases)
      .innerJoin(orders, eq(orders.id, cases.orderId))
      .where(eq(cases.id, views[0]!.id));
    expect(views[0]).toMatchObject({
      shipBy: row!.cases.shipBy.getTime(),
      openedAt: row!.cases.openedAt.getTime(),
      overdueAt: row!.cases.overdueAt?.getTime() ?? null,
      order: { paidAt: row!.orders.paidAt.getTime(), customerName: row!.orders.customerName },
    });
  });

  it('sends cases and events packed to a client that reads the packed format, plain otherwise', async () => {
    const ask = (clientId: string, packed?: number) =>
      h.request<PulledPage>('POST', '/api/sync/pull', {
        token,
        body: { clientId, cursor: null, limit: 5000, protocolVersion: PROTOCOL_VERSION, packed },
      });
    // One case with every optional part filled and each different, so that values in swapped positions differ.
    const [one] = await h.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'open')).limit(1);
    const [user] = await h.db.select({ id: users.id }).from(users).limit(1);
    const at = Date.UTC(2026, 10, 11, 2, 3, 4, 567);
    await h.db
      .update(cases)
      .set({
        assigneeId: user!.id,
        claimedAt: new Date(at),
        cause: 'weather',
        causes: ['weather', 'mis_sort'],
        customerContacted: true,
        needsNewWaybill: true,
        lateMinutes: 17,
        pauses: [{ kind: 'buyer_agreed', at, by: user!.id, from: at, to: at + 3_600_000, note: 'agreed' }],
        compensations: [
          {
            id: 'comp-1',
            type: 'coupon',
            amountFen: 500,
            status: 'approved',
            offeredBy: user!.id,
            offeredAt: at + 1,
            decidedBy: null,
            decidedAt: null,
            note: '券',
          },
        ],
        greenChannel: {
          status: 'requested',
          requestedAt: at + 2,
          requestedBy: user!.id,
          answeredAt: null,
          note: '',
        },
      })
      .where(eq(cases.id, one!.id));
    const plain = (await ask('pull-client-plain')).body;
    const packed = (await ask('pull-client-packed', PACK_FORMAT)).body;
    const future = (await ask('pull-client-future', PACK_FORMAT + 1)).body;
    // An unknown format is answered plain, as to a client that did not ask.
    for (const page of [plain, future]) expect(page).toMatchObject({ type: 'page', hasMore: false });
    if (plain.type !== 'page' || isPacked(plain) || isPacked(future)) throw new Error('expected plain pages');
    if (!isPacked(packed)) throw new Error('expected a packed page');
    expect(future).toEqual({ ...plain, serverTime: future.serverTime });
    expect(packed.packed).toBe(PACK_FORMAT);
    expect(packed.changes.filter((c) => Array.isArray(c)).length).toBe(
      plain.changes.filter((c) => c.op === 'put' && (c.kind === 'case' || c.kind === 'event')).length,
    );
    // Value for value and type for type what packChange makes of the plain changes, and read back as them.
    expect(packed.changes).toEqual(plain.changes.map(packChange));
    expect(packed.changes.map(unpackChange)).toEqual(plain.changes);
    expect(JSON.stringify(packed.changes).length).toBeLessThan(JSON.stringify(plain.changes).length / 2);
    expect(packed.cursor).toBe(plain.cursor);
  });

  it('sends a change made between pages after the pages already sent, once', async () => {
    let res = await pullOnce('pull-client-c', null, 20);
    expect(res.body.type).toBe('page');
    const first = res.body.type === 'page' ? res.body : null;
    const sentCase = first!.changes.find((c) => c.kind === 'case');
    // The first page may not reach the cases; take any case id the page sent, or the first case overall.
    const [target] =
      sentCase?.op === 'put'
        ? [sentCase.value.id]
        : (await h.db.select({ id: cases.id }).from(cases).limit(1)).map((r) => r.id);
    const { user } = await h.login('wangfang');
    await writeTransaction(h.db, async (scope) => {
      const v = await scope.version('wh-hz-xs-1');
      await scope.tx
        .update(cases)
        .set({ customerContacted: true, rowVersion: v })
        .where(eq(cases.id, target!));
    });
    const seen: Change[] = [...first!.changes];
    let cursor = first!.cursor;
    while (res.body.type === 'page' && res.body.hasMore) {
      res = await pullOnce('pull-client-c', cursor, 20);
      if (res.body.type !== 'page') break;
      seen.push(...res.body.changes);
      cursor = res.body.cursor;
    }
    expect(user.role).toBe('coordinator');
    const puts = seen.filter((c) => c.op === 'put' && c.kind === 'case' && c.value.id === target);
    const last = puts.at(-1);
    expect(last?.op === 'put' && last.kind === 'case' && last.value.customerContacted).toBe(true);
    // Nothing else repeats.
    const others = seen
      .filter((c) => !(c.op === 'put' && c.kind === 'case' && c.value.id === target))
      .map(keyOf);
    expect(new Set(others).size).toBe(others.length);
    // And a pull from the final cursor is empty.
    const after = await pullOnce('pull-client-c', cursor);
    expect(after.body.type === 'page' && after.body.changes).toEqual([]);
  });

  it('sends tombstones for rows that left the warehouse', async () => {
    const { cursor } = await h.pullAll(token, 'pull-client-d');
    await writeTransaction(h.db, async (scope) => {
      const v = await scope.version('wh-hz-xs-1');
      await scope.tx
        .insert(syncTombstones)
        .values({ warehouseId: 'wh-hz-xs-1', kind: 'case', entityId: 'gone-case', rowVersion: v });
    });
    const res = await pullOnce('pull-client-d', cursor);
    expect(res.body.type === 'page' && res.body.changes).toEqual([
      { op: 'del', kind: 'case', id: 'gone-case' },
    ]);
  });

  it('answers reset for a cursor it cannot serve', async () => {
    const { cursor } = await h.pullAll(token, 'pull-client-e');
    const garbage = await pullOnce('pull-client-e', 'not-a-cursor');
    expect(garbage.body).toMatchObject({ type: 'reset' });
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {
      db: string;
      w: Record<string, [number, number, string]>;
    };
    const otherDb = Buffer.from(JSON.stringify({ ...body, db: 'another' })).toString('base64url');
    const fromOtherDb = await pullOnce('pull-client-e', otherDb);
    expect(fromOtherDb.body).toMatchObject({ type: 'reset' });
    expect(fromOtherDb.body.type === 'reset' && fromOtherDb.body.reason).toContain('another database');
    const ahead = Buffer.from(JSON.stringify({ ...body, w: { 'wh-hz-xs-1': [1e9, 0, ''] } })).toString(
      'base64url',
    );
    expect((await pullOnce('pull-client-e', ahead)).body).toMatchObject({ type: 'reset' });
  });

  it('answers reset when the user lost access to a warehouse in the cursor', async () => {
    const { token: leadToken, user } = await h.login('lina');
    const { cursor } = await h.pullAll(leadToken, 'pull-client-f');
    await h.db
      .delete(userWarehouses)
      .where(and(eq(userWarehouses.userId, user.id), eq(userWarehouses.warehouseId, 'wh-hz-xs-1')));
    const res = await h.request<PullResponse>('POST', '/api/sync/pull', {
      token: leadToken,
      body: { clientId: 'pull-client-f', cursor, protocolVersion: PROTOCOL_VERSION },
    });
    expect(res.body).toMatchObject({ type: 'reset', reason: 'warehouse access changed' });
    const again = await h.pullAll(leadToken, 'pull-client-f');
    expect(again.changes).toEqual([]);
    await h.db.insert(userWarehouses).values({ userId: user.id, warehouseId: 'wh-hz-xs-1', rowVersion: 0 });
  });
});

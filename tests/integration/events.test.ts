import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { parseSse, type SseMessage } from '../../renderer/data/event-stream';
import { cases } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';

/** Opens the event stream and collects messages until closed. */
async function listen(url: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const messages: SseMessage[] = [];
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(`${url}/api/sync/events`, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const done = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        messages.push(...parsed.messages);
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    pokes: () => messages.filter((m) => m.event === 'poke'),
    async close() {
      controller.abort();
      await done;
    },
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(BACKENDS)('server-sent events ($name)', (backend) => {
  let h: Harness;
  let caseIds: string[];
  beforeAll(async () => {
    h = await startHarness(backend);
    caseIds = (
      await h.db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.warehouseId, 'wh-hz-xs-1'), eq(cases.status, 'open'), isNull(cases.assigneeId)))
    ).map((r) => r.id);
  });
  afterAll(() => h.close());

  it('pokes on connect, on every committed change in the warehouse, and sends heartbeats', async () => {
    const wang = await h.login('wangfang');
    const zhang = await h.login('zhangwei');
    const stream = await listen(h.url, wang.token);
    await until(() => stream.pokes().length === 1);
    await h.push(zhang.token, 'events-client-1', [
      { id: 1, name: 'claimCase', args: { caseId: caseIds[0]!, baseVersion: 0 } },
    ]);
    await until(() => stream.pokes().length === 2);
    expect(JSON.parse(stream.pokes()[1]!.data)).toMatchObject({ warehouseId: 'wh-hz-xs-1' });
    await until(() => stream.messages.some((m) => m.event === 'heartbeat'), 3000);
    await stream.close();
  });

  it('does not poke users of other warehouses', async () => {
    const other = await h.login('zhaolei');
    const zhang = await h.login('zhangwei');
    const stream = await listen(h.url, other.token);
    await until(() => stream.pokes().length === 1);
    await h.push(zhang.token, 'events-client-2', [
      { id: 1, name: 'claimCase', args: { caseId: caseIds[1]!, baseVersion: 0 } },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.pokes()).toHaveLength(1);
    await stream.close();
  });

  it('resumes with Last-Event-ID: silent when nothing happened, a poke at once when something did', async () => {
    const wang = await h.login('wangfang');
    const zhang = await h.login('zhangwei');
    const first = await listen(h.url, wang.token);
    await until(() => first.pokes().length === 1);
    const lastId = first.pokes()[0]!.id!;
    await first.close();

    const quiet = await listen(h.url, wang.token, lastId);
    await until(() => quiet.messages.some((m) => m.event === 'heartbeat'), 3000);
    expect(quiet.pokes()).toHaveLength(0);
    await quiet.close();

    await h.push(zhang.token, 'events-client-3', [
      { id: 1, name: 'claimCase', args: { caseId: caseIds[2]!, baseVersion: 0 } },
    ]);
    const resumed = await listen(h.url, wang.token, lastId);
    await until(() => resumed.pokes().length === 1);
    await resumed.close();
  });
});

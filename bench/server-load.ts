// The server load, run as its own Node process (`node --import tsx bench/server-load.ts CONFIG OUT`) so the
// clients do not share an event loop with the server they measure. Two modes:
// - fanout: N clients hold the event stream open (fetch streaming with Authorization, as the desk does); one
//   more client commits a change (an addNote push) and every stream's time to its poke is recorded.
// - push: N clients push addNote batches back to back for a fixed time; applied mutations per second.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ApiClient, login } from './api';

export interface FanoutConfig {
  mode: 'fanout';
  url: string;
  users: string[];
  clients: number;
  rounds: number;
  caseIds: string[];
}

export interface PushConfig {
  mode: 'push';
  url: string;
  users: string[];
  clients: number;
  seconds: number;
  batch: number;
  caseIds: string[];
}

export type LoadConfig = FanoutConfig | PushConfig;

export interface FanoutResult {
  mode: 'fanout';
  clients: number;
  connectMs: number;
  /** Per round, per client: push sent -> poke received. */
  latencies: number[][];
  /** Per round: push sent -> push response (the commit acknowledged). */
  commitMs: number[];
  missed: number;
}

export interface PushResult {
  mode: 'push';
  clients: number;
  batch: number;
  seconds: number;
  applied: number;
  refused: number;
  requests: number;
  errors: number;
  perSecond: number;
  requestMs: number[];
}

interface Stream {
  pokes: number[];
  close(): void;
}

/** One event stream; records the arrival time of every poke. */
async function openStream(url: string, token: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/sync/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!res.ok || !res.body) throw new Error(`event stream: HTTP ${res.status}`);
  const stream: Stream = { pokes: [], close: () => abort.abort() };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: poke$/m.test(block)) stream.pokes.push(at);
        }
      }
    } catch {
      // aborted
    }
  })();
  return stream;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tokens(url: string, users: string[]): Promise<string[]> {
  return Promise.all(users.map(async (u) => (await login(url, u)).token));
}

async function fanout(config: FanoutConfig): Promise<FanoutResult> {
  const keys = await tokens(config.url, config.users);
  const t0 = performance.now();
  const streams: Stream[] = [];
  for (let i = 0; i < config.clients; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, config.clients - i) }, (_, j) =>
        openStream(config.url, keys[(i + j) % keys.length]!),
      ),
    );
    streams.push(...batch);
  }
  // Every stream starts with a poke (no Last-Event-ID): wait until all are live.
  for (let waited = 0; streams.some((s) => !s.pokes.length) && waited < 20_000; waited += 50) await sleep(50);
  const connectMs = performance.now() - t0;
  const writer = new ApiClient(config.url, keys[0]!);
  const latencies: number[][] = [];
  const commitMs: number[] = [];
  let missed = 0;
  for (let round = 0; round < config.rounds; round++) {
    await sleep(1000);
    const before = streams.map((s) => s.pokes.length);
    const sent = performance.now();
    await writer.push([
      {
        name: 'addNote',
        args: {
          caseId: config.caseIds[round % config.caseIds.length]!,
          noteId: randomUUID(),
          text: 'fan-out',
        },
      },
    ]);
    commitMs.push(performance.now() - sent);
    for (let waited = 0; waited < 10_000; waited += 10) {
      if (streams.every((s, i) => s.pokes.length > before[i]!)) break;
      await sleep(10);
    }
    const row: number[] = [];
    streams.forEach((s, i) => {
      const at = s.pokes[before[i]!];
      if (at === undefined) missed++;
      else row.push(at - sent);
    });
    latencies.push(row);
  }
  for (const s of streams) s.close();
  return { mode: 'fanout', clients: streams.length, connectMs, latencies, commitMs, missed };
}

async function pushLoad(config: PushConfig): Promise<PushResult> {
  const keys = await tokens(config.url, config.users);
  const clients = Array.from(
    { length: config.clients },
    (_, i) => new ApiClient(config.url, keys[i % keys.length]!),
  );
  let applied = 0;
  let refused = 0;
  let requests = 0;
  let errors = 0;
  const requestMs: number[] = [];
  const start = performance.now();
  const deadline = start + config.seconds * 1000;
  let last = start;
  let pick = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const mutations = Array.from({ length: config.batch }, () => ({
          name: 'addNote',
          args: {
            caseId: config.caseIds[pick++ % config.caseIds.length]!,
            noteId: randomUUID(),
            text: '压测备注',
          },
        }));
        const t = performance.now();
        try {
          const res = await client.push(mutations);
          for (const r of res.results) {
            if (r.status === 'applied') applied++;
            else refused++;
          }
          requests++;
        } catch {
          errors++;
          await sleep(100);
        }
        last = performance.now();
        requestMs.push(last - t);
      }
    }),
  );
  const seconds = (last - start) / 1000;
  return {
    mode: 'push',
    clients: config.clients,
    batch: config.batch,
    seconds,
    applied,
    refused,
    requests,
    errors,
    perSecond: applied / seconds,
    requestMs,
  };
}

async function main(): Promise<void> {
  const [configPath, outPath] = process.argv.slice(2);
  if (!configPath || !outPath) throw new Error('usage: server-load.ts CONFIG.json OUT.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
  const result = config.mode === 'fanout' ? await fanout(config) : await pushLoad(config);
  writeFileSync(outPath, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

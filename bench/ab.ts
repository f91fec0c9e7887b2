// `npx tsx bench/ab.ts --a DIR --b DIR [--only sync,warm,scroll,filter,action] [--rounds N] [--cases N] [--throttle N]`: two builds of the
// UI (e.g. before and after a change, each from `vite build --outDir DIR`) measured against each other in one
// run, rounds interleaved A, B, A, B, so that both see the same load on a shared machine. Uses the world that
// `npm run bench -- --reuse` left in PostgreSQL (database desk_bench_reuse_<N>); prints medians per side and
// their ratio, and writes bench/results/ab.json.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/open';
import { startServer, type RunningServer } from '../server/start';
import { ApiClient, login } from './api';
import { pickQueries } from './node-baselines';
import { initialSync, launchBrowser, newDesk, waitForSavedHead, warmStarts, type Desk } from './browser';
import { claimActions, filterKeystrokes, scrollRun, scrollToTop } from './desk-scenarios';
import { meter } from './contention';
import { median, percentile, round } from './report';
import { countOpen, databaseExists, databaseUrl, DEFAULT_DATABASE_URL } from './world';

const { values: argv } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    only: { type: 'string', default: 'scroll,filter' },
    rounds: { type: 'string', default: '3' },
    cases: { type: 'string', default: '100000' },
    // Slows each desk's renderer N times (CDP CPU throttling) after its initial sync: a slower machine's view.
    throttle: { type: 'string', default: '1' },
  },
});
if (!argv.a || !argv.b)
  throw new Error('usage: npx tsx bench/ab.ts --a DIR --b DIR [--only sync,warm,scroll,filter]');
const N = Number(argv.cases);
const ROUNDS = Number(argv.rounds);
const THROTTLE = Number(argv.throttle);
const only = new Set(argv.only.split(','));
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const load = () => round(loadavg()[0] ?? 0, 2);

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const name = `desk_bench_reuse_${N}`;
  if (!(await databaseExists(base, name)))
    throw new Error(`no reused world: run npm run bench -- --reuse --cases ${N} first`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(base, name) });
  await database.migrate();
  log(`world: ${await countOpen(database.db)} open cases`);
  const servers: Record<'A' | 'B', RunningServer> = {
    A: await startServer({ database, staticDir: argv.a!, port: 0 }),
    B: await startServer({ database, staticDir: argv.b!, port: 0 }),
  };
  const browser = await launchBrowser();
  const out: Record<string, { A: number[]; B: number[]; load: number[] }> = {};
  const record = (key: string, side: 'A' | 'B', v: number) => {
    const e = (out[key] ??= { A: [], B: [], load: [] });
    e[side].push(round(v));
    e.load.push(load());
  };
  try {
    let queries: string[] = [];
    // Cases to claim: unassigned, spread over the list, 9 new ones for each side and round.
    let claimable: { id: string; platformOrderId: string }[] = [];
    if (only.has('filter') || only.has('action')) {
      const { token } = await login(servers.A.url, 'zhangwei');
      const all = [...(await new ApiClient(servers.A.url, token).pullAll()).cases.values()];
      queries = pickQueries(all, Date.now(), 3);
      log(`queries ${queries.join(', ')}`);
      claimable = all
        .filter((c) => c.status === 'open' && c.assigneeId === null)
        .filter((_, i) => i % 991 === 17)
        .map((c) => ({ id: c.id, platformOrderId: c.platformOrderId }));
    }
    const desks: Partial<Record<'A' | 'B', Desk>> = {};
    const syncRounds = only.has('sync') ? ROUNDS : 1;
    for (let i = 0; i < syncRounds; i++) {
      for (const side of ['A', 'B'] as const) {
        if (desks[side]) await desks[side].context.close();
        const desk = await newDesk(browser, N);
        const stop = meter();
        const r = await initialSync(desk, servers[side].url, N);
        const c = stop();
        desks[side] = desk;
        record('initialSync_ms', side, r.ms);
        log(
          `${side} initial sync ${Math.round(r.ms)} ms (stored ${Math.round(r.syncedAt)}, counted ${Math.round(r.countedAt)}; server wait ${Math.round(r.serverWaitMs)}, transfer ${Math.round(r.transferMs)}, between pulls ${Math.round(r.clientMs)}); others ${c?.othersPct}%, load ${load()}`,
        );
      }
    }
    for (const side of ['A', 'B'] as const) {
      await waitForSavedHead(desks[side]!.page);
      if (THROTTLE > 1) await desks[side]!.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    }
    if (THROTTLE > 1) log(`renderers throttled ${THROTTLE}x`);
    // The side not measured is frozen (no timers, no idle work): both desks hold 100,000 cases, and the other
    // one's periodic work on the second core showed in every figure of the one measured.
    const lifecycle = async (side: 'A' | 'B', state: 'frozen' | 'active') => {
      const cdp = await desks[side]!.page.context().newCDPSession(desks[side]!.page);
      await cdp.send('Page.setWebLifecycleState', { state });
      await cdp.detach();
    };
    for (let i = 0; i < ROUNDS; i++) {
      for (const side of ['A', 'B'] as const) {
        const { page } = desks[side]!;
        await lifecycle(side === 'A' ? 'B' : 'A', 'frozen');
        await lifecycle(side, 'active');
        if (only.has('scroll')) {
          await scrollToTop(page);
          const r = await scrollRun(page, 300, 600);
          record('scrollP95_ms', side, r.p95);
          record('scrollLateFramePct', side, r.latePct);
          record('scrollFramesOver50', side, r.over50);
          log(
            `${side} scroll p95 ${r.p95.toFixed(1)} ms, late ${r.latePct.toFixed(1)} %, >50 ms ${r.over50}; load ${load()}`,
          );
        }
        if (only.has('warm')) {
          const r = await warmStarts(desks[side]!, N, 1);
          record('warmStartFirstRows_ms', side, r.firstRows[0]!);
          record('warmStartAllFilterable_ms', side, r.allFilterable[0]!);
          log(
            `${side} warm start: first rows ${Math.round(r.firstRows[0]!)} ms, all loaded ${Math.round(r.allLoaded[0]!)} ms, all filterable ${Math.round(r.allFilterable[0]!)} ms; load ${load()}`,
          );
        }
        if (only.has('action')) {
          const targets = claimable.splice(0, 9);
          if (targets.length < 9) throw new Error('the world has run out of unassigned cases to claim');
          const samples = await claimActions(page, targets, '张伟');
          const visible = samples.map((x) => x.visible);
          record('actionVisible_ms', side, median(visible));
          record('actionDom_ms', side, median(samples.map((x) => x.dom)));
          record('actionDurable_ms', side, median(samples.map((x) => x.durable)));
          log(
            `${side} claim visible ${visible.map((x) => x.toFixed(1)).join(', ')} ms (in the DOM ${samples.map((x) => x.dom.toFixed(1)).join(', ')}); load ${load()}`,
          );
        }
        if (only.has('filter')) {
          const samples = await filterKeystrokes(page, queries);
          const ms = samples.map((s) => s.ms);
          record('filterKeystroke_p95_ms', side, percentile(ms, 95));
          log(
            `${side} filter p95 ${percentile(ms, 95).toFixed(1)} ms, median ${median(ms).toFixed(1)} ms; load ${load()}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    // Each server closes the database it was given: the first close does it, the second may find it closed.
    await servers.A.close().catch(() => undefined);
    await servers.B.close().catch(() => undefined);
  }
  const summary = Object.fromEntries(
    Object.entries(out).map(([k, v]) => {
      const a = median(v.A);
      const b = median(v.B);
      return [k, { A: a, B: b, ratio: round(b / a, 3), runsA: v.A, runsB: v.B, load: v.load }];
    }),
  );
  console.table(
    Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, { A: v.A, B: v.B, 'B/A': v.ratio }])),
  );
  writeFileSync('bench/results/ab.json', `${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

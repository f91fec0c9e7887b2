// `npm run bench [-- --only a,b] [--cases N] [--reuse]`: the Double-11 benchmark of issue 5 (docs/performance.md).
// Builds a world of N open cases on PostgreSQL (PGlite when PostgreSQL is not reachable), starts the real
// server on it with the built UI, drives the renderer in headless Chromium, runs the naive baselines in the
// same run, loads the server from a second process, times the Olist import, and writes
// bench/results/latest.json plus a table. Nothing is cached between runs unless --reuse is given.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Browser } from '@playwright/test';
import { openDatabase, type Database, type Db } from '../server/db/open';
import { cases } from '../server/db/schema';
import { DEMO_WAREHOUSE_ID } from '../server/demo/world';
import { startServer, type RunningServer } from '../server/start';
import { writeTransaction } from '../server/sync/write-tx';
import { rankOpen } from '../renderer/data/ranking';
import type { CaseView } from '../shared/schemas/case';
import { ApiClient, login } from './api';
import { naiveDelta, naiveInitialSync, naiveWarmStart, openNaivePage, plainListScroll } from './baselines';
import { pickQueries, rankBaselines, serverRoundTrips } from './node-baselines';
import { traceDuring } from './frame-trace';
import {
  heapUsed,
  initialSync,
  EXTRA_CHROMIUM_ARGS,
  launchBrowser,
  phaseDelta,
  phaseTimes,
  type PhaseTimes,
  newDesk,
  waitForSavedHead,
  warmStarts,
  type Desk,
  type InitialSync,
} from './browser';
import {
  bulkClaim,
  claimActions,
  deltaSync,
  filterKeystrokes,
  idleFrames,
  resorts,
  scrollRun,
  scrollToTop,
  LATE_FRAME_MS,
  type DeltaSample,
  type ScrollRun,
} from './desk-scenarios';
import { awaitQuiet, meter, ownDatabase, type Contention } from './contention';
import { olistImport } from './olist';
import {
  emptyMetrics,
  median,
  METRICS,
  percentile,
  ratiosOf,
  round,
  table,
  writeResults,
  type MetricKey,
  type Results,
} from './report';
import type { FanoutResult, LoadConfig, PushResult } from './server-load';
import {
  buildWorld,
  countOpen,
  createDatabase,
  databaseExists,
  databaseUrl,
  DEFAULT_DATABASE_URL,
  dropDatabase,
  postgresReachable,
} from './world';

const SCENARIOS = [
  'initialSync',
  'warmStart',
  'filter',
  'resort',
  'scroll',
  'heap',
  'deltaSync',
  'action',
  'poke',
  'push',
  'olist',
] as const;
type Scenario = (typeof SCENARIOS)[number];
const BROWSER: readonly Scenario[] = [
  'initialSync',
  'warmStart',
  'filter',
  'resort',
  'scroll',
  'heap',
  'deltaSync',
  'action',
];

const RUNS = { initialSync: 3, warmStart: 5, scroll: 3, action: 9, deltaSync: 3, olist: 3 };
/** Rows ticked for the bulk claim (details.bulkClaim). */
const BULK_ROWS = 300;
const SCROLL_FRAMES = 300;
const SCROLL_STEP_PX = 600;
const FANOUT_CLIENTS = 200;
const PUSH_CLIENTS = 50;
const PUSH_SECONDS = 10;
const PUSH_BATCH = 100;
const USERS = ['zhangwei', 'wangfang', 'lina', 'admin'];
const RESULTS = 'bench/results/latest.json';

const { values: argv } = parseArgs({
  options: {
    only: { type: 'string' },
    cases: { type: 'string', default: '100000' },
    reuse: { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '30' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (argv.help) {
  console.log(
    `usage: npm run bench -- [--only ${SCENARIOS.join(',')}] [--cases N] [--reuse] [--quiet-wait SECONDS]`,
  );
  process.exit(0);
}
const N = Number(argv.cases);
if (!Number.isInteger(N) || N < 5000) throw new Error('--cases must be an integer >= 5000');
const only = new Set<Scenario>(
  argv.only ? (argv.only.split(',').map((s) => s.trim()) as Scenario[]) : SCENARIOS,
);
for (const s of only)
  if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; one of ${SCENARIOS.join(', ')}`);
const wants = (s: Scenario) => only.has(s);
/** Before each scenario, wait this long at most for other processes to use under QUIET_PCT of the machine. */
const QUIET_WAIT_MS = Number(argv['quiet-wait']) * 1000;
const QUIET_PCT = 35;

/** The machine is shared: give other work a chance to calm down before measuring. */
async function quiet(label: string): Promise<void> {
  if (!(QUIET_WAIT_MS > 0)) return;
  const q = await awaitQuiet(QUIET_PCT, QUIET_WAIT_MS);
  if (q.waitedMs > 2500)
    log(
      `  (${label}: waited ${Math.round(q.waitedMs / 1000)} s for a quieter machine; others at ${q.othersPct}%)`,
    );
}

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

const metrics = emptyMetrics();
const baselines = emptyMetrics();
const notes: Record<string, string> = {};
const details: Record<string, unknown> = {};
const machine: Results['machine'] = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  os: `${platform()} ${release()}`,
  node: process.version,
  chromium: null,
  database: null,
  cases: N,
  date: new Date().toISOString(),
  /** Other work on the machine skews every figure: the 1-minute load average at the start and the end. */
  loadAverageStart: round(loadavg()[0] ?? 0, 2),
  loadAverageEnd: null,
};

function skip(key: MetricKey, reason: string): void {
  notes[key] = reason;
  log(`skipped ${key}: ${reason}`);
}

// ---- cleanup, also on Ctrl-C ----

const cleanups: (() => Promise<void>)[] = [];
async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse())
    await fn().catch((err: unknown) => log(`cleanup: ${String(err)}`));
}
process.on('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanup().finally(() => process.exit(130));
});

// ---- the world and the server ----

interface World {
  server: RunningServer;
  database: Database;
  kind: 'postgres' | 'pglite';
}

/**
 * The same build as scripts/build-ui.ts (vite.config.ts), written to a folder of this run: the e2e setup of a
 * concurrent test run rebuilds dist/renderer (emptying it first), which must not swap the files under us.
 */
function buildUiPrivately(): string {
  const dir = mkdtempSync(join(tmpdir(), 'overdue-desk-bench-ui-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const run = spawnSync(
    process.execPath,
    [
      join('node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      dir,
      '--emptyOutDir',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('building the UI failed (vite build)');
  return dir;
}

async function openWorld(uiDir: string): Promise<World> {
  const base = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const version = await postgresReachable(base);
  const now = Date.now();
  let database: Database | null = null;
  let kind: World['kind'];
  let reused = false;
  if (version) {
    kind = 'postgres';
    machine.database = version.split(' on ')[0] ?? version;
    const name = argv.reuse ? `desk_bench_reuse_${N}` : `desk_bench_${process.pid}`;
    const url = databaseUrl(base, name);
    ownDatabase(name);
    if (argv.reuse && (await databaseExists(base, name))) {
      database = await openDatabase({ kind: 'postgres', url });
      await database.migrate();
      reused = (await countOpen(database.db)) >= N;
      if (!reused) await database.close();
    }
    if (!reused) {
      await dropDatabase(base, name);
      await createDatabase(base, name);
      database = await openDatabase({ kind: 'postgres', url });
    }
    if (!argv.reuse) cleanups.push(() => dropDatabase(base, name));
    log(`database: ${machine.database}, ${reused ? 'reused' : 'new'} database ${name}`);
  } else {
    kind = 'pglite';
    machine.database = 'PGlite 0.5 (PostgreSQL not reachable)';
    console.log(
      `NOTE: PostgreSQL is not reachable at ${base}; the world is built in PGlite instead (slower).`,
    );
    const dir = argv.reuse
      ? join(tmpdir(), `overdue-desk-bench-reuse-${N}`)
      : mkdtempSync(join(tmpdir(), 'overdue-desk-bench-'));
    if (!argv.reuse) cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    if (existsSync(join(dir, 'PG_VERSION'))) {
      database = await openDatabase({ kind: 'pglite', dataDir: dir });
      await database.migrate();
      reused = (await countOpen(database.db)) >= N;
      if (!reused) {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (!reused) database = await openDatabase({ kind: 'pglite', dataDir: dir });
  }
  if (!database) throw new Error('no database opened');
  await database.migrate();
  if (reused) {
    details.world = { reused: true, openCases: await countOpen(database.db) };
  } else {
    log(`building the world: ${N.toLocaleString('en-US')} open cases`);
    const stats = await buildWorld(database.db, N, now, (l) => log(l));
    details.world = { ...stats, seedMs: Math.round(stats.seedMs), ingestMs: Math.round(stats.ingestMs) };
    log(
      `world built: ${stats.openCases} open cases (seed ${Math.round(stats.seedMs)} ms, ingest of ${stats.generatedOrders} orders ${Math.round(stats.ingestMs)} ms)`,
    );
  }
  const server = await startServer({ database, staticDir: uiDir, port: 0 });
  cleanups.push(() => server.close());
  log(`server at ${server.url}`);
  return { server, database, kind };
}

/** Gives `ids` to `userId` (or nobody) in one write transaction; resolves with the commit's epoch time. */
async function assign(db: Db, ids: readonly string[], userId: string | null): Promise<number> {
  await writeTransaction(db, async (scope) => {
    const v = await scope.version(DEMO_WAREHOUSE_ID);
    await scope.tx
      .update(cases)
      .set({
        assigneeId: userId,
        claimedAt: userId ? new Date() : null,
        version: sql`${cases.version} + 1`,
        rowVersion: v,
      })
      .where(and(eq(cases.warehouseId, DEMO_WAREHOUSE_ID), inArray(cases.id, [...ids])));
  });
  return performance.timeOrigin + performance.now();
}

// ---- what the desk will see, read through the API ----

interface Picks {
  queries: string[];
  actionTargets: { id: string; platformOrderId: string }[];
  roundTripIds: string[];
  deltaIds: string[];
  naiveDeltaIds: string[];
  openCaseIds: string[];
}

function pick(all: CaseView[], now: number): Picks {
  const ranked = rankOpen(all, now);
  const free = ranked.filter((r) => r.c.assigneeId === null);
  const deltaIds = ranked.slice(0, 1000).map((r) => r.id);
  const taken = new Set(deltaIds);
  const naiveDeltaIds = ranked.slice(1000, 2000).map((r) => r.id);
  for (const id of naiveDeltaIds) taken.add(id);
  const spread = free.filter((r) => !taken.has(r.id)).filter((_, i) => i % 997 === 500);
  const actionTargets = spread
    .slice(0, RUNS.action)
    .map((r) => ({ id: r.id, platformOrderId: r.c.platformOrderId }));
  const roundTripIds = spread.slice(RUNS.action, RUNS.action + 5).map((r) => r.id);
  return {
    queries: pickQueries(all, now, 3),
    actionTargets,
    roundTripIds,
    deltaIds,
    naiveDeltaIds,
    openCaseIds: ranked.filter((_, i) => i % 50 === 7).map((r) => r.id),
  };
}

/** Reads every case through the API as the desk will see it, picks the scenario inputs, runs the Node baselines. */
async function readWorld(client: ApiClient): Promise<Picks> {
  log('reading the world through the API (Node) ...');
  const all = [...(await client.pullAll()).cases.values()];
  const now = Date.now();
  const open = all.filter((c) => c.status === 'open').length;
  log(`${all.length} cases pulled, ${open} open`);
  if (open !== N) log(`NOTE: ${open} open cases instead of ${N}`);
  const picks = pick(all, now);
  if (wants('filter') || wants('resort')) {
    const r = rankBaselines(all, now, picks.queries);
    details.nodeRanking = {
      rankOpenMs: round(r.rankMs),
      filterNaiveP95: round(percentile(r.filterNaive, 95)),
      filterCachedP95: round(percentile(r.filterCached, 95)),
      resortNaiveMedian: round(median(r.resortNaive)),
      resortCachedMedian: round(median(r.resortCached)),
    };
    if (wants('filter')) {
      baselines.filterKeystroke_p95_ms = percentile(r.filterNaive, 95);
      notes.filterKeystroke_p95_ms_baseline =
        'Node, same keystroke sequence: rankOpen + filterRanked over all cases per keystroke (compute only, no rendering)';
    }
    if (wants('resort')) {
      baselines.resort_ms = median(r.resortNaive);
      notes.resort_ms_baseline = 'Node: rankOpen + filterRanked per tab change (compute only, no rendering)';
    }
    log(
      `Node ranking: rankOpen ${r.rankMs.toFixed(1)} ms; per keystroke naive p95 ${percentile(r.filterNaive, 95).toFixed(1)} ms vs cached ${percentile(r.filterCached, 95).toFixed(1)} ms`,
    );
  }
  return picks;
}

// ---- browser scenarios ----

/** CSS rules in the page's style sheets (Emotion inserts one per distinct style). */
const cssRuleCount = (d: Desk) =>
  d.page.evaluate(() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0));

const contention: Record<string, Contention | null> = {};
details.contention = contention;

/**
 * Runs one scenario; a failure is recorded against its metrics and the run goes on. Records how much CPU other
 * processes took meanwhile.
 */
async function attempt(label: string, keys: MetricKey[], fn: () => Promise<void>): Promise<void> {
  await quiet(label);
  const stop = meter();
  try {
    await fn();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    for (const key of keys) {
      metrics[key] = null;
      notes[key] = `failed: ${message}`;
    }
    log(`FAILED ${keys.join(', ')}: ${message}`);
  } finally {
    contention[label] = stop();
    const c = contention[label];
    if (c)
      log(`  (${label}: other processes used ${c.othersPct}% of the machine, the benchmark ${c.benchPct}%)`);
  }
}

async function browserScenarios(world: World, picks: Picks): Promise<void> {
  const { url } = world.server;
  const browser: Browser = await launchBrowser();
  cleanups.push(() => browser.close());
  machine.chromium = browser.version();
  if (EXTRA_CHROMIUM_ARGS.length) {
    notes.chromiumArgs = `BENCH_CHROMIUM_ARGS: ${EXTRA_CHROMIUM_ARGS.join(' ')} (not the defaults: an experiment)`;
    log(notes.chromiumArgs);
  }
  log(`Chromium ${browser.version()}`);

  // Initial sync: each run on an empty desk (a new browser context); the last one is kept for the rest.
  let desk: Desk | null = null;
  const syncRuns = wants('initialSync') ? RUNS.initialSync : 1;
  const sync: InitialSync[] = [];
  const syncPhases: PhaseTimes[] = [];
  for (let i = 0; i < syncRuns; i++) {
    if (desk) await desk.context.close();
    desk = await newDesk(browser, N);
    await quiet(`initialSync${i + 1}`);
    const stop = meter();
    const before = await phaseTimes(desk.cdp);
    const r = await initialSync(desk, url, N);
    syncPhases.push(phaseDelta(before, await phaseTimes(desk.cdp)));
    contention[`initialSync${i + 1}`] = stop();
    sync.push(r);
    log(
      `initial sync ${i + 1}/${syncRuns}: ${Math.round(r.ms)} ms (stored ${Math.round(r.syncedAt)} ms, counted ${Math.round(r.countedAt)} ms), ${r.pullRequests} pulls, ${r.pullWireBytes.toLocaleString('en-US')} B on the wire (${r.encodings.join(',')}), ${r.pullBodyBytes.toLocaleString('en-US')} B decoded; summed over pulls: server ${Math.round(r.serverWaitMs)} ms, transfer ${Math.round(r.transferMs)} ms, desk between pulls ${Math.round(r.clientMs)} ms; other processes used ${contention[`initialSync${i + 1}`]?.othersPct ?? '?'}% of the machine`,
    );
  }
  const d = desk!;
  if (wants('initialSync')) {
    metrics.initialSync100k_ms = median(sync.map((s) => s.ms));
    metrics.pull100kBytes = median(sync.map((s) => s.pullWireBytes));
    baselines.pull100kBytes = median(sync.map((s) => s.pullBodyBytes));
    notes.initialSync100k_ms =
      'login click to the first desk:synced (every pull page stored) and the "全部 N" tab showing every case; new browser context each run';
    notes.pull100kBytes =
      'CDP Network.loadingFinished encodedDataLength summed over the pull responses of the initial sync';
    notes.pull100kBytes_baseline = 'the same pull responses uncompressed (decoded body bytes)';
    details.initialSync = sync.map((s) => ({
      ms: Math.round(s.ms),
      storedMs: Math.round(s.syncedAt),
      countedMs: Math.round(s.countedAt),
      pulls: s.pullRequests,
      wireBytes: s.pullWireBytes,
      bodyBytes: s.pullBodyBytes,
      encodings: s.encodings,
      serverWaitMs: Math.round(s.serverWaitMs),
      transferMs: Math.round(s.transferMs),
      clientMs: Math.round(s.clientMs),
    }));
    details.initialSyncRendererPhases = syncPhases;
  }
  await waitForSavedHead(d.page);
  await d.page.waitForTimeout(1500);

  const heaps: Record<string, number> = {};
  if (wants('heap')) {
    await attempt('heapAfterInitialSync', ['heapPerCase_bytes'], async () => {
      heaps.afterInitialSync = await heapUsed(d.cdp);
      log(`heap after initial sync: ${(heaps.afterInitialSync / 2 ** 20).toFixed(1)} MiB`);
    });
  }

  if (wants('warmStart') || wants('heap')) {
    await attempt('warmStart', ['warmStartFirstRows_ms', 'warmStartAllFilterable_ms'], async () => {
      const warm = await warmStarts(d, N, wants('warmStart') ? RUNS.warmStart : 1);
      if (!wants('warmStart')) return;
      metrics.warmStartFirstRows_ms = median(warm.firstRows);
      metrics.warmStartAllFilterable_ms = median(warm.allFilterable);
      notes.warmStartFirstRows_ms =
        'page.reload() to the desk:first-rows mark (rows painted from the saved worklist head)';
      notes.warmStartAllFilterable_ms =
        'page.reload() to the later of desk:all-loaded (page log in memory) and the "全部 N" tab counting every case (ranked, filterable)';
      details.warmStart = {
        firstRows: warm.firstRows.map((x) => round(x)),
        allLoaded: warm.allLoaded.map((x) => round(x)),
        allCounted: warm.allCounted.map((x) => round(x)),
      };
      log(
        `warm start: first rows ${warm.firstRows.map(Math.round).join(', ')} ms; all loaded ${warm.allLoaded.map(Math.round).join(', ')} ms; all counted ${warm.allCounted.map(Math.round).join(', ')} ms`,
      );
    });
  }
  if (wants('heap')) {
    await attempt('heapAfterWarmStart', ['heapPerCase_bytes'], async () => {
      heaps.afterWarmStart = await heapUsed(d.cdp);
      log(`heap after warm start: ${(heaps.afterWarmStart / 2 ** 20).toFixed(1)} MiB`);
      metrics.heapPerCase_bytes = Math.max(...Object.values(heaps)) / N;
      details.heapUsedBytes = heaps;
      notes.heapPerCase_bytes =
        'whole JS heap of the desk page (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) divided by the case count; the larger of after-initial-sync and after-warm-start';
    });
  }

  if (wants('filter')) {
    await attempt('filter', ['filterKeystroke_p95_ms'], async () => {
      if (!picks.queries.length)
        throw new Error('no search string found whose every prefix changes the list');
      const before = await phaseTimes(d.cdp);
      const samples = await filterKeystrokes(d.page, picks.queries);
      details.filterRendererPhasesPerKeystroke = phaseDelta(before, await phaseTimes(d.cdp), samples.length);
      metrics.filterKeystroke_p95_ms = percentile(
        samples.map((s) => s.ms),
        95,
      );
      notes.filterKeystroke_p95_ms =
        'keydown to the frame after the grid aria-rowcount changed; each query typed then erased (150 ms between keys)';
      details.filterKeystrokes = samples.map((s) => ({ ...s, ms: round(s.ms) }));
      log(
        `filter: ${samples.length} keystrokes (queries ${picks.queries.join(', ')}), median ${Math.round(median(samples.map((s) => s.ms)))} ms, p95 ${Math.round(metrics.filterKeystroke_p95_ms)} ms`,
      );
    });
  }

  if (wants('resort')) {
    await attempt('resort', ['resort_ms'], async () => {
      const samples = await resorts(d.page, 2);
      metrics.resort_ms = median(samples.map((s) => s.ms));
      notes.resort_ms =
        'click on a bucket tab to the frame after the grid aria-rowcount changed (the worklist has no other sort control); median';
      details.resort = samples.map((s) => ({ ...s, ms: round(s.ms) }));
      log(`resort (bucket tabs): ${samples.map((s) => Math.round(s.ms)).join(', ')} ms`);
    });
  }

  if (wants('scroll')) {
    await attempt('scroll', ['scrollP95_ms', 'scrollLateFramePct', 'scrollFramesOver50'], async () => {
      await scrollToTop(d.page);
      const idle = await idleFrames(d.page, 60);
      const runs: ScrollRun[] = [];
      const phases: PhaseTimes[] = [];
      const rules: number[] = [await cssRuleCount(d)];
      const domSize = () => d.page.evaluate(() => document.getElementsByTagName('*').length);
      const elements: number[] = [await domSize()];
      for (let i = 0; i < RUNS.scroll; i++) {
        const before = await phaseTimes(d.cdp);
        runs.push(await scrollRun(d.page, SCROLL_FRAMES, SCROLL_STEP_PX));
        phases.push(phaseDelta(before, await phaseTimes(d.cdp), SCROLL_FRAMES));
        rules.push(await cssRuleCount(d));
        elements.push(await domSize());
        await d.page.waitForTimeout(500);
      }
      const mid = [...runs].sort((a, b) => a.p95 - b.p95)[runs.length >> 1]!;
      metrics.scrollP95_ms = median(runs.map((r) => r.p95));
      metrics.scrollLateFramePct = median(runs.map((r) => r.latePct));
      metrics.scrollFramesOver50 = median(runs.map((r) => r.over50));
      notes.scrollP95_ms = `${SCROLL_FRAMES} frames, scrollTop += ${SCROLL_STEP_PX} px in every requestAnimationFrame (reversing at the ends); p95 of the rAF intervals; median of ${RUNS.scroll} runs`;
      notes.scrollLateFramePct = `frames whose interval exceeded ${LATE_FRAME_MS} ms (missed a 60 Hz vsync)`;
      details.scroll = {
        idleFrameMs: round(idle, 2),
        stepPx: SCROLL_STEP_PX,
        cssRulesBeforeAndAfterEachRun: rules,
        domElementsBeforeAndAfterEachRun: elements,
        rendererPhasesPerFrame: phases,
        runs: runs.map((r) => ({
          p95: round(r.p95),
          p50: round(median(r.intervals)),
          max: round(Math.max(...r.intervals)),
          latePct: round(r.latePct),
          over50: r.over50,
          rowsSeen: r.rowsSeen,
        })),
        medianRunIntervals: mid.intervals.map((x) => round(x)),
      };
      log(
        `scroll: idle frame ${idle.toFixed(1)} ms; runs p95 ${runs.map((r) => r.p95.toFixed(1)).join(', ')} ms, late ${runs.map((r) => r.latePct.toFixed(1)).join(', ')} %, >50 ms ${runs.map((r) => r.over50).join(', ')}`,
      );
      // The plain-DOM list again, in the desk's own page: separates the cost of the desk's rows from the cost of
      // the page they live in (its heap, style sheets and garbage collector).
      const inDesk: number[] = [];
      for (let i = 0; i < RUNS.scroll; i++)
        inDesk.push(percentile(await plainListScroll(d.page, SCROLL_FRAMES, SCROLL_STEP_PX), 95));
      details.scrollFloorInDeskPage = {
        what: 'a plain-DOM virtual list of made-up rows of the same shape, over the desk in its own page, scrolled the same way',
        p95: inDesk.map((x) => round(x)),
      };
      log(`scroll floor in the desk's page: p95 ${inDesk.map((x) => x.toFixed(1)).join(', ')} ms`);
      // One more run of each under a trace: the frames' time by phase (style, layout, paint, script, collector).
      const traced = {
        desk: await traceDuring(
          d.cdp,
          async () => void (await scrollRun(d.page, SCROLL_FRAMES, SCROLL_STEP_PX)),
        ),
        floorInDeskPage: await traceDuring(
          d.cdp,
          async () => void (await plainListScroll(d.page, SCROLL_FRAMES, SCROLL_STEP_PX)),
        ),
      };
      details.scrollTrace = traced;
      for (const [what, t] of Object.entries(traced)) {
        const ms = (k: string) => (t.mainThread[k]?.ms ?? 0).toFixed(0);
        log(
          `scroll trace (${what}): style ${ms('UpdateLayoutTree')} ms for ${t.styledElements} elements, layout ${ms('Layout')}, paint ${ms('Paint')}, collector ${ms('MajorGC')} + ${ms('MinorGC')} ms`,
        );
      }
      await scrollToTop(d.page);
    });
  }

  if (wants('action')) {
    await attempt('action', ['actionVisible_ms', 'actionDurable_ms'], async () => {
      const samples = await claimActions(d.page, picks.actionTargets, '张伟');
      metrics.actionVisible_ms = median(samples.map((s) => s.visible));
      metrics.actionDurable_ms = median(samples.map((s) => s.durable));
      notes.actionVisible_ms = `click on 认领 (event timestamp) to the frame after the row or the detail panel shows 张伟; median of ${RUNS.action} cases`;
      notes.actionDurable_ms = 'click on 认领 to the desk:action-durable mark (outbox transaction committed)';
      details.action = samples.map((s) => ({
        dom: round(s.dom),
        visible: round(s.visible),
        durable: round(s.durable),
      }));
      log(
        `claim: in the DOM ${samples.map((s) => s.dom.toFixed(1)).join(', ')} ms; visible ${samples.map((s) => s.visible.toFixed(1)).join(', ')} ms; durable ${samples.map((s) => s.durable.toFixed(1)).join(', ')} ms`,
      );
      // Not a target of the issue: a lead's bulk claim of a range of ticked rows, in the middle of the list.
      const bulk = await bulkClaim(d.page, Math.floor(N / 2), BULK_ROWS);
      details.bulkClaim = { ...bulk, durable: round(bulk.durable) };
      log(
        `bulk claim: ${bulk.ticked} ticked, ${bulk.claimed} claimed, durable after ${Math.round(bulk.durable)} ms`,
      );
    });
  }

  if (wants('deltaSync')) {
    await attempt('deltaSync', ['deltaSync1k_ms'], async () => {
      await scrollToTop(d.page);
      // Start from nobody holding them (a reused world may carry the last run's holders).
      await assign(world.database.db, picks.deltaIds, null);
      await d.page.waitForTimeout(3000);
      const holders = [
        { id: 'u-wangfang', name: '王芳' },
        { id: 'u-lina', name: '李娜' },
      ];
      const samples: DeltaSample[] = [];
      for (let i = 0; i < RUNS.deltaSync; i++) {
        const who = holders[i % 2]!;
        samples.push(
          await deltaSync(d.page, picks.deltaIds, who.name, () =>
            assign(world.database.db, picks.deltaIds, who.id),
          ),
        );
        await d.page.waitForTimeout(2000);
      }
      metrics.deltaSync1k_ms = median(samples.map((s) => s.ms));
      notes.deltaSync1k_ms =
        'one transaction gives the top 1,000 cases to another holder (row_version stamped, NOTIFY poke); from its commit to the later of the next desk:synced and every visible changed row showing the holder';
      details.deltaSync = samples.map((s) => ({
        ms: round(s.ms),
        synced: round(s.synced),
        shown: round(s.shown),
      }));
      log(
        `delta sync (1,000 cases): ${samples.map((s) => `${Math.round(s.ms)} ms (synced ${Math.round(s.synced)}, shown ${Math.round(s.shown)})`).join('; ')}`,
      );
    });
  }
  await d.context.close();

  // The naive design in the same browser.
  const naiveNeeded =
    wants('initialSync') || wants('warmStart') || wants('heap') || wants('deltaSync') || wants('scroll');
  if (naiveNeeded) {
    log('naive baseline: one IndexedDB record per case (the v1 schema), Dexie bulkPut per page ...');
    const naive = await openNaivePage(browser, url);
    await quiet('naive');
    const stopNaive = meter();
    try {
      const init = await naiveInitialSync(naive);
      log(
        `naive initial sync: ${Math.round(init.ms)} ms (pull ${Math.round(init.pullMs)}, write ${Math.round(init.writeMs)}, rank ${Math.round(init.rankMs)}) for ${init.cases} cases`,
      );
      details.naiveInitialSync = roundAll(init);
      if (wants('initialSync')) {
        baselines.initialSync100k_ms = init.ms;
        notes.initialSync100k_ms_baseline =
          'pull the same pages, one IndexedDB record per case (Dexie bulkPut per page, the v1 schema), rank once';
      }
      const warm = await naiveWarmStart(naive);
      log(
        `naive warm start: ${Math.round(warm.ms)} ms (getAll ${Math.round(warm.getAllMs)}, rank ${Math.round(warm.rankMs)})`,
      );
      details.naiveWarmStart = roundAll(warm);
      if (wants('warmStart')) {
        baselines.warmStartFirstRows_ms = warm.ms;
        baselines.warmStartAllFilterable_ms = warm.ms;
        notes.warmStart_baseline =
          'reload, read every case back with one getAll and rank them: the naive desk can show its first rows only when everything is read';
      }
      if (wants('heap')) {
        const naiveCdp = await naive.page.context().newCDPSession(naive.page);
        baselines.heapPerCase_bytes = (await heapUsed(naiveCdp)) / N;
        notes.heapPerCase_bytes_baseline = 'the naive page holding the getAll result and its ranking';
      }
      if (wants('scroll')) {
        const floor = [];
        for (let i = 0; i < RUNS.scroll; i++)
          floor.push(await plainListScroll(naive.page, SCROLL_FRAMES, SCROLL_STEP_PX));
        const p95s = floor.map((f) => percentile(f, 95));
        details.scrollFloor = {
          what: 'the same ranked rows in a hand-written plain-DOM virtual list, scrolled the same way (a floor, not a baseline)',
          p95: p95s.map((x) => round(x)),
          latePct: floor.map((f) => round((100 * f.filter((x) => x > LATE_FRAME_MS).length) / f.length)),
          over50: floor.map((f) => f.filter((x) => x > 50).length),
        };
        notes.scrollP95_ms_baseline =
          'no naive baseline (a list that renders all 100,000 rows is not a design anyone would ship); details.scrollFloor has a plain-DOM virtual list of the same rows as a floor';
        log(`scroll floor (plain-DOM virtual list): p95 ${p95s.map((x) => x.toFixed(1)).join(', ')} ms`);
      }
      if (wants('deltaSync')) {
        await assign(world.database.db, picks.naiveDeltaIds, 'u-wangfang');
        const delta = await naiveDelta(naive);
        log(
          `naive delta: ${Math.round(delta.ms)} ms (pull ${Math.round(delta.pullMs)}, write ${Math.round(delta.writeMs)}, re-read + rank ${Math.round(delta.rereadMs)}) for ${delta.changed} cases`,
        );
        details.naiveDelta = roundAll(delta);
        baselines.deltaSync1k_ms = delta.ms;
        notes.deltaSync1k_ms_baseline =
          'pull the 1,000 changed cases, bulkPut them as records, re-read the table (getAll) and re-rank, as a live query would (no poke latency included)';
      }
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      // In the results too: a baseline column of dashes is otherwise all that shows it.
      notes.naiveBaselines = `failed: ${message}`;
      log(`FAILED naive baselines: ${message}`);
    } finally {
      contention.naive = stopNaive();
      await naive.close();
    }
  }
  await browser.close();
}

function roundAll<T extends object>(o: T): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
}

// ---- server load, from a second process ----

async function load(config: LoadConfig): Promise<FanoutResult | PushResult> {
  const dir = mkdtempSync(join(tmpdir(), 'overdue-desk-bench-load-'));
  try {
    const configPath = join(dir, 'config.json');
    const outPath = join(dir, 'out.json');
    writeFileSync(configPath, JSON.stringify(config));
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'bench/server-load.ts', configPath, outPath],
        {
          stdio: 'inherit',
        },
      );
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`server-load exited with ${code}`);
    return JSON.parse(readFileSync(outPath, 'utf8')) as FanoutResult | PushResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverLoad(world: World, picks: Picks): Promise<void> {
  const { url } = world.server;
  if (wants('poke')) {
    await attempt('poke', ['pokeToPeerP95_ms'], async () => {
      const r = (await load({
        mode: 'fanout',
        url,
        users: USERS,
        clients: FANOUT_CLIENTS,
        rounds: 5,
        caseIds: picks.openCaseIds,
      })) as FanoutResult;
      const all = r.latencies.flat();
      metrics.pokeToPeerP95_ms = percentile(all, 95);
      details.poke = {
        clients: r.clients,
        connectMs: Math.round(r.connectMs),
        perRoundP95: r.latencies.map((l) => round(percentile(l, 95))),
        p50: round(median(all)),
        max: round(Math.max(...all)),
        commitMs: r.commitMs.map((x) => round(x)),
        missed: r.missed,
      };
      baselines.pokeToPeerP95_ms = 57_000;
      notes.pokeToPeerP95_ms_baseline =
        'computed, not measured: without the event stream a desk learns of a change from its 60 s fallback pull; p95 of a uniform wait over 60 s';
      notes.pokeToPeerP95_ms = `${r.clients} SSE streams in one Node process; from sending the push that commits a note to each stream's poke (so it includes the push itself)`;
      log(
        `poke fan-out to ${r.clients} streams: p50 ${median(all).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms, missed ${r.missed}`,
      );
    });
  }
  if (wants('push')) {
    const push = async (target: string, batch: number, seconds: number, ids: string[]) =>
      (await load({
        mode: 'push',
        url: target,
        users: USERS,
        clients: PUSH_CLIENTS,
        seconds,
        batch,
        caseIds: ids,
      })) as PushResult;
    const pgName = world.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    const summary = (r: PushResult) => ({
      perSecond: round(r.perSecond),
      applied: r.applied,
      refused: r.refused,
      errors: r.errors,
      requests: r.requests,
      seconds: round(r.seconds, 2),
      requestP50: round(median(r.requestMs)),
      requestP95: round(percentile(r.requestMs, 95)),
    });
    const pushDetails: Record<string, unknown> = {};
    details.push = pushDetails;
    await attempt('push', ['pushMutationsPerSec'], async () => {
      const main = await push(url, PUSH_BATCH, PUSH_SECONDS, picks.openCaseIds);
      log(
        `push on ${pgName}: ${PUSH_CLIENTS} clients x batches of ${PUSH_BATCH}: ${Math.round(main.perSecond)} mutations/s (${main.applied} applied, ${main.refused} refused, ${main.errors} errors, request p50 ${Math.round(median(main.requestMs))} ms)`,
      );
      const single = await push(url, 1, 5, picks.openCaseIds);
      log(`push on ${pgName}, one mutation per request: ${Math.round(single.perSecond)} mutations/s`);
      pushDetails[world.kind] = summary(main);
      pushDetails[`${world.kind}OnePerRequest`] = summary(single);
      if (world.kind === 'postgres') {
        metrics.pushMutationsPerSec = main.perSecond;
        baselines.pushMutationsPerSec = single.perSecond;
        notes.pushMutationsPerSec = `${PUSH_CLIENTS} clients, addNote batches of ${PUSH_BATCH}, ${PUSH_SECONDS} s, on PostgreSQL; applied mutations per second`;
        notes.pushMutationsPerSec_baseline = 'the same 50 clients sending one mutation per request';
      } else {
        skip('pushMutationsPerSec', 'PostgreSQL not reachable; the PGlite figure is in details.push');
      }
    });
    if (world.kind === 'postgres') {
      // The PGlite figure beside it, on its own small server.
      await attempt('pushPglite', [], async () => {
        const dir = mkdtempSync(join(tmpdir(), 'overdue-desk-bench-pglite-'));
        try {
          log('starting a PGlite server for the PGlite push figure ...');
          const lite = await startServer({
            database: { kind: 'pglite', dataDir: dir },
            demo: { orders: 400 },
            port: 0,
          });
          try {
            const ids = (
              await lite.database.db
                .select({ id: cases.id })
                .from(cases)
                .where(eq(cases.status, 'open'))
                .limit(200)
            ).map((r) => r.id);
            const r = await push(lite.url, PUSH_BATCH, PUSH_SECONDS, ids);
            pushDetails.pglite = summary(r);
            log(
              `push on PGlite: ${Math.round(r.perSecond)} mutations/s (${r.applied} applied, ${r.errors} errors)`,
            );
          } finally {
            await lite.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
}

// ---- main ----

async function main(): Promise<void> {
  log(
    `overdue desk benchmark: ${N.toLocaleString('en-US')} cases; scenarios ${[...only].join(', ')}${argv.reuse ? ' (--reuse)' : ''}`,
  );
  const needWorld = [...only].some((s) => s !== 'olist');
  if (needWorld) {
    log('building the UI (vite build) ...');
    const uiDir = buildUiPrivately();
    const world = await openWorld(uiDir);
    const { url } = world.server;
    const session = await login(url, 'zhangwei');
    // The Node copy of the cases is only needed here; it goes out of scope before the browser starts.
    const client = new ApiClient(url, session.token);
    const picks = await readWorld(client);
    if (wants('action')) {
      const rt = await serverRoundTrips(client, picks.roundTripIds);
      baselines.actionVisible_ms = median(rt.pushPull);
      baselines.actionDurable_ms = median(rt.push);
      notes.actionVisible_ms_baseline =
        'no local overlay: push the claim, then pull until it is back (Node client, loopback)';
      notes.actionDurable_ms_baseline =
        'durable only once the server committed it: the push round trip (Node client, loopback)';
      details.roundTrip = { push: rt.push.map((x) => round(x)), pushPull: rt.pushPull.map((x) => round(x)) };
    }
    if (BROWSER.some(wants)) await browserScenarios(world, picks);
    if (wants('poke') || wants('push')) await serverLoad(world, picks);
    await cleanup();
    log('server closed, databases dropped');
  }
  if (wants('olist')) {
    log('Olist import ...');
    await attempt('olist', ['olistImport_ms'], async () => {
      const r = await olistImport(RUNS.olist, log);
      if (typeof r === 'string') skip('olistImport_ms', r);
      else {
        metrics.olistImport_ms = r.ms;
        details.olist = {
          importWallMs: r.importWallMs.map(Math.round),
          noopWallMs: r.noopWallMs.map(Math.round),
          cliReportedMs: r.cliReportedMs.map(Math.round),
          summary: r.summary,
        };
        notes.olistImport_ms =
          'wall time of `npm run desk -- import --format olist` on a fresh PGlite folder minus that of `desk migrate` on a fresh folder (same start-up, initdb and migrations); medians';
      }
    });
  }
  for (const { key } of METRICS) if (metrics[key] === null && !notes[key]) notes[key] = 'not run (--only)';
  notes.contention = `the machine may be shared: before each scenario the run waited up to ${QUIET_WAIT_MS / 1000} s for other processes to use under ${QUIET_PCT}% of it; details.contention gives the share other processes (othersPct) and the benchmark with its PostgreSQL backends (benchPct) used during each scenario`;
  machine.loadAverageEnd = round(loadavg()[0] ?? 0, 2);
  machine.minutes = round((performance.now() - started) / 60_000, 1);
  const results: Results = {
    machine,
    metrics: Object.fromEntries(
      METRICS.map((m) => [m.key, metrics[m.key] === null ? null : round(metrics[m.key]!, 2)]),
    ) as Results['metrics'],
    baselines: Object.fromEntries(
      METRICS.map((m) => [m.key, baselines[m.key] === null ? null : round(baselines[m.key]!, 2)]),
    ) as Results['baselines'],
    ratios: Object.fromEntries(
      Object.entries(ratiosOf(metrics, baselines)).map(([k, v]) => [k, v === null ? null : round(v, 4)]),
    ) as Results['ratios'],
    notes,
    details,
  };
  writeResults(RESULTS, results);
  console.log(`\n${table(results)}\n`);
  for (const [key, note] of Object.entries(notes)) console.log(`  ${key}: ${note}`);
  log(`results in ${RESULTS}`);
}

main()
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanup();
    process.exitCode = 1;
  })
  .finally(() => {
    // Playwright and pg keep handles; the results are written.
    setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
  });

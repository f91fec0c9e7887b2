// The desk in Debian's Chromium (headless, the launch arguments of playwright.config.ts, 1440x900, zh-CN): the
// instrumentation installed in every page, opening a desk, and the loading scenarios (initial sync, warm start,
// heap, the main thread's phase counters), bounded by the renderer's own performance marks (desk:first-rows,
// desk:all-loaded, desk:synced, desk:action-durable). What is timed in a running desk is in desk-scenarios.ts.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { round } from './report';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const CONTEXT_OPTIONS = {
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/** BENCH_CHROMIUM_ARGS (space-separated) adds switches, for experiments such as V8 flags; recorded in the results. */
export const EXTRA_CHROMIUM_ARGS = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...LAUNCH_ARGS, ...EXTRA_CHROMIUM_ARGS],
  });

// tsx (esbuild keepNames) wraps nested functions in __name(...); functions sent to the page need it defined.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/**
 * Installed before the app's own scripts on every navigation: a log of clicks and text input with their event
 * timestamps, and a per-frame watch of the "全部 N" tab count and of the first rendered row.
 */
const INSTRUMENT = String.raw`(() => {
  const B = (window.__bench = { tabs: [], firstRowsAt: null, clicks: [], inputs: [], lastKeydown: null,
    rowcount: [], action: null, delta: null });
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('button,[role="tab"],[role="row"]') : null;
    B.clicks.push({ t: e.timeStamp, label: el ? (el.textContent || '').trim().slice(0, 40) : '' });
  }, true);
  document.addEventListener('keydown', (e) => { B.lastKeydown = e.timeStamp; }, true);
  document.addEventListener('input', (e) => {
    const kd = B.lastKeydown;
    B.inputs.push({ t: kd !== null && e.timeStamp - kd < 100 ? kd : e.timeStamp });
    B.lastKeydown = null;
  }, true);
  const started = performance.now();
  const poll = () => {
    // The worklist's bucket tabs carry data-count; the app's nav (工作列表, 复盘, ...) is a tab list too.
    const tab = document.querySelector('[role="tab"][data-count]');
    const m = tab ? /(\d+)\s*$/.exec(tab.textContent || '') : null;
    if (m) {
      const n = Number(m[1]);
      const last = B.tabs[B.tabs.length - 1];
      if (!last || last.n !== n) B.tabs.push({ t: performance.now(), n });
    }
    if (B.firstRowsAt === null && document.querySelector('[role="row"][data-case-id]')) B.firstRowsAt = performance.now();
    const done = B.firstRowsAt !== null && B.tabs.some((x) => x.n >= B.expect);
    if (!done && performance.now() - started < 300000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface BenchState {
  expect: number;
  tabs: { t: number; n: number }[];
  firstRowsAt: number | null;
  clicks: { t: number; label: string }[];
  inputs: { t: number }[];
  rowcount: { t: number; frame: number; n: number }[];
  action: { t: number; frame?: number } | null;
  delta: number | null;
}
declare global {
  interface Window {
    __bench: BenchState;
  }
}

export interface Desk {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

export async function newDesk(browser: Browser, expectCases: number): Promise<Desk> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript({ content: `${INSTRUMENT}\nwindow.__bench.expect = ${expectCases};` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

export const mark = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.startTime), name);

// ---- initial sync ----

export interface InitialSync {
  ms: number;
  syncedAt: number;
  countedAt: number;
  pullRequests: number;
  /** Bytes received for the pull responses (compressed, headers included), from CDP encodedDataLength. */
  pullWireBytes: number;
  /** The same bodies decompressed. */
  pullBodyBytes: number;
  encodings: string[];
  /** Summed over the pulls: request sent to response headers (the server reading the page). */
  serverWaitMs: number;
  /** Response headers to the last byte (compression and transfer). */
  transferMs: number;
  /** Last byte of one pull to the next request: the desk storing and applying the page. */
  clientMs: number;
}

interface PullTiming {
  sent: number;
  headers: number;
  finished: number;
  encoded: number;
  decoded: number;
  encoding: string;
}

/** Empty desk, log in, until every case is stored (first desk:synced) and the "全部 N" tab shows them all. */
export async function initialSync(desk: Desk, url: string, expectCases: number): Promise<InitialSync> {
  const { page, cdp } = desk;
  const pulls = new Map<string, PullTiming>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.includes('/api/sync/pull'))
      pulls.set(e.requestId, {
        sent: e.timestamp,
        headers: 0,
        finished: 0,
        encoded: 0,
        decoded: 0,
        encoding: '',
      });
  });
  cdp.on('Network.responseReceived', (e) => {
    const p = pulls.get(e.requestId);
    if (!p) return;
    p.headers = e.timestamp;
    p.encoding =
      e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity';
  });
  cdp.on('Network.dataReceived', (e) => {
    const p = pulls.get(e.requestId);
    if (p) p.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const p = pulls.get(e.requestId);
    if (!p) return;
    p.encoded = e.encodedDataLength;
    p.finished = e.timestamp;
  });
  await page.goto(url);
  await page.getByRole('textbox', { name: '用户名' }).fill('zhangwei');
  await page.getByLabel('密码').fill('desk2026');
  await page.getByRole('button', { name: '登录' }).click();
  const done = await page.waitForFunction(
    (n) => {
      const B = window.__bench;
      const click = B.clicks.find((c) => c.label === '登录');
      if (!click) return null;
      const synced = performance.getEntriesByName('desk:synced').find((e) => e.startTime > click.t);
      const counted = B.tabs.find((x) => x.n >= n && x.t > click.t);
      if (!synced || !counted) return null;
      return { click: click.t, synced: synced.startTime, counted: counted.t };
    },
    expectCases,
    { polling: 200, timeout: 600_000 },
  );
  const r = (await done.jsonValue())!;
  await cdp.send('Network.disable');
  const list = [...pulls.values()].filter((p) => p.finished > 0).sort((a, b) => a.sent - b.sent);
  let clientMs = 0;
  for (let i = 1; i < list.length; i++) clientMs += Math.max(0, list[i]!.sent - list[i - 1]!.finished) * 1000;
  return {
    ms: Math.max(r.synced, r.counted) - r.click,
    syncedAt: r.synced - r.click,
    countedAt: r.counted - r.click,
    pullRequests: list.length,
    pullWireBytes: list.reduce((s, p) => s + p.encoded, 0),
    pullBodyBytes: list.reduce((s, p) => s + p.decoded, 0),
    encodings: [...new Set(list.map((p) => p.encoding))],
    serverWaitMs: list.reduce((s, p) => s + (p.headers - p.sent) * 1000, 0),
    transferMs: list.reduce((s, p) => s + (p.finished - p.headers) * 1000, 0),
    clientMs,
  };
}

/** The sync engine saves the worklist head after its first sync; the warm start paints from it. */
export async function waitForSavedHead(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const dbs = await indexedDB.databases();
      const name = dbs.map((d) => d.name ?? '').find((n) => n.startsWith('overdue-desk-'));
      if (!name) return false;
      return new Promise<boolean>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const get = db.transaction('meta').objectStore('meta').get('head');
            get.onsuccess = () => {
              db.close();
              resolve(get.result !== undefined);
            };
            get.onerror = () => {
              db.close();
              resolve(false);
            };
          } catch {
            db.close();
            resolve(false);
          }
        };
      });
    },
    undefined,
    { polling: 250, timeout: 60_000 },
  );
}

// ---- warm start ----

export interface WarmStart {
  firstRows: number[];
  /** desk:all-loaded: the whole log replayed into memory. */
  allLoaded: number[];
  /** The "全部 N" tab shows every case: ranked and filterable. */
  allCounted: number[];
  allFilterable: number[];
}

export async function warmStarts(desk: Desk, expectCases: number, runs: number): Promise<WarmStart> {
  const out: WarmStart = { firstRows: [], allLoaded: [], allCounted: [], allFilterable: [] };
  for (let i = 0; i < runs; i++) {
    await desk.page.reload({ waitUntil: 'commit' });
    const handle = await desk.page.waitForFunction(
      (n) => {
        const B = window.__bench;
        const first = performance.getEntriesByName('desk:first-rows')[0];
        const loaded = performance.getEntriesByName('desk:all-loaded')[0];
        const counted = B.tabs.find((x) => x.n >= n);
        if (!first || !loaded || !counted) return null;
        return { first: first.startTime, loaded: loaded.startTime, counted: counted.t };
      },
      expectCases,
      { polling: 100, timeout: 120_000 },
    );
    const r = (await handle.jsonValue())!;
    out.firstRows.push(r.first);
    out.allLoaded.push(r.loaded);
    out.allCounted.push(r.counted);
    out.allFilterable.push(Math.max(r.loaded, r.counted));
    await settle(desk.page);
  }
  return out;
}

/** Waits for the page to go quiet (the post-start sync round, deferred renders). */
async function settle(page: Page, ms = 1500): Promise<void> {
  await page.waitForTimeout(ms);
}

// ---- where the renderer's main thread spent its time (Chromium's own counters) ----

export interface PhaseTimes {
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  taskMs: number;
}

/** Cumulative main-thread time by phase (CDP Performance.getMetrics); subtract two readings. */
export async function phaseTimes(cdp: CDPSession): Promise<PhaseTimes> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? 0);
  return {
    scriptMs: get('ScriptDuration'),
    styleMs: get('RecalcStyleDuration'),
    layoutMs: get('LayoutDuration'),
    taskMs: get('TaskDuration'),
  };
}

export function phaseDelta(a: PhaseTimes, b: PhaseTimes, per = 1): PhaseTimes {
  const d = (k: keyof PhaseTimes) => round((b[k] - a[k]) / per, 2);
  return { scriptMs: d('scriptMs'), styleMs: d('styleMs'), layoutMs: d('layoutMs'), taskMs: d('taskMs') };
}

// ---- heap ----

export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.disable');
  return usage.usedSize;
}

// The naive designs measured in the browser, in the same run on the same data as the desk:
// - in the same browser, a page that stores the cases the way the desk's v1 schema did (one IndexedDB record
//   per case, Dexie bulkPut per pull page), reads them back with getAll, and refreshes its list by re-reading
//   the table (what a live query does);
// - and, as a floor for scrolling, the same rows in a plain-DOM virtual list.
// The baselines measured in Node are in node-baselines.ts.
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import type { CaseView } from '../shared/schemas/case';
import type { RankedCase } from '../renderer/data/ranking';
import { CONTEXT_OPTIONS } from './browser';
import type * as NaiveRanking from './naive-ranking';

// ---- the naive page ----

/** rankOpen and filterRanked (bench/naive-ranking.ts) as a script for the naive page. */
async function rankingScript(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: 'bench/naive-ranking.ts', name: 'BenchRanking', formats: ['iife'] },
    },
  });
  const first = Array.isArray(out) ? out[0] : out;
  if (!first || !('output' in first)) throw new Error('bundling naive-ranking.ts failed');
  const chunk = first.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling naive-ranking.ts gave no chunk');
  return chunk.code;
}

export interface NaivePage {
  page: Page;
  close(): Promise<void>;
}

const NAIVE_PATH = '/__bench/naive';

/** A page on the server's origin (so it can call the API) holding Dexie and the ranking code. */
export async function openNaivePage(browser: Browser, url: string): Promise<NaivePage> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  const dexie = readFileSync('node_modules/dexie/dist/dexie.js', 'utf8');
  const ranking = await rankingScript();
  await context.route(`${url}/__bench/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/__bench/dexie.js') return route.fulfill({ body: dexie, contentType: 'text/javascript' });
    if (path === '/__bench/ranking.js')
      return route.fulfill({ body: ranking, contentType: 'text/javascript' });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>naive</title><script src="/__bench/dexie.js"></script><script src="/__bench/ranking.js"></script><body>naive baseline</body>',
    });
  });
  const page = await context.newPage();
  await page.goto(`${url}${NAIVE_PATH}`);
  return { page, close: () => context.close() };
}

declare global {
  interface Window {
    Dexie: new (name: string) => NaiveDexie;
    BenchRanking: typeof NaiveRanking;
    __naive: unknown;
  }
}
interface NaiveTable {
  bulkPut(rows: unknown[]): Promise<unknown>;
  put(row: unknown): Promise<unknown>;
  get(key: string): Promise<{ value: unknown } | undefined>;
}
interface NaiveDexie {
  version(n: number): { stores(s: Record<string, string>): void };
  open(): Promise<unknown>;
  transaction(mode: string, tables: NaiveTable[], fn: () => Promise<void>): Promise<void>;
  table(name: string): NaiveTable;
}

export interface NaiveInitial {
  ms: number;
  pullMs: number;
  writeMs: number;
  rankMs: number;
  cases: number;
}

/**
 * The v1 design's initial sync: pull every page and write each case, event and directory row as its own record
 * (Dexie bulkPut, one transaction per page), keeping the pulled cases in memory; then rank them once.
 */
export function naiveInitialSync(naive: NaivePage): Promise<NaiveInitial> {
  return naive.page.evaluate(async () => {
    const t0 = performance.now();
    const session = (await (
      await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'zhangwei', password: 'desk2026' }),
      })
    ).json()) as { token: string };
    localStorage.setItem('naive.token', session.token);
    const db = new window.Dexie('bench-naive');
    db.version(1).stores({ meta: 'key', cases: 'id', events: 'id', directory: '[kind+id]', outbox: 'id' });
    await db.open();
    const clientId = `naive-${Math.random().toString(36).slice(2, 12)}`;
    localStorage.setItem('naive.client', clientId);
    let cursor: string | null = null;
    let pullMs = 0;
    let writeMs = 0;
    const all: CaseView[] = [];
    for (;;) {
      const a = performance.now();
      const res = await fetch('/api/sync/pull', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ clientId, cursor, limit: 2000, protocolVersion: 1 }),
      });
      const page = (await res.json()) as {
        changes: { op: string; kind: string; value: { id: string } }[];
        cursor: string;
        hasMore: boolean;
      };
      const b = performance.now();
      pullMs += b - a;
      const cases: unknown[] = [];
      const events: unknown[] = [];
      const directory: unknown[] = [];
      for (const c of page.changes) {
        if (c.op !== 'put') continue;
        if (c.kind === 'case') cases.push(c.value);
        else if (c.kind === 'event') events.push(c.value);
        else directory.push({ kind: c.kind, id: c.value.id, value: c.value });
      }
      const [tc, te, td, tm] = ['cases', 'events', 'directory', 'meta'].map((n) => db.table(n)) as [
        NaiveTable,
        NaiveTable,
        NaiveTable,
        NaiveTable,
      ];
      await db.transaction('rw', [tc, te, td, tm], async () => {
        await tc.bulkPut(cases);
        await te.bulkPut(events);
        await td.bulkPut(directory);
        await tm.put({ key: 'cursor', value: page.cursor });
      });
      writeMs += performance.now() - b;
      for (const c of cases) all.push(c as CaseView);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const r = performance.now();
    window.BenchRanking.filterRanked(window.BenchRanking.rankOpen(all, Date.now()), 'all', '');
    const end = performance.now();
    return { ms: end - t0, pullMs, writeMs, rankMs: end - r, cases: all.length };
  });
}

export interface NaiveWarm {
  /** From navigation start to every case read back (getAll) and ranked: its first rows and all rows at once. */
  ms: number;
  getAllMs: number;
  rankMs: number;
  cases: number;
}

/** Reloads the naive page and reads every case back with one getAll, then ranks them. */
export async function naiveWarmStart(naive: NaivePage): Promise<NaiveWarm> {
  await naive.page.reload();
  return naive.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-naive');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    });
    const a = performance.now();
    const cases = await new Promise<CaseView[]>((resolve, reject) => {
      const get = db.transaction('cases').objectStore('cases').getAll();
      get.onsuccess = () => resolve(get.result as CaseView[]);
      get.onerror = () => reject(get.error ?? new Error('getAll failed'));
    });
    const b = performance.now();
    const ranked = window.BenchRanking.rankOpen(cases, Date.now());
    const list = window.BenchRanking.filterRanked(ranked, 'all', '');
    window.__naive = { cases, ranked, list };
    db.close();
    const end = performance.now();
    return { ms: end, getAllMs: b - a, rankMs: end - b, cases: cases.length };
  });
}

export interface NaiveDelta {
  ms: number;
  pullMs: number;
  writeMs: number;
  rereadMs: number;
  changed: number;
}

/** After a server change: pull it, write each changed case as its record, re-read the table and re-rank. */
export function naiveDelta(naive: NaivePage): Promise<NaiveDelta> {
  return naive.page.evaluate(async () => {
    const token = localStorage.getItem('naive.token');
    const clientId = localStorage.getItem('naive.client');
    const db = new window.Dexie('bench-naive');
    db.version(1).stores({ meta: 'key', cases: 'id', events: 'id', directory: '[kind+id]', outbox: 'id' });
    await db.open();
    const meta = db.table('meta');
    const tc = db.table('cases');
    let cursor = ((await meta.get('cursor'))?.value as string | undefined) ?? null;
    const t0 = performance.now();
    let pullMs = 0;
    let writeMs = 0;
    let changed = 0;
    for (;;) {
      const a = performance.now();
      const res = await fetch('/api/sync/pull', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, cursor, limit: 2000, protocolVersion: 1 }),
      });
      const page = (await res.json()) as {
        changes: { op: string; kind: string; value: unknown }[];
        cursor: string;
        hasMore: boolean;
      };
      const b = performance.now();
      pullMs += b - a;
      const cases = page.changes.filter((c) => c.op === 'put' && c.kind === 'case').map((c) => c.value);
      changed += cases.length;
      await db.transaction('rw', [tc, meta], async () => {
        await tc.bulkPut(cases);
        await meta.put({ key: 'cursor', value: page.cursor });
      });
      writeMs += performance.now() - b;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const c = performance.now();
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-naive');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    });
    const all = await new Promise<CaseView[]>((resolve, reject) => {
      const get = idb.transaction('cases').objectStore('cases').getAll();
      get.onsuccess = () => resolve(get.result as CaseView[]);
      get.onerror = () => reject(get.error ?? new Error('getAll failed'));
    });
    window.BenchRanking.filterRanked(window.BenchRanking.rankOpen(all, Date.now()), 'all', '');
    const end = performance.now();
    idb.close();
    return { ms: end - t0, pullMs, writeMs, rereadMs: end - c, changed };
  });
}

// ---- a reference for scrolling: the same rows in a plain-DOM virtual list (no React, no MUI) ----

/**
 * Not a naive design but a floor: rows in a hand-written virtual list (44 px rows, six cells, the same overscan),
 * scrolled exactly like the desk, over whatever the page shows. In the naive page they are its ranked rows; in
 * the desk's own page (no `__naive` there) rows of the same shape made up from the index, which shows what this
 * browser does per frame in the desk's page, with its heap and its style sheets, without the desk's rows.
 */
export async function plainListScroll(page: Page, frames: number, stepPx: number): Promise<number[]> {
  return page.evaluate(
    async ({ frames, stepPx }) => {
      const rows = (window.__naive as { list: { rows: RankedCase[] } } | undefined)?.list.rows;
      const count = rows?.length ?? 100_000;
      const texts = (i: number): string[] => {
        const r = rows?.[i];
        if (!r)
          return [
            String(900 - (i % 900)),
            '已超时 3 小时 12 分',
            `淘宝 · ${3_000_000_000 + i * 7919}`,
            `生鲜 · 阳澄湖大闸蟹 ${i % 97}`,
            '王小明 · 杭州',
            '—',
          ];
        return [
          String(r.score),
          new Date(r.shipBy).toLocaleTimeString(),
          `${r.c.platform} · ${r.c.platformOrderId}`,
          `${r.c.order.category} · ${r.c.order.items[0]?.name ?? ''}`,
          `${r.c.order.customerName} · ${r.c.order.city}`,
          r.c.assigneeId ?? '—',
        ];
      };
      const box = document.createElement('div');
      box.style.cssText =
        'position:fixed;top:0;left:0;z-index:99999;background:#fff;height:760px;width:900px;overflow:auto;font:14px sans-serif';
      const inner = document.createElement('div');
      inner.style.cssText = `position:relative;height:${count * 44}px`;
      // The rows flow in one translated block and share one style: positioned one by one, each with its own
      // transform, the browser's style pass grows slower with every row made since the last garbage
      // collection (docs/performance.md), which measured the page's collector instead of the list.
      const block = document.createElement('div');
      block.style.cssText = 'position:absolute;left:0;right:0;top:0';
      inner.appendChild(block);
      box.appendChild(inner);
      document.body.appendChild(box);
      const rowStyle =
        'height:44px;box-sizing:border-box;display:grid;grid-template-columns:64px 150px 1.2fr 1fr 110px 90px;align-items:center;border-bottom:1px solid #ddd';
      const shown = new Map<number, HTMLElement>();
      const render = () => {
        const first = Math.max(0, Math.floor(box.scrollTop / 44) - 8);
        const last = Math.min(count, Math.ceil((box.scrollTop + 760) / 44) + 8);
        for (const [i, el] of shown)
          if (i < first || i >= last) {
            el.remove();
            shown.delete(i);
          }
        let next: HTMLElement | null = null;
        for (let i = last - 1; i >= first; i--) {
          const have = shown.get(i);
          if (have) {
            next = have;
            continue;
          }
          const el = document.createElement('div');
          el.style.cssText = rowStyle;
          for (const text of texts(i)) {
            const cell = document.createElement('span');
            cell.textContent = text;
            el.appendChild(cell);
          }
          block.insertBefore(el, next);
          next = el;
          shown.set(i, el);
        }
        block.style.transform = `translateY(${first * 44}px)`;
      };
      box.addEventListener('scroll', render);
      render();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stamps = await new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let dir = 1;
        const tick = (t: number) => {
          out.push(t);
          if (out.length > frames) return resolve(out);
          const max = box.scrollHeight - box.clientHeight;
          if (box.scrollTop + dir * stepPx > max || box.scrollTop + dir * stepPx < 0) dir = -dir;
          box.scrollTop += dir * stepPx;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      box.remove();
      return stamps.slice(1).map((t, i) => t - stamps[i]!);
    },
    { frames, stepPx },
  );
}

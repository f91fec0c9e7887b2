// The scenarios in a running desk (bench/browser.ts opens it and times its loading): search keystrokes, bucket
// tabs, fast scrolling, a claim, a delta sync and a bulk claim. Timed inside the page like the rest: input events
// carry their own timestamps, "the list updated" is a MutationObserver on the grid's aria-rowcount plus the next
// animation frame, and frames come from requestAnimationFrame.
import type { Page } from '@playwright/test';
import { mark } from './browser';
import { median, percentile } from './report';

const timeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);

// ---- "the list updated": aria-rowcount of the grid changed, plus the frame that shows it ----

async function watchRowcount(page: Page): Promise<void> {
  await page.evaluate(() => {
    const B = window.__bench;
    const grid = document.querySelector('[role="grid"]');
    if (!grid) throw new Error('no worklist grid');
    B.rowcount = [];
    new MutationObserver(() => {
      const t = performance.now();
      const n = Number(grid.getAttribute('aria-rowcount'));
      requestAnimationFrame(() => B.rowcount.push({ t, frame: performance.now(), n }));
    }).observe(grid, { attributes: true, attributeFilter: ['aria-rowcount'] });
  });
}

const rowcount = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')));

async function nextUpdate(page: Page, seen: number, timeout = 10_000) {
  const h = await page.waitForFunction((k) => window.__bench.rowcount[k] ?? null, seen, {
    polling: 20,
    timeout,
  });
  return (await h.jsonValue())!;
}

// ---- filter ----

export interface KeystrokeSample {
  key: string;
  query: string;
  ms: number;
  rows: number;
}

/**
 * Types each query one character at a time, then deletes it again with Backspace; every keystroke is timed from
 * its keydown to the frame after the grid's row count changed (each prefix is chosen to change it).
 */
export async function filterKeystrokes(page: Page, queries: string[]): Promise<KeystrokeSample[]> {
  const search = page.getByRole('searchbox', { name: '搜索订单号、客户或手机尾号' });
  await search.fill('');
  await page.waitForTimeout(500);
  await watchRowcount(page);
  await search.click();
  const samples: KeystrokeSample[] = [];
  let typed = '';
  const stroke = async (key: string, next: string) => {
    const seen = await page.evaluate(() => window.__bench.rowcount.length);
    const inputs = await page.evaluate(() => window.__bench.inputs.length);
    await page.keyboard.press(key);
    const update = await nextUpdate(page, seen);
    const t0 = await page.evaluate((k) => window.__bench.inputs[k]?.t ?? NaN, inputs);
    samples.push({ key, query: next, ms: update.frame - t0, rows: update.n - 1 });
    typed = next;
    await page.waitForTimeout(150);
  };
  for (const query of queries) {
    for (const ch of query) await stroke(ch, typed + ch);
    while (typed.length) await stroke('Backspace', typed.slice(0, -1));
  }
  return samples;
}

// ---- re-sort: bucket tabs ----

export interface ResortSample {
  tab: string;
  ms: number;
  rows: number;
}

export async function resorts(page: Page, rounds: number): Promise<ResortSample[]> {
  await watchRowcount(page);
  const tabs = page.locator('[role="tab"][data-count]');
  const labels = await tabs.allTextContents();
  const samples: ResortSample[] = [];
  let current = await rowcount(page);
  const order = [...labels.keys()].slice(1).concat(0);
  for (let round = 0; round < rounds; round++) {
    for (const index of order) {
      const label = labels[index]!;
      const count = Number(/(\d+)\s*$/.exec(label)?.[1] ?? NaN);
      const expected = index === 0 ? current : count + 1;
      const tab = tabs.nth(index);
      if (expected === current && index !== 0) {
        // Same row count as now: no attribute change to observe; select it untimed.
        await tab.click();
        await page.waitForTimeout(200);
        continue;
      }
      const seen = await page.evaluate(() => window.__bench.rowcount.length);
      const clicks = await page.evaluate(() => window.__bench.clicks.length);
      await tab.click();
      const update = await nextUpdate(page, seen).catch(() => null);
      const t0 = await page.evaluate((k) => window.__bench.clicks[k]?.t ?? NaN, clicks);
      current = await rowcount(page);
      if (update) samples.push({ tab: label, ms: update.frame - t0, rows: update.n - 1 });
      await page.waitForTimeout(200);
    }
  }
  await tabs.first().click();
  await page.waitForTimeout(300);
  return samples;
}

// ---- scrolling ----

export interface ScrollRun {
  intervals: number[];
  p95: number;
  latePct: number;
  over50: number;
  rowsSeen: number;
}

/** A frame is late when it missed its vsync: more than 1.5 frames of 60 Hz since the previous one. */
export const LATE_FRAME_MS = 25;

export async function scrollRun(page: Page, frames: number, stepPx: number): Promise<ScrollRun> {
  const r = await page.evaluate(
    async ({ frames, stepPx }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]');
      if (!el) throw new Error('no worklist scroller');
      el.scrollTop = 0;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const seen = new Set<string>();
      return new Promise<{ stamps: number[]; rowsSeen: number }>((resolve) => {
        const stamps: number[] = [];
        let dir = 1;
        const tick = (t: number) => {
          stamps.push(t);
          for (const row of el.querySelectorAll('[data-case-id]'))
            seen.add(row.getAttribute('data-case-id')!);
          if (stamps.length > frames) {
            resolve({ stamps, rowsSeen: seen.size });
            return;
          }
          const max = el.scrollHeight - el.clientHeight;
          if (el.scrollTop + dir * stepPx > max || el.scrollTop + dir * stepPx < 0) dir = -dir;
          el.scrollTop += dir * stepPx;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { frames, stepPx },
  );
  const intervals = r.stamps.slice(1).map((t, i) => t - r.stamps[i]!);
  return {
    intervals,
    p95: percentile(intervals, 95),
    latePct: (100 * intervals.filter((x) => x > LATE_FRAME_MS).length) / intervals.length,
    over50: intervals.filter((x) => x > 50).length,
    rowsSeen: r.rowsSeen,
  };
}

/** Frame intervals of the idle page, for reference (what the headless compositor delivers). */
export async function idleFrames(page: Page, frames: number): Promise<number> {
  const stamps = await page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        const tick = (t: number) => {
          out.push(t);
          if (out.length > n) resolve(out);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
  return median(stamps.slice(1).map((t, i) => t - stamps[i]!));
}

// ---- an action: claim ----

export interface ActionSample {
  caseId: string;
  /** Click to the DOM showing the holder (before the frame that paints it). */
  dom: number;
  visible: number;
  durable: number;
}

export async function claimActions(
  page: Page,
  targets: { id: string; platformOrderId: string }[],
  displayName: string,
): Promise<ActionSample[]> {
  const search = page.getByRole('searchbox', { name: '搜索订单号、客户或手机尾号' });
  const out: ActionSample[] = [];
  for (const target of targets) {
    await search.fill(target.platformOrderId);
    const row = page.locator(`[role="row"][data-case-id="${target.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    const claim = page.getByRole('button', { name: '认领', exact: true });
    await claim.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const clicks = await page.evaluate(
      ({ caseId, name }) => {
        const B = window.__bench;
        B.action = null;
        const shows = () => {
          const row = document.querySelector(`[role="row"][data-case-id="${caseId}"]`);
          const cells = row ? row.querySelectorAll('[role="gridcell"]') : [];
          const cell = cells[cells.length - 1];
          if (cell?.textContent?.includes(name)) return true;
          return (document.querySelector('section')?.textContent ?? '').includes(`负责人：${name}`);
        };
        const mo = new MutationObserver(() => {
          if (B.action || !shows()) return;
          const hit = { t: performance.now() } as { t: number; frame?: number };
          B.action = hit;
          mo.disconnect();
          requestAnimationFrame(() => (hit.frame = performance.now()));
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        return B.clicks.length;
      },
      { caseId: target.id, name: displayName },
    );
    const durableBefore = (await mark(page, 'desk:action-durable')).length;
    await claim.click();
    const h = await page.waitForFunction(
      ({ k, d }) => {
        const B = window.__bench;
        const click = B.clicks[k];
        const durable = performance.getEntriesByName('desk:action-durable')[d];
        if (!click || !durable || B.action?.frame === undefined) return null;
        return { click: click.t, dom: B.action.t, visible: B.action.frame, durable: durable.startTime };
      },
      { k: clicks, d: durableBefore },
      { polling: 20, timeout: 10_000 },
    );
    const r = (await h.jsonValue())!;
    out.push({
      caseId: target.id,
      dom: r.dom - r.click,
      visible: r.visible - r.click,
      durable: r.durable - r.click,
    });
    await page.waitForTimeout(500);
  }
  await search.fill('');
  await page.waitForTimeout(800);
  return out;
}

// ---- delta sync ----

export interface DeltaSample {
  ms: number;
  /** From the commit to the desk:synced mark of the pull that brought the change. */
  synced: number;
  /** From the commit to the frame where every visible changed row shows the new holder. */
  shown: number;
}

/**
 * `commit` changes the cases on the server and resolves with the epoch time of its commit. Timed from there
 * to the first desk:synced after it with every changed row on screen showing `displayName`.
 */
export async function deltaSync(
  page: Page,
  ids: readonly string[],
  displayName: string,
  commit: () => Promise<number>,
): Promise<DeltaSample> {
  await page.evaluate(
    ({ ids, name }) => {
      const B = window.__bench;
      B.delta = null;
      const wanted = new Set(ids);
      const poll = () => {
        const rows = [...document.querySelectorAll('[role="row"][data-case-id]')].filter((r) =>
          wanted.has(r.getAttribute('data-case-id')!),
        );
        const ok =
          rows.length >= 3 &&
          rows.every((r) => {
            const cells = r.querySelectorAll('[role="gridcell"]');
            return cells[cells.length - 1]?.textContent?.includes(name) ?? false;
          });
        if (ok) B.delta = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    { ids: [...ids], name: displayName },
  );
  const origin = await timeOrigin(page);
  const committed = (await commit()) - origin;
  const h = await page.waitForFunction(
    (since) => {
      const shown = window.__bench.delta;
      const synced = performance.getEntriesByName('desk:synced').find((e) => e.startTime > since);
      return shown !== null && synced ? { shown, synced: synced.startTime } : null;
    },
    committed,
    { polling: 20, timeout: 30_000 },
  );
  const r = (await h.jsonValue())!;
  return {
    ms: Math.max(r.shown, r.synced) - committed,
    synced: r.synced - committed,
    shown: r.shown - committed,
  };
}

// ---- a bulk claim ----

export interface BulkClaim {
  /** Rows ticked (a shift-click range) and how many of them the desk claimed (the rest were held already). */
  ticked: number;
  claimed: number;
  /** The bulk bar's 认领 click to desk:action-durable (every claim in the outbox). */
  durable: number;
}

/**
 * Ticks about `rows` rows from row `from` on (a tick, a scroll, a shift-tick), clicks 认领 in the bulk bar and
 * times it to the outbox holding every claim; waits for the desk's toast, which says how many it claimed.
 */
export async function bulkClaim(page: Page, from: number, rows: number): Promise<BulkClaim> {
  const scroller = page.locator('[data-testid="worklist-scroll"]');
  const boxes = page.locator('[role="row"][data-case-id] input[type="checkbox"]');
  const rowHeight = await page
    .locator('[role="row"][data-case-id]')
    .first()
    .evaluate((r) => r.clientHeight);
  await scroller.evaluate((el, top) => (el.scrollTop = top), from * rowHeight);
  await page.waitForTimeout(300);
  await boxes.first().click();
  await scroller.evaluate((el, px) => (el.scrollTop += px), rows * rowHeight);
  await page.waitForTimeout(300);
  await boxes.last().click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: '批量操作' });
  const ticked = Number(/已选 (\d+) 个/.exec((await bar.textContent()) ?? '')?.[1] ?? NaN);
  const clicks = await page.evaluate(() => window.__bench.clicks.length);
  const durableBefore = (await mark(page, 'desk:action-durable')).length;
  await bar.getByRole('button', { name: '认领', exact: true }).click();
  const h = await page.waitForFunction(
    ({ k, d }) => {
      const click = window.__bench.clicks[k];
      const durable = performance.getEntriesByName('desk:action-durable')[d];
      return click && durable ? durable.startTime - click.t : null;
    },
    { k: clicks, d: durableBefore },
    { polling: 20, timeout: 60_000 },
  );
  const durable = (await h.jsonValue())!;
  const toast = await page.getByText(/已认领 \d+ 个案件/).textContent({ timeout: 60_000 });
  await scrollToTop(page);
  return { ticked, claimed: Number(/已认领 (\d+)/.exec(toast ?? '')?.[1] ?? NaN), durable };
}

export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]');
    if (el) el.scrollTop = 0;
  });
  await page.waitForTimeout(300);
}

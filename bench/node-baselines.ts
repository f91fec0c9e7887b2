// The naive designs measured in Node, in the same run on the same data as the desk:
// - the worklist recomputed from scratch (rankOpen + filterRanked) on every keystroke or tab change, against
//   only filterRanked on a cached ranking (and the search strings those scenarios type);
// - an action shown only after the server answered (push, then pull the change back).
import type { CaseView } from '../shared/schemas/case';
import { BUCKETS } from '../shared/rules/buckets';
import { rankOpen, type RankedCase } from '../renderer/data/ranking';
import { filterRanked } from '../renderer/data/worklist-filter';
import type { ApiClient } from './api';
import { median } from './report';

// ---- Node: the worklist recomputed on every keystroke / tab change ----

export interface RankBaselines {
  /** Per keystroke: rankOpen + filterRanked (naive) and filterRanked on a cached ranking (the desk's way). */
  filterNaive: number[];
  filterCached: number[];
  resortNaive: number[];
  resortCached: number[];
  rankMs: number;
}

/** The same keystroke sequence and tab sequence as the browser scenarios, computed in Node. */
export function rankBaselines(cases: readonly CaseView[], now: number, queries: string[]): RankBaselines {
  const time = (fn: () => unknown) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const sequence: string[] = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) sequence.push(q.slice(0, i));
    for (let i = q.length - 1; i >= 0; i--) sequence.push(q.slice(0, i));
  }
  // Warm up (JIT, the search-key cache) as the page would be after its first render.
  let ranked: RankedCase[] = rankOpen(cases, now);
  for (const q of sequence) filterRanked(ranked, 'all', q);
  const rankMs = median([1, 2, 3].map(() => time(() => (ranked = rankOpen(cases, now)))));
  const filterNaive = sequence.map((q) => time(() => filterRanked(rankOpen(cases, now), 'all', q)));
  const filterCached = sequence.map((q) => time(() => filterRanked(ranked, 'all', q)));
  const tabs = [...BUCKETS.filter((b) => b !== 'later'), 'all' as const];
  const resortNaive: number[] = [];
  const resortCached: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const b of tabs) {
      resortNaive.push(time(() => filterRanked(rankOpen(cases, now), b, '')));
      resortCached.push(time(() => filterRanked(ranked, b, '')));
    }
  }
  return { filterNaive, filterCached, resortNaive, resortCached, rankMs };
}

/**
 * Search strings whose every prefix changes the number of matching cases (so each keystroke visibly updates the
 * list): phone tails and order-number fragments of real cases.
 */
export function pickQueries(cases: readonly CaseView[], now: number, count: number): string[] {
  const ranked = rankOpen(cases, now);
  const rows = (q: string) => filterRanked(ranked, 'all', q).rows.length;
  const out: string[] = [];
  const candidates: string[] = [];
  for (let i = 0; i < ranked.length && candidates.length < 400; i += 997) {
    const c = ranked[i]!.c;
    candidates.push(c.order.customerPhone.slice(-5), c.platformOrderId.slice(3, 8));
  }
  for (const q of candidates) {
    if (out.length >= count) break;
    if (!/^\d{5}$/.test(q)) continue;
    let prev = rows('');
    let ok = true;
    for (let i = 1; i <= q.length && ok; i++) {
      const n = rows(q.slice(0, i));
      ok = n !== prev && n > 0;
      prev = n;
    }
    if (ok && !out.includes(q)) out.push(q);
  }
  return out;
}

// ---- Node: an action shown only once the server answered ----

export interface RoundTrip {
  /** Push of one claim until its response (the action durable on the server). */
  push: number[];
  /** Push, then pull until the change is back (what a desk without the local overlay would wait for). */
  pushPull: number[];
}

export async function serverRoundTrips(client: ApiClient, caseIds: string[]): Promise<RoundTrip> {
  const out: RoundTrip = { push: [], pushPull: [] };
  await client.pullAll();
  for (const caseId of caseIds) {
    const t0 = performance.now();
    const res = await client.push([{ name: 'claimCase', args: { caseId, baseVersion: 0 } }]);
    const t1 = performance.now();
    if (res.results[0]?.status !== 'applied')
      throw new Error(`baseline claim refused: ${JSON.stringify(res)}`);
    await client.pullAll();
    out.push.push(t1 - t0);
    out.pushPull.push(performance.now() - t0);
  }
  return out;
}

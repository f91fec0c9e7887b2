import { describe, expect, it } from 'vitest';
import { sampleCase, sampleRiskFlag, withOrder } from '../../shared/test-data';
import type { CaseView } from '../../shared/schemas/case';
import type { RiskFlag } from '../../shared/schemas/risk';
import { CaseMemory } from './case-memory';
import { matchesSearch, prepareSearch, rankIncrementally, rankOpen, type RankedCase } from './ranking';
import { searchReady } from './search-index';
import { filterRanked } from './worklist-filter';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const H = 3_600_000;

const flag = (over: Partial<RiskFlag> = {}): RiskFlag => sampleRiskFlag(NOW, over);

describe('rankIncrementally', () => {
  const actor = { userId: 'u-me', role: 'coordinator', warehouseIds: ['wh-1'] } as const;
  const put = (c: CaseView) => ({ op: 'put', kind: 'case', value: c }) as const;

  it('ranks exactly as rankOpen after puts, closes and deletes, redoing only the changed cases', () => {
    const memory = new CaseMemory(actor, 'client-1');
    const base = Array.from({ length: 400 }, (_, i) =>
      sampleCase({
        id: `c${i}`,
        platformOrderId: String(5000 + i),
        shipBy: NOW + ((i * 37) % 90) * 600_000 - 20 * H,
      }),
    );
    memory.applyChanges(base.map(put));
    memory.rebuildOverlay();
    let ranking = rankIncrementally(null, memory, NOW, []);
    expect(ranking.ranked.map((r) => r.id)).toEqual(rankOpen(memory.allCases(), NOW, []).map((r) => r.id));

    // No change: the same list.
    const again = rankIncrementally(ranking, memory, NOW, []);
    expect(again.ranked).toBe(ranking.ranked);

    const searched = (list: readonly RankedCase[], text: string) =>
      filterRanked(list, 'all', text).rows.map((r) => r.id);
    // Rounds 0-4 change a few cases (spliced into a copy); rounds 5-6 change more than FEW_CHANGED (merged).
    for (let round = 0; round < 7; round++) {
      searched(ranking.ranked, '51'); // builds the list's haystack, which the merge carries over
      const more = round >= 5 ? Array.from({ length: 40 }, (_, k) => `c${(round * 41 + k * 3) % 400}`) : [];
      memory.applyChanges([
        // Moved to the top and found by the search: it lands before the searched cases that stay.
        put(
          sampleCase({ id: `c${round * 7}`, platformOrderId: `51${round}7`, shipBy: NOW - (round + 30) * H }),
        ),
        put(sampleCase({ id: `c${round * 11 + 1}`, status: 'resolved' })),
        put(sampleCase({ id: `new${round}`, platformOrderId: `51${round}`, shipBy: NOW + round * H })),
        { op: 'del', kind: 'case', id: `c${round * 13 + 2}` },
        ...more.map((id, k) =>
          put(sampleCase({ id, platformOrderId: `5${k}${round}`, shipBy: NOW + k * 0.3 * H })),
        ),
      ]);
      memory.rebuildOverlay();
      ranking = rankIncrementally(ranking, memory, NOW, []);
      expect(ranking.ranked.map((r) => r.id)).toEqual(rankOpen(memory.allCases(), NOW, []).map((r) => r.id));
      for (const text of ['51', '5', '53', '510'])
        expect(searched(ranking.ranked, text)).toEqual(
          ranking.ranked.filter((r) => matchesSearch(r.c, text)).map((r) => r.id),
        );
    }
    // Several actions in a row with no search between (each list's search arrays are made only when read):
    // the next searches, new and carried over, still find exactly the matching cases.
    searched(ranking.ranked, '51');
    for (let round = 0; round < 70; round++) {
      memory.applyChanges([
        put(
          sampleCase({ id: `c${(round * 17) % 400}`, platformOrderId: `6${round}`, shipBy: NOW - round * H }),
        ),
        put(sampleCase({ id: `c${(round * 29 + 5) % 400}`, status: 'resolved' })),
        put(sampleCase({ id: `c${(round * 31 + 9) % 400}`, platformOrderId: `95${round}`, shipBy: NOW + H })),
      ]);
      memory.rebuildOverlay();
      ranking = rankIncrementally(ranking, memory, NOW, []);
      // The copy waits for the next search or for idle time (prepareSearch), not the action's re-render.
      expect(searchReady(ranking.ranked)).toBe(false);
      if (round === 40) {
        prepareSearch(ranking.ranked);
        expect(searchReady(ranking.ranked)).toBe(true);
      }
      if (round % 23 === 22)
        for (const text of ['51', '6', '61', '5'])
          expect(searched(ranking.ranked, text), `"${text}" after ${round + 1} actions`).toEqual(
            ranking.ranked.filter((r) => matchesSearch(r.c, text)).map((r) => r.id),
          );
    }
    // A new time step: every score moves with time.
    const later = rankIncrementally(ranking, memory, NOW + H, []);
    expect(later.ranked.map((r) => `${r.id}:${r.score}`)).toEqual(
      rankOpen(memory.allCases(), NOW + H, []).map((r) => `${r.id}:${r.score}`),
    );
  });

  it('re-scores a time step from the old order exactly as rankOpen, merging the changes since', () => {
    const memory = new CaseMemory(actor, 'client-1');
    const M = 60_000;
    const promise = (to: number) =>
      ({ kind: 'buyer_agreed', at: NOW, by: null, from: NOW, to, note: '' }) as const;
    const base = Array.from({ length: 600 }, (_, i) =>
      withOrder(
        sampleCase({
          id: `c${i}`,
          platformOrderId: String(7000 + i),
          // Deadlines every 7 minutes from 30 h overdue to 40 h ahead: buckets and points cross on each step.
          shipBy: NOW - 30 * H + ((i * 389) % 600) * 7 * M,
          customerContacted: i % 5 === 0,
          // A promise broken during the steps below, for some.
          pauses: i % 9 === 0 ? [promise(NOW + ((i % 4) + 1) * 20 * M)] : [],
          penaltyFen: (i % 7) * 1_300,
        }),
        { perishability: i % 3 === 0 ? 'fresh' : 'durable', vip: i % 11 === 0, valueFen: (i % 13) * 9_999 },
      ),
    );
    memory.applyChanges(base.map(put));
    memory.rebuildOverlay();
    let ranking = rankIncrementally(null, memory, NOW, []);
    prepareSearch(ranking.ranked); // gives every entry its search key
    const described = (list: readonly RankedCase[]) => list.map((r) => `${r.id}:${r.score}:${r.bucket}`);
    for (let step = 1; step <= 12; step++) {
      const now = NOW + step * 30 * 60_000;
      if (step % 3 === 0)
        memory.applyChanges([
          put(sampleCase({ id: `c${step}`, platformOrderId: `9${step}`, shipBy: now - 2 * H })),
          put(sampleCase({ id: `c${step + 100}`, status: 'resolved' })),
        ]);
      memory.rebuildOverlay();
      const prev = ranking;
      ranking = rankIncrementally(ranking, memory, now, []);
      expect(described(ranking.ranked), `step ${step}`).toEqual(
        described(rankOpen(memory.allCases(), now, [])),
      );
      // Re-scored from the old entries (their search keys come along), not ranked afresh.
      const kept = ranking.ranked.find((r) => r.id === 'c599')!;
      expect(kept.key).toBe(prev.ranked.find((r) => r.id === 'c599')!.key);
      expect(kept.key).toBeDefined();
      expect(searchReady(ranking.ranked)).toBe(false);
      prepareSearch(ranking.ranked);
      expect(filterRanked(ranking.ranked, 'all', '70').rows.map((r) => r.id)).toEqual(
        ranking.ranked.filter((r) => matchesSearch(r.c, '70')).map((r) => r.id),
      );
    }
    // Risk flags' points move with time too: a step with flags ranks afresh, and still exactly.
    const flags = [flag({ endsAt: NOW + 100 * H })];
    const flagged = rankIncrementally(ranking, memory, NOW + 7 * H, flags);
    expect(described(flagged.ranked)).toEqual(described(rankOpen(memory.allCases(), NOW + 7 * H, flags)));
  });
});

import { describe, expect, it } from 'vitest';
import { priorityScore } from '../../shared/rules/priority';
import { risksFor } from '../../shared/rules/risk';
import { sampleCase } from '../../shared/test-data';
import type { CaseView } from '../../shared/schemas/case';
import type { RiskFlag } from '../../shared/schemas/risk';
import { CaseMemory } from './case-memory';
import {
  activeFilterCount,
  categoriesOf,
  DEFAULT_FILTERS,
  filterRanked,
  liveRiskFlags,
  matchesSearch,
  prepareSearch,
  rankClosed,
  rankIncrementally,
  rankOpen,
  riskMatches,
  riskPoints,
  wantsClosed,
  type RankedCase,
  type WorklistFilters,
  type WorklistQuery,
} from './ranking';
import { searchReady } from './search-index';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const H = 3_600_000;

function withOrder(c: CaseView, order: Partial<CaseView['order']>): CaseView {
  return { ...c, order: { ...c.order, ...order } };
}

const cases: CaseView[] = [
  withOrder(sampleCase({ id: 'late', shipBy: NOW - H, platform: 'jd', assigneeId: 'u-me' }), {
    category: '生鲜',
    courierId: 'sf',
    zoneId: 'A',
  }),
  withOrder(sampleCase({ id: 'soon', shipBy: NOW + 2 * H, platform: 'tmall', cause: 'weather' }), {
    category: '服装',
    courierId: 'zto',
    zoneId: 'B',
  }),
  withOrder(sampleCase({ id: 'later', shipBy: NOW + 10 * H, assigneeId: 'u-other', causes: ['weather'] }), {
    category: '服装',
    courierId: 'sf',
    zoneId: 'A',
  }),
  sampleCase({ id: 'resolved-old', shipBy: NOW - 5 * H, status: 'resolved', closedAt: NOW - 3 * H }),
  sampleCase({ id: 'resolved-new', shipBy: NOW - 4 * H, status: 'resolved', closedAt: NOW - H }),
  sampleCase({ id: 'closed', shipBy: NOW - 4 * H, status: 'closed', closedAt: NOW - 2 * H }),
];

const open = rankOpen(cases, NOW);
const closed = rankClosed(cases, NOW);

function query(filters: Partial<WorklistFilters> = {}, rest: Partial<WorklistQuery> = {}): WorklistQuery {
  return { bucket: 'all', search: '', filters: { ...DEFAULT_FILTERS, ...filters }, userId: 'u-me', ...rest };
}

const ids = (q: WorklistQuery) => filterRanked(open, q, closed).rows.map((r) => r.id);

describe('ranking', () => {
  it('ranks open cases only; closed ones have their own list, most recently closed first', () => {
    expect(open.map((r) => r.id)).toEqual(['late', 'soon', 'later']);
    expect(closed.map((r) => r.id)).toEqual(['resolved-new', 'closed', 'resolved-old']);
    expect(closed.every((r) => !r.open)).toBe(true);
  });

  it('shows open cases by default and leaves the closed list alone', () => {
    expect(ids(query())).toEqual(['late', 'soon', 'later']);
    expect(wantsClosed(DEFAULT_FILTERS)).toBe(false);
  });

  it('finds resolved and closed cases when the status filter asks for them, under "all" only', () => {
    expect(ids(query({ statuses: ['resolved'] }))).toEqual(['resolved-new', 'resolved-old']);
    expect(ids(query({ statuses: ['open', 'closed'] }))).toEqual(['late', 'soon', 'later', 'closed']);
    expect(ids(query({ statuses: ['resolved', 'closed'] }, { bucket: 'overdue' }))).toEqual([]);
    const list = filterRanked(open, query({ statuses: ['open', 'resolved'] }), closed);
    expect(list.counts).toMatchObject({ all: 5, overdue: 1, due_4h: 1, due_12h: 1 });
    expect(wantsClosed({ ...DEFAULT_FILTERS, statuses: ['resolved'] })).toBe(true);
  });

  it('searches the closed cases too (a resolved order stays findable by its id)', () => {
    const resolved = sampleCase({
      id: 'r',
      status: 'resolved',
      platformOrderId: '9988776655',
      closedAt: NOW,
    });
    const list = filterRanked([], query({ statuses: ['open', 'resolved'] }, { search: '887766' }), [
      ...rankClosed([resolved], NOW),
    ]);
    expect(list.rows.map((r) => r.id)).toEqual(['r']);
  });

  it('filters by platform, category, courier, zone and cause (primary or contributing)', () => {
    expect(ids(query({ platforms: ['jd'] }))).toEqual(['late']);
    expect(ids(query({ categories: ['服装'] }))).toEqual(['soon', 'later']);
    expect(ids(query({ courierIds: ['sf'] }))).toEqual(['late', 'later']);
    expect(ids(query({ zoneIds: ['B'] }))).toEqual(['soon']);
    expect(ids(query({ causes: ['weather'] }))).toEqual(['soon', 'later']);
    expect(ids(query({ courierIds: ['sf'], categories: ['服装'] }))).toEqual(['later']);
  });

  it('filters by assignee: me, unassigned or anyone', () => {
    expect(ids(query({ assignee: 'me' }))).toEqual(['late']);
    expect(ids(query({ assignee: 'unassigned' }))).toEqual(['soon']);
    expect(ids(query({ assignee: 'anyone' }))).toHaveLength(3);
  });

  it('counts each bucket over the filtered cases, whatever bucket is shown', () => {
    const list = filterRanked(open, query({ courierIds: ['sf'] }, { bucket: 'due_4h' }), closed);
    expect(list.rows).toEqual([]);
    expect(list.counts).toMatchObject({ all: 2, overdue: 1, due_4h: 0, due_12h: 1 });
  });

  it('keeps the earlier (bucket, search) form working', () => {
    expect(filterRanked(open, 'overdue', '').rows.map((r) => r.id)).toEqual(['late']);
  });

  it('counts active filters and lists the categories', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, assignee: 'me', platforms: ['jd'] })).toBe(2);
    expect(categoriesOf(open, closed)).toEqual(expect.arrayContaining(['生鲜', '服装']));
  });

  it('narrows to the cases behind a dashboard figure (drill-down), open and closed alike', () => {
    const drill = { label: '平台 京东', caseIds: new Set(['late', 'resolved-new']) };
    const all = query({ statuses: ['open', 'resolved', 'closed'], drill });
    expect(ids(all)).toEqual(['late', 'resolved-new']);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, drill })).toBe(1);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, drill: null })).toBe(0);
  });

  it('filters a large ranked list per keystroke exactly as matching each case would (timings: npm run bench)', () => {
    const many: CaseView[] = [];
    for (let i = 0; i < 20_000; i++) {
      many.push(
        withOrder(
          sampleCase({
            id: `c${i}`,
            shipBy: NOW + ((i % 97) - 20) * H,
            platformOrderId: String(3_000_000_000 + i),
          }),
          {
            customerName: i % 2 ? '王芳' : 'Li NA',
            courierId: i % 3 ? 'sf' : 'zto',
            customerPhone: `1380000${String(i % 10_000).padStart(4, '0')}`,
          },
        ),
      );
    }
    const ranked = rankOpen(many, NOW);
    const q = query({ courierIds: ['sf'], assignee: 'unassigned' });
    for (const text of [
      '3',
      '30',
      '300',
      '3000',
      '30000',
      '李',
      '王芳',
      'li n',
      ' LI NA ',
      '0042',
      '42',
      '',
    ]) {
      const expected = ranked
        .filter((r) => matchesSearch(r.c, text.trim().toLowerCase()))
        .filter((r) => r.c.order.courierId === 'sf' && r.c.assigneeId === null)
        .map((r) => r.id);
      expect(filterRanked(ranked, { ...q, search: text }).rows.map((r) => r.id)).toEqual(expected);
    }
  });

  it('narrows typed searches and reuses recent ones with exactly the results of a fresh search', () => {
    // Order numbers and phones share digits, so typing on brings in cases matched by the phone's tail alone
    // ("234" matches a phone ending in 234 whose order number has no 234): the narrowing must keep them.
    const many: CaseView[] = [];
    for (let i = 0; i < 3_000; i++)
      many.push(
        withOrder(sampleCase({ id: `c${i}`, platformOrderId: `T${(i * 7919) % 100_000}` }), {
          customerName: i % 5 ? `客户${i % 40}` : 'Zhao 23',
          customerPhone: `139${String((i * 104_729) % 100_000_000).padStart(8, '0')}`,
        }),
      );
    const ranked = rankOpen(many, NOW);
    const fresh = (text: string) =>
      ranked.filter((r) => matchesSearch(r.c, text.trim().toLowerCase())).map((r) => r.id);
    // A seeded walk of typing and erasing, with jumps to texts that contain an earlier one in the middle.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let text = '';
    const seen: string[] = [];
    for (let step = 0; step < 300; step++) {
      const roll = next();
      if (roll < 0.55) text += String(Math.floor(next() * 10));
      else if (roll < 0.9) text = text.slice(0, -1);
      else text = `${Math.floor(next() * 10)}${text}`;
      seen.push(text);
      expect(
        filterRanked(ranked, 'all', text).rows.map((r) => r.id),
        `after typing to "${text}"`,
      ).toEqual(fresh(text));
    }
    expect(seen.some((t) => t.length >= 3 && fresh(t).length > 0)).toBe(true);
    // The phone-tail case really happens in this data: a hit by the phone alone.
    expect(
      seen.some((t) =>
        ranked.some(
          (r) => matchesSearch(r.c, t) && t.length >= 3 && !r.c.platformOrderId.toLowerCase().includes(t),
        ),
      ),
    ).toBe(true);
  });
});

const flag = (over: Partial<RiskFlag> = {}): RiskFlag => ({
  id: 'f-rain',
  warehouseId: 'wh-1',
  scope: 'region',
  target: '浙江',
  kind: 'rain',
  startsAt: NOW - H,
  endsAt: NOW + 6 * H,
  points: 60,
  note: '',
  createdBy: null,
  ...over,
});

describe('risk flags in the ranking', () => {
  const zhejiang = withOrder(sampleCase({ id: 'zj', shipBy: NOW + 3 * H }), {
    region: '浙江',
    courierId: 'cr-sf',
  });
  const beijing = withOrder(sampleCase({ id: 'bj', shipBy: NOW + 2 * H }), {
    region: '北京',
    courierId: 'cr-zto',
  });

  it('adds exactly the points priority() lists for the flags, and nothing without flags', () => {
    const flags = [
      flag(),
      flag({ id: 'f-zto', scope: 'courier', target: 'cr-zto', kind: 'depot_overload', points: 90 }),
    ];
    for (const c of [zhejiang, beijing]) {
      const withRisks = priorityScore(c, NOW, { risks: risksFor(flags, c, NOW) });
      expect(priorityScore(c, NOW) + riskPoints(flags, c, NOW)).toBe(withRisks);
      expect(rankOpen([c], NOW, flags)[0]!.score).toBe(withRisks);
      expect(rankOpen([c], NOW, [])[0]!.score).toBe(priorityScore(c, NOW));
    }
    expect(riskMatches(flags, zhejiang, NOW)).toEqual([{ label: 'f-rain', points: 60 }]);
  });

  it('raises a flagged case above an otherwise more urgent one', () => {
    expect(rankOpen([zhejiang, beijing], NOW, []).map((r) => r.id)).toEqual(['bj', 'zj']);
    expect(rankOpen([zhejiang, beijing], NOW, [flag()]).map((r) => r.id)).toEqual(['zj', 'bj']);
  });

  it('weighs only the flags still live: an ended flag touches nothing', () => {
    const flags = [flag(), flag({ id: 'old', endsAt: NOW - H })];
    expect(liveRiskFlags(NOW, flags).map((f) => f.id)).toEqual(['f-rain']);
    expect(rankOpen([zhejiang, beijing], NOW, liveRiskFlags(NOW, flags)).map((r) => r.id)).toEqual([
      'zj',
      'bj',
    ]);
    expect(liveRiskFlags(NOW + 10 * 24 * H, flags)).toHaveLength(0);
  });
});

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

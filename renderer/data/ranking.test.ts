import { describe, expect, it } from 'vitest';
import { priorityScore } from '../../shared/rules/priority';
import { risksFor } from '../../shared/rules/risk';
import { sampleCase, sampleRiskFlag, withOrder } from '../../shared/test-data';
import type { CaseView } from '../../shared/schemas/case';
import type { RiskFlag } from '../../shared/schemas/risk';
import { liveRiskFlags, matchesSearch, rankClosed, rankOpen, riskMatches, riskPoints } from './ranking';
import {
  activeFilterCount,
  categoriesOf,
  DEFAULT_FILTERS,
  filterRanked,
  wantsClosed,
  type WorklistFilters,
  type WorklistQuery,
} from './worklist-filter';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const H = 3_600_000;

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

// rankIncrementally and time steps: rank-incremental.test.ts.
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

const flag = (over: Partial<RiskFlag> = {}): RiskFlag => sampleRiskFlag(NOW, over);

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

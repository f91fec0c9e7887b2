// The readable table. The SQL behind the figures runs on real databases in tests/integration/import.test.ts.
import { describe, expect, it } from 'vitest';
import { formatStatsTable } from './format';
import type { Stats } from './stats';

const STATS: Stats = {
  now: '2018-09-01T03:00:00.000Z',
  timezone: 'America/Sao_Paulo',
  warehouse: 'olist-br',
  orders: 12000,
  openOverdue: 300,
  shippedLate: 1500,
  latenessHours: { p50: 20.5, p90: 120.25, max: 2000.1234 },
  shippedOnTime: 9000,
  handedOver: 10500,
  cancelled: 700,
  withoutDeadline: 40,
  byPlatform: [{ key: 'olist', orders: 12000, openOverdue: 300, shippedLate: 1500 }],
  byCategory: [
    { key: 'bed_bath_table', orders: 1200, openOverdue: 30, shippedLate: 200 },
    { key: '', orders: 50, openOverdue: 1, shippedLate: 0 },
  ],
  cases: { open: 310, overdue: 300, closed: 1700, resolved: 2 },
  byOutcome: [
    { outcome: 'shipped_late', cases: 1500 },
    { outcome: 'saved', cases: 200 },
  ],
  byCause: [],
};

describe('formatStatsTable', () => {
  const lines = formatStatsTable(STATS).split('\n');

  it('states when and where the figures are taken, in the local wall clock', () => {
    expect(lines[0]).toBe(
      'stats at 2018-09-01 00:00:00 America/Sao_Paulo (2018-09-01T03:00:00.000Z), warehouse olist-br',
    );
  });

  it('prints the headline figures with their share of all orders', () => {
    expect(lines).toContain('  orders            12,000');
    expect(lines).toContain('  open overdue      300 (2.5%)');
    expect(lines).toContain('  shipped late      1,500 (12.5%)');
    expect(lines).toContain('  hours late        p50 20.5  p90 120.25  max 2,000.1234');
  });

  it('lines up the breakdowns and names an empty category', () => {
    const platform = lines.indexOf(lines.find((l) => l.startsWith('by platform'))!);
    expect(lines[platform + 1]).toMatch(/^ {2}olist\s+12,000\s+300\s+1,500$/);
    expect(lines.some((l) => /^ {2}\(none\)\s+50\s+1\s+0$/.test(l))).toBe(true);
  });

  it('summarises the cases, with a dash where there is nothing', () => {
    expect(lines).toContain('cases: 310 open (300 overdue), 1,700 closed, 2 resolved');
    expect(lines).toContain('  outcomes: shipped_late 1,500, saved 200');
    expect(lines).toContain('  causes:   -');
  });

  it('shows dashes for lateness when nothing shipped late', () => {
    const none = formatStatsTable({ ...STATS, latenessHours: { p50: null, p90: null, max: null } });
    expect(none).toContain('p50 -  p90 -  max -');
  });
});

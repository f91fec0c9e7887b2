// The stats as a table for a person at a terminal (`desk stats` without --json).
import { epochToWall, formatWallClock } from '../import/zoned-time';
import type { Breakdown, Stats } from './stats';

const num = (n: number | null): string =>
  n === null ? '-' : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
const pct = (part: number, whole: number): string =>
  whole ? ` (${((100 * part) / whole).toFixed(1)}%)` : '';

function breakdownRows(title: string, rows: readonly Breakdown[]): string[] {
  if (!rows.length) return [];
  const width = Math.max(title.length, ...rows.map((r) => r.key.length + 2));
  const head = `${title.padEnd(width)}  ${'orders'.padStart(9)}  ${'open overdue'.padStart(12)}  ${'shipped late'.padStart(12)}`;
  return [
    '',
    head,
    ...rows.map(
      (r) =>
        `${`  ${r.key || '(none)'}`.padEnd(width)}  ${num(r.orders).padStart(9)}  ${num(r.openOverdue).padStart(12)}  ${num(r.shippedLate).padStart(12)}`,
    ),
  ];
}

export function formatStatsTable(s: Stats): string {
  const wall = formatWallClock(epochToWall(Date.parse(s.now), s.timezone));
  const h = s.latenessHours;
  const line = (label: string, value: string) => `  ${label.padEnd(18)}${value}`;
  const list = (pairs: [string, number][]) => pairs.map(([k, n]) => `${k} ${num(n)}`).join(', ') || '-';
  return [
    `stats at ${wall} ${s.timezone} (${s.now})${s.warehouse ? `, warehouse ${s.warehouse}` : ''}`,
    line('orders', num(s.orders)),
    line('open overdue', num(s.openOverdue) + pct(s.openOverdue, s.orders)),
    line('shipped late', num(s.shippedLate) + pct(s.shippedLate, s.orders)),
    line('shipped on time', num(s.shippedOnTime)),
    line('handed over', num(s.handedOver)),
    line('cancelled', num(s.cancelled)),
    line('without deadline', num(s.withoutDeadline)),
    line('hours late', `p50 ${num(h.p50)}  p90 ${num(h.p90)}  max ${num(h.max)}`),
    ...breakdownRows('by platform', s.byPlatform),
    ...breakdownRows('by category (top 15)', s.byCategory),
    '',
    `cases: ${num(s.cases.open)} open (${num(s.cases.overdue)} overdue), ${num(s.cases.closed)} closed, ${num(s.cases.resolved)} resolved`,
    `  outcomes: ${list(s.byOutcome.map((o) => [o.outcome, o.cases]))}`,
    `  causes:   ${list(s.byCause.map((c) => [c.cause, c.cases]))}`,
  ].join('\n');
}

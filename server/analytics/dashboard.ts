// The review dashboards (brief F13), computed in SQL over the recorded cases and orders of one warehouse and
// period, in the warehouse's time zone. Every figure here is something a coordinator can drill into: the
// desk holds the same cases and filters them by the same dimension.
import { sql } from 'drizzle-orm';
import type { Breakdown, Dashboard } from '../../shared/schemas/analytics';
import { queryRows, type Db } from '../db/open';

export type { Breakdown, Dashboard };

export interface Period {
  warehouseId: string;
  from: Date;
  to: Date;
  timezone: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const n = (x: unknown) => Number(x ?? 0);
const minutesOrNull = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(Number(x));

/** The platforms' published bar (e.g. JD: 95 % picked up within 72 h per week, or a point is lost). */
export const PLATFORM_SCORE_THRESHOLD = 0.95;

async function breakdown(
  db: Db,
  p: Period,
  keyExpr: ReturnType<typeof sql>,
  join = sql``,
): Promise<Breakdown[]> {
  const rows = await queryRows<{ key: string | null; cases: string; overdue: string; late: string }>(
    db,
    sql`select ${keyExpr} as key, count(*) as cases,
               count(*) filter (where c.overdue_at is not null) as overdue,
               count(*) filter (where c.outcome = 'shipped_late') as late
        from cases c join orders o on o.id = c.order_id ${join}
        where c.warehouse_id = ${p.warehouseId} and c.opened_at >= ${p.from} and c.opened_at < ${p.to}
        group by 1 order by cases desc, key limit 30`,
  );
  return rows.map((r) => ({
    key: r.key ?? '—',
    cases: n(r.cases),
    overdue: n(r.overdue),
    late: n(r.late),
    lateRate: n(r.cases) ? round(n(r.late) / n(r.cases)) : 0,
  }));
}

/**
 * Platform scores count only orders whose outcome is known at `now` (handed over, or 72 h past payment): an
 * order paid an hour ago has not failed its 48 h yet, and counting it as a miss put every platform far below
 * its bar on any period that ends now.
 */
export async function dashboard(db: Db, p: Period, now: Date = p.to): Promise<Dashboard> {
  const tz = p.timezone;
  const overdueRate = await queryRows<{ day: string; due: string; overdue: string }>(
    db,
    sql`with days as (
          select to_char(o.ship_by at time zone ${tz}, 'YYYY-MM-DD') as day, count(*) as due
          from orders o where o.warehouse_id = ${p.warehouseId} and o.ship_by >= ${p.from} and o.ship_by < ${p.to}
          group by 1),
        late as (
          select to_char(c.overdue_at at time zone ${tz}, 'YYYY-MM-DD') as day, count(*) as overdue
          from cases c where c.warehouse_id = ${p.warehouseId} and c.overdue_at >= ${p.from} and c.overdue_at < ${p.to}
          group by 1)
        select coalesce(d.day, l.day) as day, coalesce(d.due, 0) as due, coalesce(l.overdue, 0) as overdue
        from days d full join late l on l.day = d.day order by 1`,
  );
  const causes = await queryRows<{ cause: string; count: string }>(
    db,
    sql`select c.cause, count(*) as count from cases c
        where c.warehouse_id = ${p.warehouseId} and c.cause is not null
          and c.closed_at >= ${p.from} and c.closed_at < ${p.to}
        group by 1 order by 2 desc, 1`,
  );
  const totalCauses = causes.reduce((s, r) => s + n(r.count), 0);
  let running = 0;
  const causePareto = causes.map((r) => {
    running += n(r.count);
    return {
      cause: r.cause,
      count: n(r.count),
      share: round(n(r.count) / totalCauses),
      cumulative: round(running / totalCauses),
    };
  });
  const heatmap = await queryRows<{ weekday: string; hour: string; breaches: string }>(
    db,
    sql`select extract(isodow from c.overdue_at at time zone ${tz})::int as weekday,
               extract(hour from c.overdue_at at time zone ${tz})::int as hour, count(*) as breaches
        from cases c where c.warehouse_id = ${p.warehouseId} and c.overdue_at >= ${p.from} and c.overdue_at < ${p.to}
        group by 1, 2 order by 1, 2`,
  );
  const [resolve] = await queryRows<{ cases: string; p50: number | null; p90: number | null }>(
    db,
    sql`select count(*) as cases,
               percentile_cont(0.5) within group (order by extract(epoch from (c.closed_at - c.opened_at)) / 60) as p50,
               percentile_cont(0.9) within group (order by extract(epoch from (c.closed_at - c.opened_at)) / 60) as p90
        from cases c where c.warehouse_id = ${p.warehouseId} and c.closed_at >= ${p.from} and c.closed_at < ${p.to}`,
  );
  const compensation = await queryRows<{ type: string; status: string; count: string; fen: string }>(
    db,
    sql`select x->>'type' as type, x->>'status' as status, count(*) as count, sum((x->>'amountFen')::bigint) as fen
        from cases c, jsonb_array_elements(c.compensations) x
        where c.warehouse_id = ${p.warehouseId} and (x->>'offeredAt')::bigint >= ${p.from.getTime()}
          and (x->>'offeredAt')::bigint < ${p.to.getTime()}
        group by 1, 2 order by 1, 2`,
  );
  const byType = new Map<string, { type: string; count: number; fen: number }>();
  for (const r of compensation.filter((x) => x.status === 'approved')) {
    const t = byType.get(r.type) ?? { type: r.type, count: 0, fen: 0 };
    t.count += n(r.count);
    t.fen += n(r.fen);
    byType.set(r.type, t);
  }
  const [penalties] = await queryRows<{ avoided: string; incurred: string }>(
    db,
    sql`select coalesce(sum(o.penalty_fen) filter (where c.outcome in ('saved', 'delay_agreed')), 0) as avoided,
               coalesce(sum(o.penalty_fen) filter (where c.outcome = 'shipped_late'), 0) as incurred
        from cases c join orders o on o.id = c.order_id
        where c.warehouse_id = ${p.warehouseId} and c.closed_at >= ${p.from} and c.closed_at < ${p.to}`,
  );
  const scores = await queryRows<{ platform: string; orders: string; within48: string; within72: string }>(
    db,
    sql`select o.platform, count(*) as orders,
               count(*) filter (where o.handed_over_at <= o.paid_at + interval '48 hours') as within48,
               count(*) filter (where o.handed_over_at <= o.paid_at + interval '72 hours') as within72
        from orders o where o.warehouse_id = ${p.warehouseId} and o.paid_at >= ${p.from} and o.paid_at < ${p.to}
          and o.status <> 'cancelled'
          and (o.handed_over_at is not null or o.paid_at + interval '72 hours' <= ${now})
        group by 1 order by 2 desc`,
  );
  return {
    period: { from: p.from.getTime(), to: p.to.getTime(), timezone: tz },
    overdueRate: overdueRate.map((r) => ({
      day: r.day,
      dueOrders: n(r.due),
      overdueCases: n(r.overdue),
      rate: n(r.due) ? round(n(r.overdue) / n(r.due)) : 0,
    })),
    causePareto,
    breakdowns: {
      category: await breakdown(db, p, sql`o.category`),
      platform: await breakdown(db, p, sql`o.platform`),
      courier: await breakdown(db, p, sql`cr.carrier`, sql`left join couriers cr on cr.id = o.courier_id`),
      region: await breakdown(db, p, sql`o.region`),
      zone: await breakdown(db, p, sql`z.name`, sql`left join zones z on z.id = o.zone_id`),
    },
    heatmap: heatmap.map((r) => ({ weekday: n(r.weekday), hour: n(r.hour), breaches: n(r.breaches) })),
    timeToResolve: {
      cases: n(resolve?.cases),
      medianMinutes: minutesOrNull(resolve?.p50),
      p90Minutes: minutesOrNull(resolve?.p90),
    },
    compensation: {
      offers: compensation.reduce((s, r) => s + n(r.count), 0),
      approvedFen: compensation.filter((r) => r.status === 'approved').reduce((s, r) => s + n(r.fen), 0),
      pendingFen: compensation
        .filter((r) => r.status === 'pending_approval')
        .reduce((s, r) => s + n(r.fen), 0),
      byType: [...byType.values()],
    },
    penalties: { avoidedFen: n(penalties?.avoided), incurredFen: n(penalties?.incurred) },
    platformScores: scores.map((r) => ({
      platform: r.platform,
      orders: n(r.orders),
      shippedWithin48h: round(n(r.within48) / n(r.orders)),
      pickedUpWithin72h: round(n(r.within72) / n(r.orders)),
      threshold: PLATFORM_SCORE_THRESHOLD,
    })),
  };
}

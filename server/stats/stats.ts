// `desk stats`: late-shipment figures over the orders table, computed in SQL (the same statements on PGlite
// and PostgreSQL), so they can be checked against an independent count of an imported file. Definitions:
// - openOverdue: not handed over, not cancelled, no handoff time, and a deadline before `now`;
// - shippedLate: handed to the carrier after the deadline (whatever the status says now);
// - latenessHours: (handoff - deadline) in hours over the shipped-late orders, percentiles interpolated
//   linearly between closest ranks (position p * (n - 1), as percentile_cont and numpy do), rounded to 4 places.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open';

export interface Breakdown {
  key: string;
  orders: number;
  openOverdue: number;
  shippedLate: number;
}

export interface Stats {
  /** The instant the figures are taken at, ISO 8601 UTC, and the zone --now was read in. */
  now: string;
  timezone: string;
  warehouse: string | null;
  orders: number;
  openOverdue: number;
  shippedLate: number;
  latenessHours: { p50: number | null; p90: number | null; max: number | null };
  shippedOnTime: number;
  handedOver: number;
  cancelled: number;
  withoutDeadline: number;
  byPlatform: Breakdown[];
  /** The categories with the most overdue and late orders (top 15). */
  byCategory: Breakdown[];
  /** Cases as the engine last left them (not recomputed at `now`). */
  cases: { open: number; overdue: number; closed: number; resolved: number };
  byOutcome: { outcome: string; cases: number }[];
  byCause: { cause: string; cases: number }[];
}

export interface StatsOptions {
  now: number;
  timezone: string;
  warehouseId?: string | null;
}

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

export async function computeStats(db: Db, options: StatsOptions): Promise<Stats> {
  const now = new Date(options.now);
  const wh = options.warehouseId ?? null;
  const scope = (alias: string): SQL => (wh ? sql`and ${sql.raw(alias)}.warehouse_id = ${wh}` : sql``);
  const overdue = sql`(o.status not in ('handed_over', 'cancelled') and o.handed_over_at is null
    and o.ship_by is not null and o.ship_by < ${now})`;
  const late = sql`(o.handed_over_at is not null and o.ship_by is not null and o.handed_over_at > o.ship_by)`;
  const counts = sql`count(*)::int as orders,
    (count(*) filter (where ${overdue}))::int as "openOverdue",
    (count(*) filter (where ${late}))::int as "shippedLate"`;

  type Totals = Omit<Breakdown, 'key'> &
    Pick<Stats, 'shippedOnTime' | 'handedOver' | 'cancelled' | 'withoutDeadline'>;
  const [totals] = await queryRows<Totals>(
    db,
    sql`select ${counts},
      (count(*) filter (where o.handed_over_at is not null and o.ship_by is not null and o.handed_over_at <= o.ship_by))::int as "shippedOnTime",
      (count(*) filter (where o.status = 'handed_over'))::int as "handedOver",
      (count(*) filter (where o.status = 'cancelled'))::int as cancelled,
      (count(*) filter (where o.ship_by is null))::int as "withoutDeadline"
    from orders o where true ${scope('o')}`,
  );
  const [lateness] = await queryRows<{ p50: number | null; p90: number | null; max: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by h) as p50,
        percentile_cont(0.9) within group (order by h) as p90, max(h) as max
      from (select extract(epoch from (o.handed_over_at - o.ship_by))::float8 / 3600 as h
            from orders o where ${late} ${scope('o')}) late`,
  );
  const breakdown = (key: SQL, limit: SQL) =>
    queryRows<Breakdown>(
      db,
      sql`select ${key} as key, ${counts} from orders o where true ${scope('o')}
        group by 1
        order by count(*) filter (where ${overdue}) + count(*) filter (where ${late}) desc, count(*) desc, 1
        ${limit}`,
    );
  const byPlatform = await breakdown(sql`o.platform`, sql``);
  const byCategory = await breakdown(sql`o.category`, sql`limit 15`);
  const [cases] = await queryRows<Stats['cases']>(
    db,
    sql`select (count(*) filter (where c.status = 'open'))::int as open,
        (count(*) filter (where c.status = 'open' and c.overdue_at is not null))::int as overdue,
        (count(*) filter (where c.status = 'closed'))::int as closed,
        (count(*) filter (where c.status = 'resolved'))::int as resolved
      from cases c where true ${scope('c')}`,
  );
  const byOutcome = await queryRows<{ outcome: string; cases: number }>(
    db,
    sql`select c.outcome, count(*)::int as cases from cases c where c.outcome is not null ${scope('c')}
      group by 1 order by 2 desc, 1`,
  );
  const byCause = await queryRows<{ cause: string; cases: number }>(
    db,
    sql`select c.cause, count(*)::int as cases from cases c where c.cause is not null ${scope('c')}
      group by 1 order by 2 desc, 1`,
  );
  return {
    now: now.toISOString(),
    timezone: options.timezone,
    warehouse: wh,
    orders: totals?.orders ?? 0,
    openOverdue: totals?.openOverdue ?? 0,
    shippedLate: totals?.shippedLate ?? 0,
    latenessHours: {
      p50: round4(lateness?.p50 ?? null),
      p90: round4(lateness?.p90 ?? null),
      max: round4(lateness?.max ?? null),
    },
    shippedOnTime: totals?.shippedOnTime ?? 0,
    handedOver: totals?.handedOver ?? 0,
    cancelled: totals?.cancelled ?? 0,
    withoutDeadline: totals?.withoutDeadline ?? 0,
    byPlatform,
    byCategory,
    cases: cases ?? { open: 0, overdue: 0, closed: 0, resolved: 0 },
    byOutcome,
    byCause,
  };
}

/**
 * The zone --now is read in when --tz is not given: the warehouse's, when one is named or when exactly one
 * warehouse holds orders; otherwise UTC.
 */
export async function defaultStatsZone(db: Db, warehouseId: string | null): Promise<string> {
  const rows = await queryRows<{ id: string; timezone: string }>(
    db,
    warehouseId
      ? sql`select id, timezone from warehouses where id = ${warehouseId}`
      : sql`select w.id, w.timezone from warehouses w
          where exists (select 1 from orders o where o.warehouse_id = w.id) limit 2`,
  );
  if (warehouseId && !rows.length) throw new Error(`no warehouse "${warehouseId}"`);
  return rows.length === 1 && rows[0] ? rows[0].timezone : 'UTC';
}

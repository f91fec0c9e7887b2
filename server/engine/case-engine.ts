// The case engine: keeps cases in step with their orders. It opens a case when an unfinished order comes within
// its warning lead time, records a closed case for an order that finished after its warning was due (history
// from an import), marks open cases overdue at the deadline, and closes them when the order is handed over or
// cancelled. It works in bulk: over a whole warehouse (the periodic tick) or over the orders one batch touched
// (ingestion, events, imports), inside the caller's transaction, and takes a new warehouse version only when
// something changes, so an idle warehouse does not poke its clients. A case records when its warning was due,
// not when the engine noticed, so a server that was down does not make cases look younger than they are.
import { sql, type SQL } from 'drizzle-orm';
import { PERISHABILITY } from '../../shared/schemas/enums';
import { WARNING_LEAD_MINUTES } from '../../shared/rules/clocks';
import { execute, queryRows, type Db } from '../db/open';
import { warehouses } from '../db/schema';
import { assignOverflow } from '../analytics/overflow';
import { writeTransaction, type WriteScope } from '../sync/write-tx';

export interface TickResult {
  opened: number;
  overdue: number;
  closed: number;
}

const leadInterval = sql.raw(
  `(case o.perishability ${PERISHABILITY.map((p) => `when '${p}' then interval '${WARNING_LEAD_MINUTES[p]} minutes'`).join(' ')} end)`,
);
const unfinished = sql`(o.status not in ('handed_over', 'cancelled') and o.handed_over_at is null)`;
const finishedAt = sql`coalesce(o.handed_over_at, o.cancelled_at)`;

/** Orders (optionally only these ids) that need a case they do not have yet. */
function caselessOrders(warehouseId: string, now: Date, ids: SQL) {
  return sql`
    from orders o
    where o.warehouse_id = ${warehouseId} ${ids} and o.ship_by is not null
      and o.ship_by - ${leadInterval} <= ${now}
      and not exists (select 1 from cases c where c.order_id = o.id)
      and (${unfinished} or ${finishedAt} >= o.ship_by - ${leadInterval})`;
}

async function hasWork(
  scope: WriteScope,
  warehouseId: string,
  now: Date,
  ids: SQL,
  caseIds: SQL,
): Promise<boolean> {
  const [row] = await queryRows<{ work: boolean }>(
    scope.tx,
    sql`
    select exists (select 1 ${caselessOrders(warehouseId, now, ids)})
    or exists (
      select 1 from cases c join orders o on o.id = c.order_id
      where c.warehouse_id = ${warehouseId} ${caseIds} and c.status = 'open'
        and ((c.overdue_at is null and c.ship_by <= ${now}) or not ${unfinished})
    ) as work`,
  );
  return Boolean(row?.work);
}

/**
 * Brings the cases of a warehouse (or of the given orders) in line with their orders, in the caller's
 * transaction. Returns what changed.
 */
export async function reconcileCases(
  scope: WriteScope,
  warehouseId: string,
  nowMs: number,
  orderIds?: readonly string[],
): Promise<TickResult> {
  const now = new Date(nowMs);
  const ids = orderIds ? sql`and o.id = any(${sql.param([...orderIds])}::text[])` : sql``;
  // Cases are found by their own order_id (unique index); `o.id = any(...)` made the planner loop over every
  // open case of the warehouse, probing orders with the whole id list each time.
  const caseIds = orderIds ? sql`and c.order_id = any(${sql.param([...orderIds])}::text[])` : sql``;
  if (!(await hasWork(scope, warehouseId, now, ids, caseIds))) return { opened: 0, overdue: 0, closed: 0 };
  const v = await scope.version(warehouseId);
  const opened = await execute(
    scope.tx,
    sql`
    insert into cases (id, warehouse_id, order_id, status, ship_by, opened_at, overdue_at, closed_at, outcome,
                       late_minutes, version, row_version)
    select gen_random_uuid()::text, o.warehouse_id, o.id,
           case when ${unfinished} then 'open' else 'closed' end,
           o.ship_by,
           least(${now}, greatest(o.ship_by - ${leadInterval}, o.paid_at)),
           case when o.ship_by <= coalesce(${finishedAt}, ${now}) then o.ship_by end,
           case when ${unfinished} then null else ${finishedAt} end,
           case when ${unfinished} then null
                when o.handed_over_at is null then 'order_cancelled'
                when o.handed_over_at <= o.ship_by then 'saved' else 'shipped_late' end,
           case when o.handed_over_at > o.ship_by
                then floor(extract(epoch from (o.handed_over_at - o.ship_by)) / 60)::int end,
           0, ${v}
    ${caselessOrders(warehouseId, now, ids)}
    on conflict (order_id) do nothing`,
  );
  const overdue = await execute(
    scope.tx,
    sql`
    update cases c set overdue_at = c.ship_by, row_version = ${v}
    from orders o
    where o.id = c.order_id and c.warehouse_id = ${warehouseId} ${caseIds}
      and c.status = 'open' and c.overdue_at is null and c.ship_by <= ${now}`,
  );
  const closed = await execute(
    scope.tx,
    sql`
    update cases c set
      status = 'closed',
      closed_at = coalesce(${finishedAt}, ${now}),
      outcome = case
        when o.handed_over_at is null then 'order_cancelled'
        when o.handed_over_at <= c.ship_by then 'saved'
        else 'shipped_late' end,
      late_minutes = case when o.handed_over_at > c.ship_by
        then floor(extract(epoch from (o.handed_over_at - c.ship_by)) / 60)::int end,
      version = c.version + 1,
      row_version = ${v}
    from orders o
    where o.id = c.order_id and c.warehouse_id = ${warehouseId} ${caseIds} and c.status = 'open' and not ${unfinished}`,
  );
  return { opened, overdue, closed };
}

export async function tickWarehouse(db: Db, warehouseId: string, nowMs: number): Promise<TickResult> {
  return writeTransaction(db, async (scope) => {
    const result = await reconcileCases(scope, warehouseId, nowMs);
    // In surge mode (a lead's setting) new cases go straight to the least-loaded coordinator on shift.
    await assignOverflow(scope, warehouseId, nowMs);
    return result;
  });
}

export async function tick(db: Db, nowMs: number): Promise<TickResult> {
  const total: TickResult = { opened: 0, overdue: 0, closed: 0 };
  for (const { id } of await db.select({ id: warehouses.id }).from(warehouses)) {
    const r = await tickWarehouse(db, id, nowMs);
    total.opened += r.opened;
    total.overdue += r.overdue;
    total.closed += r.closed;
  }
  return total;
}

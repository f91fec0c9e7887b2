// The case engine: opens a case when an unshipped order comes within its warning lead time, marks it overdue
// at the deadline, and closes it when the order is handed over or cancelled. Each tick does at most one
// transaction per warehouse, in bulk, and takes a new warehouse version only when something changed, so an
// idle warehouse does not poke its clients. A case records when its warning was due (not when a tick happened to
// notice), so a server that was down does not make cases look younger than they are.
import { sql } from 'drizzle-orm';
import { PERISHABILITY } from '../../shared/schemas/enums';
import { WARNING_LEAD_MINUTES } from '../../shared/rules/clocks';
import { execute, queryRows, type Db } from '../db/open';
import { warehouses } from '../db/schema';
import { writeTransaction, type WriteScope } from '../sync/write-tx';

export interface TickResult {
  opened: number;
  overdue: number;
  closed: number;
}

const leadInterval = sql.raw(
  `case o.perishability ${PERISHABILITY.map((p) => `when '${p}' then interval '${WARNING_LEAD_MINUTES[p]} minutes'`).join(' ')} end`,
);

async function hasWork(scope: WriteScope, warehouseId: string, now: Date): Promise<boolean> {
  const [row] = await queryRows<{ work: boolean }>(
    scope.tx,
    sql`
    select exists (
      select 1 from orders o
      where o.warehouse_id = ${warehouseId} and o.status not in ('handed_over', 'cancelled')
        and o.ship_by - ${leadInterval} <= ${now}
        and not exists (select 1 from cases c where c.order_id = o.id)
    ) or exists (
      select 1 from cases c where c.warehouse_id = ${warehouseId} and c.status = 'open'
        and c.overdue_at is null and c.ship_by <= ${now}
    ) or exists (
      select 1 from cases c join orders o on o.id = c.order_id
      where c.warehouse_id = ${warehouseId} and c.status = 'open' and o.status in ('handed_over', 'cancelled')
    ) as work`,
  );
  return Boolean(row?.work);
}

export async function tickWarehouse(db: Db, warehouseId: string, nowMs: number): Promise<TickResult> {
  const now = new Date(nowMs);
  return writeTransaction(db, async (scope) => {
    if (!(await hasWork(scope, warehouseId, now))) return { opened: 0, overdue: 0, closed: 0 };
    const v = await scope.version(warehouseId);
    const opened = await execute(
      scope.tx,
      sql`
      insert into cases (id, warehouse_id, order_id, status, ship_by, opened_at, overdue_at, version, row_version)
      select gen_random_uuid()::text, o.warehouse_id, o.id, 'open', o.ship_by,
             least(${now}, greatest(o.ship_by - ${leadInterval}, o.paid_at)),
             case when o.ship_by <= ${now} then o.ship_by end, 0, ${v}
      from orders o
      where o.warehouse_id = ${warehouseId} and o.status not in ('handed_over', 'cancelled')
        and o.ship_by - ${leadInterval} <= ${now}
        and not exists (select 1 from cases c where c.order_id = o.id)
      on conflict (order_id) do nothing`,
    );
    const overdue = await execute(
      scope.tx,
      sql`
      update cases set overdue_at = ship_by, row_version = ${v}
      where warehouse_id = ${warehouseId} and status = 'open' and overdue_at is null and ship_by <= ${now}`,
    );
    const closed = await execute(
      scope.tx,
      sql`
      update cases c set
        status = 'closed',
        closed_at = coalesce(o.handed_over_at, o.cancelled_at, ${now}),
        outcome = case
          when o.status = 'cancelled' then 'order_cancelled'
          when o.handed_over_at <= c.ship_by then 'saved'
          else 'shipped_late' end,
        late_minutes = case when o.status = 'handed_over' and o.handed_over_at > c.ship_by
          then floor(extract(epoch from (o.handed_over_at - c.ship_by)) / 60)::int end,
        version = c.version + 1,
        row_version = ${v}
      from orders o
      where o.id = c.order_id and c.warehouse_id = ${warehouseId} and c.status = 'open'
        and o.status in ('handed_over', 'cancelled')`,
    );
    return { opened, overdue, closed };
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

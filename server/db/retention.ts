// Retention: cases closed longer ago than the setting leave the database (with tombstones, so desks drop them
// too), with their events and their finished orders; audit entries older than their setting are deleted by
// this job alone (the audit log refuses every other delete).
import { sql } from 'drizzle-orm';
import { execute, queryRows, type Db } from './open';
import { warehouses } from './schema';
import { writeTransaction } from '../sync/write-tx';

export interface RetentionOptions {
  now: number;
  closedCaseDays: number;
  auditDays: number;
}

export interface RetentionResult {
  cases: number;
  orders: number;
  auditEntries: number;
}

const DAY = 24 * 3_600_000;

export async function applyRetention(db: Db, options: RetentionOptions): Promise<RetentionResult> {
  const caseCutoff = new Date(options.now - options.closedCaseDays * DAY);
  const result: RetentionResult = { cases: 0, orders: 0, auditEntries: 0 };
  for (const { id } of await db.select({ id: warehouses.id }).from(warehouses)) {
    await writeTransaction(db, async (scope) => {
      const old = await queryRows<{ id: string }>(
        scope.tx,
        sql`select id from cases where warehouse_id = ${id} and status <> 'open' and closed_at < ${caseCutoff}`,
      );
      if (old.length) {
        const ids = old.map((c) => c.id);
        const v = await scope.version(id);
        await scope.tx.execute(sql`insert into sync_tombstones (warehouse_id, kind, entity_id, row_version)
          select ${id}::text, 'event', e.id, ${v}::bigint from case_events e where e.case_id = any(${sql.param(ids)}::text[])
          union all select ${id}::text, 'case', c.id, ${v}::bigint from unnest(${sql.param(ids)}::text[]) as c(id)
          on conflict (warehouse_id, kind, entity_id) do update set row_version = excluded.row_version`);
        await scope.tx.execute(sql`delete from case_events where case_id = any(${sql.param(ids)}::text[])`);
        const orderIds = await queryRows<{ order_id: string }>(
          scope.tx,
          sql`delete from cases where id = any(${sql.param(ids)}::text[]) returning order_id`,
        );
        result.cases += ids.length;
        result.orders += await execute(
          scope.tx,
          sql`delete from orders where id = any(${sql.param(orderIds.map((o) => o.order_id))}::text[])`,
        );
      }
      // Orders that finished long ago and never needed a case go too.
      result.orders += await execute(
        scope.tx,
        sql`delete from orders o where o.warehouse_id = ${id} and o.status in ('handed_over', 'cancelled')
            and coalesce(o.handed_over_at, o.cancelled_at, o.updated_at) < ${caseCutoff}
            and not exists (select 1 from cases c where c.order_id = o.id)`,
      );
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('desk.retention', 'on', true)`);
    result.auditEntries = await execute(
      tx,
      sql`delete from audit_log where at < ${new Date(options.now - options.auditDays * DAY)}`,
    );
  });
  return result;
}

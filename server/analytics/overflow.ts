// Surge overflow (brief F15): when a warehouse turns on automatic assignment, every case that opens goes to
// the coordinator on shift with the fewest open cases. "On shift" means their desk synced in the last 15
// minutes: the server knows nothing else about rosters of coordinators, and a desk that is open is working.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { execute, queryRows } from '../db/open';
import type { WriteScope } from '../sync/write-tx';

export const ON_SHIFT_WINDOW_MS = 15 * 60_000;

/** Assigns the warehouse's unassigned open cases among its coordinators on shift, least loaded first. */
export async function assignOverflow(scope: WriteScope, warehouseId: string, nowMs: number): Promise<number> {
  const [settings] = await queryRows<{ auto_assign: boolean }>(
    scope.tx,
    sql`select auto_assign from warehouses where id = ${warehouseId}`,
  );
  if (!settings?.auto_assign) return 0;
  const since = new Date(nowMs - ON_SHIFT_WINDOW_MS);
  const desks = await queryRows<{ id: string; load: string }>(
    scope.tx,
    sql`select u.id, (select count(*) from cases c where c.assignee_id = u.id and c.status = 'open') as load
        from users u join user_warehouses uw on uw.user_id = u.id
        where uw.warehouse_id = ${warehouseId} and u.role = 'coordinator' and not u.disabled
          and exists (select 1 from sync_clients s where s.user_id = u.id and s.last_seen_at >= ${since})
        order by 2, 1`,
  );
  if (!desks.length) return 0;
  const waiting = await queryRows<{ id: string }>(
    scope.tx,
    sql`select id from cases where warehouse_id = ${warehouseId} and status = 'open' and assignee_id is null
        order by ship_by, id for update skip locked`,
  );
  if (!waiting.length) return 0;
  const load = desks.map((d) => ({ id: d.id, load: Number(d.load) }));
  const v = await scope.version(warehouseId);
  let assigned = 0;
  for (const c of waiting) {
    load.sort((a, b) => a.load - b.load || (a.id < b.id ? -1 : 1));
    const who = load[0]!;
    const done = await execute(
      scope.tx,
      sql`update cases set assignee_id = ${who.id}, claimed_at = ${new Date(nowMs)}, version = version + 1, row_version = ${v}
          where id = ${c.id} and assignee_id is null`,
    );
    if (done) {
      // The timeline says the system handed it over, and to whom.
      await scope.tx
        .execute(sql`insert into case_events (id, warehouse_id, case_id, kind, actor_id, at, text, detail, row_version)
        values (${randomUUID()}, ${warehouseId}, ${c.id}, 'reassigned', null, ${new Date(nowMs)}, null,
                ${JSON.stringify({ to: who.id, auto: true })}::jsonb, ${v})`);
    }
    assigned += done;
    who.load++;
  }
  return assigned;
}

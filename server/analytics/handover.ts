// The shift handover report (brief F13): what came in, what was done, what is still open and why, who holds
// what. The desk renders it as a printable page (and a PDF in the desktop app).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open';
import type { Handover } from '../../shared/schemas/analytics';
import type { Period } from './dashboard';

export type { Handover };

const n = (x: unknown) => Number(x ?? 0);

export async function handover(db: Db, p: Period, now: Date): Promise<Handover> {
  const [counts] = await queryRows<Record<string, string>>(
    db,
    sql`select
          count(*) filter (where c.opened_at >= ${p.from} and c.opened_at < ${p.to}) as came_in,
          count(*) filter (where c.status = 'resolved' and c.closed_at >= ${p.from} and c.closed_at < ${p.to}) as resolved,
          count(*) filter (where c.status = 'closed' and c.outcome = 'saved' and c.closed_at >= ${p.from} and c.closed_at < ${p.to}) as shipped,
          count(*) filter (where c.status = 'closed' and c.outcome = 'shipped_late' and c.closed_at >= ${p.from} and c.closed_at < ${p.to}) as late,
          count(*) filter (where c.status = 'closed' and c.outcome = 'order_cancelled' and c.closed_at >= ${p.from} and c.closed_at < ${p.to}) as cancelled
        from cases c where c.warehouse_id = ${p.warehouseId}`,
  );
  const actions = await queryRows<{ kind: string; actor: string | null; count: string }>(
    db,
    sql`select e.kind, u.display_name as actor, count(*) as count
        from case_events e left join users u on u.id = e.actor_id
        where e.warehouse_id = ${p.warehouseId} and e.at >= ${p.from} and e.at < ${p.to}
        group by 1, 2 order by 3 desc, 1`,
  );
  const open = await queryRows<{
    id: string;
    platform_order_id: string;
    ship_by: Date;
    holder: string | null;
    last_word: string | null;
  }>(
    db,
    sql`select c.id, o.platform_order_id, c.ship_by, u.display_name as holder,
               (select e.text from case_events e where e.case_id = c.id and e.text is not null order by e.at desc limit 1) as last_word
        from cases c join orders o on o.id = c.order_id left join users u on u.id = c.assignee_id
        where c.warehouse_id = ${p.warehouseId} and c.status = 'open'
        order by c.ship_by limit 200`,
  );
  const byHolder = await queryRows<{ holder: string | null; open: string }>(
    db,
    sql`select u.display_name as holder, count(*) as open from cases c left join users u on u.id = c.assignee_id
        where c.warehouse_id = ${p.warehouseId} and c.status = 'open' group by 1 order by 2 desc`,
  );
  return {
    period: { from: p.from.getTime(), to: p.to.getTime() },
    cameIn: n(counts?.came_in),
    closed: {
      resolved: n(counts?.resolved),
      shipped: n(counts?.shipped),
      shippedLate: n(counts?.late),
      cancelled: n(counts?.cancelled),
    },
    actions: actions.map((a) => ({ kind: a.kind, actor: a.actor, count: n(a.count) })),
    stillOpen: open.map((r) => {
      const shipBy = new Date(r.ship_by).getTime();
      return {
        caseId: r.id,
        platformOrderId: r.platform_order_id,
        shipBy,
        overdue: shipBy <= now.getTime(),
        holder: r.holder,
        lastWord: r.last_word,
      };
    }),
    byHolder: byHolder.map((r) => ({ holder: r.holder, open: n(r.open) })),
  };
}

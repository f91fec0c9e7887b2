// Order ingestion (REST single and batch, CSV import, the demo world): an idempotent upsert keyed by platform and
// platform order id, in one transaction per batch together with the cases the batch opens or closes. Rows that
// would not change are not written, so importing the same file twice changes nothing the second time.
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { OrderInput } from '../../shared/schemas/order-input';
import { copyRows } from '../db/copy-rows';
import type { Db } from '../db/open';
import { cases, orders } from '../db/schema';
import { reconcileCases, type TickResult } from '../engine/case-engine';
import { writeTransaction, type WriteScope } from '../sync/write-tx';
import { orderValues, sameOrder, type OrderRow, type OrderValues } from './order-row';
import { loadRuleBook, type RuleBook } from './rulebook';

export interface IngestResult {
  new: number;
  updated: number;
  unchanged: number;
  /** The stored order id for each input, in input order (null where the input was rejected). */
  ids: (string | null)[];
  /** Inputs refused, by their index in the batch, with the reason. Nothing of theirs was written. */
  rejected: { index: number; reason: string }[];
  cases: TickResult;
}

async function existingRows(
  scope: WriteScope,
  inputs: readonly OrderInput[],
): Promise<Map<string, OrderRow>> {
  const byPlatform = new Map<string, string[]>();
  for (const o of inputs) {
    const ids = byPlatform.get(o.platform);
    if (ids) ids.push(o.platformOrderId);
    else byPlatform.set(o.platform, [o.platformOrderId]);
  }
  const found = new Map<string, OrderRow>();
  for (const [platform, ids] of byPlatform) {
    const rows = await scope.tx
      .select()
      .from(orders)
      // One array parameter, not a thousand: binding and planning a long IN list cost more than the lookup.
      .where(
        and(eq(orders.platform, platform), sql`${orders.platformOrderId} = any(${sql.param(ids)}::text[])`),
      )
      .for('update');
    for (const row of rows) found.set(`${row.platform}\u0000${row.platformOrderId}`, row);
  }
  return found;
}

const ORDER_COLUMNS = Object.entries(getTableColumns(orders)).map(([key, column]) => ({
  key: key as keyof OrderValues | 'updatedAt',
  name: column.name,
}));

/**
 * Inserts new orders: with COPY where the driver takes it (PGlite, server/db/copy-rows.ts), otherwise as one
 * JSON parameter (drizzle's builder and the binding of ~38 parameters per row dominated large imports: 8.7 s
 * of PGlite's 35k-order import became 2.2 s). Columns are named explicitly, so a column added later with a
 * default does not shift the values.
 */
async function insertOrders(scope: WriteScope, rows: OrderValues[], now: Date): Promise<void> {
  const names = ORDER_COLUMNS.map((c) => c.name);
  const valueOf = (o: OrderValues, key: keyof OrderValues | 'updatedAt'): unknown =>
    key === 'updatedAt' ? now : o[key];
  const copied = await copyRows(
    scope.tx,
    'orders',
    names,
    rows.map((o) => ORDER_COLUMNS.map((c) => valueOf(o, c.key))),
  );
  if (copied) return;
  const records = rows.map((o) => {
    const record: Record<string, unknown> = {};
    for (const c of ORDER_COLUMNS) record[c.name] = valueOf(o, c.key);
    return record;
  });
  const columns = sql.raw(names.map((n) => `"${n}"`).join(', '));
  await scope.tx.execute(
    sql`insert into orders (${columns}) select ${columns} from json_populate_recordset(null::orders, ${JSON.stringify(records)}::json)`,
  );
}

/** Case rows follow their order's deadline unless a pause (an agreed date) moved them. */
async function followOrders(
  scope: WriteScope,
  warehouseId: string,
  orderIds: string[],
  nowMs: number,
): Promise<void> {
  if (!orderIds.length) return;
  const v = await scope.version(warehouseId);
  await scope.tx
    .update(cases)
    .set({
      rowVersion: v,
      shipBy: sql`case when ${cases.pauses} = '[]'::jsonb and ${cases.status} = 'open'
        then (select o.ship_by from orders o where o.id = ${cases.orderId}) else ${cases.shipBy} end`,
    })
    .where(inArray(cases.orderId, orderIds));
  // A deadline that moved later un-marks "overdue"; the engine marks it again when the new one passes.
  await scope.tx.execute(sql`
    update cases set overdue_at = null
    where order_id = any(${sql.param(orderIds)}::text[]) and status = 'open' and overdue_at is not null and ship_by > ${new Date(nowMs)}`);
}

/** Upserts one batch in the caller's transaction and reconciles the batch's cases. */
export async function ingestBatch(
  scope: WriteScope,
  warehouseId: string,
  inputs: readonly OrderInput[],
  book: RuleBook,
  nowMs: number,
): Promise<IngestResult> {
  const existing = await existingRows(scope, inputs);
  const inserts: OrderValues[] = [];
  const updates: OrderValues[] = [];
  const ids: (string | null)[] = [];
  const rejected: IngestResult['rejected'] = [];
  let unchanged = 0;
  const latest = new Map<string, OrderValues>();
  for (const [index, input] of inputs.entries()) {
    const key = `${input.platform}\u0000${input.platformOrderId}`;
    const before = existing.get(key) ?? null;
    if (before && before.warehouseId !== warehouseId) {
      // Moving an order between warehouses is not an upsert; it would also leak the other warehouse's data.
      rejected.push({
        index,
        reason: `order ${input.platform}/${input.platformOrderId} belongs to another warehouse`,
      });
      ids.push(null);
      continue;
    }
    const prior = latest.get(key);
    const id = before?.id ?? prior?.id ?? randomUUID();
    const next = orderValues(input, before, book, id, warehouseId);
    ids.push(id);
    if (before && sameOrder(before, next)) {
      unchanged++;
      continue;
    }
    latest.set(key, next);
  }
  for (const [key, values] of latest) (existing.has(key) ? updates : inserts).push(values);
  const now = new Date(nowMs);
  if (inserts.length) await insertOrders(scope, inserts, now);
  for (const o of updates)
    await scope.tx
      .update(orders)
      .set({ ...o, updatedAt: now })
      .where(eq(orders.id, o.id));
  await followOrders(
    scope,
    warehouseId,
    updates.map((o) => o.id),
    nowMs,
  );
  const touched = [...latest.values()].map((o) => o.id);
  const result = touched.length
    ? await reconcileCases(scope, warehouseId, nowMs, touched)
    : { opened: 0, overdue: 0, closed: 0 };
  return { new: inserts.length, updated: updates.length, unchanged, ids, rejected, cases: result };
}

/** Ingests orders in batches, each its own transaction. */
export async function ingestOrders(
  db: Db,
  warehouseId: string,
  inputs: readonly OrderInput[],
  options: { now: number; batchSize?: number; book?: RuleBook },
): Promise<IngestResult> {
  const book = options.book ?? (await loadRuleBook(db));
  const size = options.batchSize ?? 1000;
  const total: IngestResult = {
    new: 0,
    updated: 0,
    unchanged: 0,
    ids: [],
    rejected: [],
    cases: { opened: 0, overdue: 0, closed: 0 },
  };
  for (let i = 0; i < inputs.length; i += size) {
    const r = await writeTransaction(db, (scope) =>
      ingestBatch(scope, warehouseId, inputs.slice(i, i + size), book, options.now),
    );
    total.new += r.new;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
    total.ids.push(...r.ids);
    total.rejected.push(...r.rejected.map((x) => ({ ...x, index: x.index + i })));
    total.cases.opened += r.cases.opened;
    total.cases.overdue += r.cases.overdue;
    total.cases.closed += r.cases.closed;
  }
  return total;
}

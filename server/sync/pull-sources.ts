// One source per synced kind: how to read that kind's rows of a warehouse after a cursor position, in
// (row_version, id) order. Tombstones are one more source, ordered after every kind within a version.
import { and, asc, eq, gt, gte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ENTITY_KINDS, type Change, type EntityKind } from '../../shared/sync/entities';
import type { Tx } from '../db/open';
import {
  caseEvents,
  cases,
  couriers,
  pickers,
  riskFlags,
  syncTombstones,
  userWarehouses,
  users,
  warehouses,
  zones,
} from '../db/schema';
import { selectCaseViews } from './case-view';
import type { Position } from './cursor';

export interface SourceRow {
  version: number;
  /** The id part of the cursor position after this row. */
  key: string;
  change: Change;
}

export interface PullSource {
  kindIndex: number;
  fetch(tx: Tx, warehouseId: string, after: Position, limit: number): Promise<SourceRow[]>;
}

/** The rows of this source that come after `after` in (version, kind, id) order. */
function afterCondition(kindIndex: number, after: Position, version: PgColumn, id: PgColumn): SQL {
  const [v, k, key] = after;
  if (kindIndex < k) return gt(version, v);
  if (kindIndex > k) return gte(version, v);
  return sql`(${version}, ${id}) > (${v}, ${key})`;
}

const kindIndex = (kind: EntityKind): number => ENTITY_KINDS.indexOf(kind);

function simple<K extends EntityKind>(
  kind: K,
  table: typeof zones | typeof pickers | typeof couriers | typeof caseEvents | typeof riskFlags,
  toValue: (row: never) => Extract<Change, { kind: K; op: 'put' }>['value'],
): PullSource {
  const index = kindIndex(kind);
  return {
    kindIndex: index,
    async fetch(tx, warehouseId, after, limit) {
      const rows = await tx
        .select()
        .from(table)
        .where(
          and(eq(table.warehouseId, warehouseId), afterCondition(index, after, table.rowVersion, table.id)),
        )
        .orderBy(asc(table.rowVersion), asc(table.id))
        .limit(limit);
      return rows.map((row) => ({
        version: row.rowVersion,
        key: row.id,
        change: { op: 'put', kind, value: toValue(row as never) } as Change,
      }));
    },
  };
}

const warehouseSource: PullSource = {
  kindIndex: kindIndex('warehouse'),
  async fetch(tx, warehouseId, after, limit) {
    const rows = await tx
      .select()
      .from(warehouses)
      .where(
        and(
          eq(warehouses.id, warehouseId),
          afterCondition(kindIndex('warehouse'), after, warehouses.rowVersion, warehouses.id),
        ),
      )
      .limit(limit);
    return rows.map(({ rowVersion, compensationLimitFen: _, ...value }) => ({
      version: rowVersion,
      key: value.id,
      change: { op: 'put', kind: 'warehouse', value },
    }));
  },
};

const personSource: PullSource = {
  kindIndex: kindIndex('person'),
  async fetch(tx, warehouseId, after, limit) {
    const rows = await tx
      .select({
        id: users.id,
        displayName: users.displayName,
        role: users.role,
        rowVersion: userWarehouses.rowVersion,
      })
      .from(userWarehouses)
      .innerJoin(users, eq(users.id, userWarehouses.userId))
      .where(
        and(
          eq(userWarehouses.warehouseId, warehouseId),
          afterCondition(kindIndex('person'), after, userWarehouses.rowVersion, userWarehouses.userId),
        ),
      )
      .orderBy(asc(userWarehouses.rowVersion), asc(userWarehouses.userId))
      .limit(limit);
    return rows.map(({ rowVersion, ...person }) => ({
      version: rowVersion,
      key: person.id,
      change: { op: 'put', kind: 'person', value: { ...person, warehouseId } },
    }));
  },
};

const caseSource: PullSource = {
  kindIndex: kindIndex('case'),
  async fetch(tx, warehouseId, after, limit) {
    const rows = await selectCaseViews(
      tx,
      and(
        eq(cases.warehouseId, warehouseId),
        afterCondition(kindIndex('case'), after, cases.rowVersion, cases.id),
      )!,
      sql`order by ${cases.rowVersion} asc, ${cases.id} asc limit ${limit}`,
    );
    return rows.map(({ rowVersion, view }) => ({
      version: rowVersion,
      key: view.id,
      change: { op: 'put', kind: 'case', value: view },
    }));
  },
};

/** Fixed, above any kind's index, so appending a kind never changes what a stored position means. */
const riskSource: PullSource = simple(
  'risk',
  riskFlags,
  ({ rowVersion: _, ...f }: typeof riskFlags.$inferSelect) => ({
    ...f,
    startsAt: f.startsAt.getTime(),
    endsAt: f.endsAt.getTime(),
  }),
);

export const TOMBSTONE_INDEX = 100;

const tombstoneSource: PullSource = {
  kindIndex: TOMBSTONE_INDEX,
  async fetch(tx, warehouseId, after, limit) {
    const [v, k, key] = after;
    const t = syncTombstones;
    let condition: SQL;
    if (k < TOMBSTONE_INDEX) condition = gte(t.rowVersion, v);
    else {
      const [kind = '', entityId = ''] = key.split('/', 2);
      condition = sql`(${t.rowVersion}, ${t.kind}, ${t.entityId}) > (${v}, ${kind}, ${entityId})`;
    }
    const rows = await tx
      .select()
      .from(t)
      .where(and(eq(t.warehouseId, warehouseId), condition))
      .orderBy(asc(t.rowVersion), asc(t.kind), asc(t.entityId))
      .limit(limit);
    return rows.map((row) => ({
      version: row.rowVersion,
      key: `${row.kind}/${row.entityId}`,
      change: { op: 'del', kind: row.kind as EntityKind, id: row.entityId },
    }));
  },
};

/** In kind order; the merge relies on it. */
export const PULL_SOURCES: readonly PullSource[] = [
  warehouseSource,
  simple('zone', zones, ({ rowVersion: _, ...zone }: typeof zones.$inferSelect) => zone),
  personSource,
  simple('picker', pickers, ({ rowVersion: _, ...picker }: typeof pickers.$inferSelect) => picker),
  simple('courier', couriers, ({ rowVersion: _, ...courier }: typeof couriers.$inferSelect) => courier),
  caseSource,
  simple('event', caseEvents, ({ rowVersion: _, ...e }: typeof caseEvents.$inferSelect) => ({
    ...e,
    at: e.at.getTime(),
    kind: e.kind as 'note',
    detail: e.detail ?? null,
  })),
  riskSource,
  tombstoneSource,
];

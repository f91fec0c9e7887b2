// The server's tables. Every warehouse-owned table carries warehouse_id and every query filters on it, so the
// tables can later be distributed by warehouse (Citus) without a redesign. Synced tables carry row_version: the
// warehouse clock value of the transaction that last wrote the row (see sync/clock.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Compensation, GreenChannel, OrderItem, Pause } from '../../shared/schemas/case';
import type { Cause } from '../../shared/schemas/enums';
import type { PenaltyFormula } from '../../shared/rules/penalty';
import type { Refusal } from '../../shared/sync/protocol';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const rowVersion = () => bigint('row_version', { mode: 'number' }).notNull();

export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  timezone: text('timezone').notNull(),
  /** Compensation offers above this (minor units) wait for a lead's approval. */
  compensationLimitFen: integer('compensation_limit_fen').notNull().default(5000),
  /** Surge overflow: the engine hands each new case to the least-loaded coordinator on shift. */
  autoAssign: boolean('auto_assign').notNull().default(false),
  rowVersion: rowVersion(),
});

/** One row per warehouse: the monotonic version that orders every synced write in that warehouse. */
export const warehouseClock = pgTable('warehouse_clock', {
  warehouseId: text('warehouse_id')
    .primaryKey()
    .references(() => warehouses.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  /** Tombstones at or below this version have been purged: older cursors must reset. */
  horizon: bigint('horizon', { mode: 'number' }).notNull().default(0),
});

export const zones = pgTable(
  'zones',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    rowVersion: rowVersion(),
  },
  (t) => [index('zones_sync').on(t.warehouseId, t.rowVersion, t.id)],
);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['coordinator', 'lead', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Which warehouses a user works in; also the "person" rows coworkers sync. */
export const userWarehouses = pgTable(
  'user_warehouses',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    rowVersion: rowVersion(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.warehouseId] }),
    index('user_warehouses_sync').on(t.warehouseId, t.rowVersion, t.userId),
  ],
);

/** Bearer tokens, stored only as SHA-256 so a database leak does not leak sessions. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const pickers = pgTable(
  'pickers',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    zoneId: text('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    radio: text('radio').notNull(),
    status: text('status', { enum: ['on_shift', 'break', 'absent', 'off'] }).notNull(),
    shiftStart: text('shift_start').notNull(),
    shiftEnd: text('shift_end').notNull(),
    rowVersion: rowVersion(),
  },
  (t) => [index('pickers_sync').on(t.warehouseId, t.rowVersion, t.id)],
);

export const couriers = pgTable(
  'couriers',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    carrier: text('carrier').notNull(),
    depot: text('depot').notNull(),
    contactName: text('contact_name').notNull(),
    phone: text('phone').notNull(),
    pickupCutoffs: jsonb('pickup_cutoffs').$type<string[]>().notNull(),
    status: text('status', { enum: ['normal', 'overloaded', 'suspended'] }).notNull(),
    rowVersion: rowVersion(),
  },
  (t) => [index('couriers_sync').on(t.warehouseId, t.rowVersion, t.id)],
);

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    platform: text('platform').notNull(),
    platformOrderId: text('platform_order_id').notNull(),
    status: text('status', {
      enum: ['paid', 'picking', 'picked', 'packed', 'handed_over', 'cancelled'],
    }).notNull(),
    category: text('category').notNull(),
    perishability: text('perishability', {
      enum: ['fresh', 'frozen', 'food', 'sensitive', 'durable'],
    }).notNull(),
    valueFen: integer('value_fen').notNull(),
    items: jsonb('items').$type<OrderItem[]>().notNull(),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    zoneId: text('zone_id').references(() => zones.id),
    courierId: text('courier_id').references(() => couriers.id),
    waybill: text('waybill'),
    vip: boolean('vip').notNull().default(false),
    currency: text('currency').notNull().default('CNY'),
    paidAt: ts('paid_at').notNull(),
    /** The order's own promise, when it has one. */
    promisedShipBy: ts('promised_ship_by'),
    /** The resolved deadline (null: no rule and no promise, e.g. an order without items). */
    shipBy: ts('ship_by'),
    deadlineSource: text('deadline_source', {
      enum: ['order', 'promotion', 'category_rule', 'platform_default', 'none'],
    })
      .notNull()
      .default('platform_default'),
    /** The platform rule that set the penalty and the pickup clock. */
    ruleId: text('rule_id'),
    penaltyFen: integer('penalty_fen').notNull().default(0),
    maxDelayNegotiations: integer('max_delay_negotiations'),
    negotiationMinLeadMinutes: integer('negotiation_min_lead_minutes'),
    pickingStartedAt: ts('picking_started_at'),
    pickedAt: ts('picked_at'),
    packedAt: ts('packed_at'),
    waybillAt: ts('waybill_at'),
    pickupBy: ts('pickup_by'),
    handedOverAt: ts('handed_over_at'),
    cancelledAt: ts('cancelled_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_platform_id').on(t.platform, t.platformOrderId),
    // The engine's scan for orders that should open a case.
    index('orders_pending')
      .on(t.warehouseId, t.shipBy)
      .where(sql`status not in ('handed_over', 'cancelled')`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    orderId: text('order_id')
      .notNull()
      .unique()
      .references(() => orders.id),
    status: text('status', { enum: ['open', 'resolved', 'closed'] }).notNull(),
    /** The effective deadline (the order's, shifted by any accepted pause). */
    shipBy: ts('ship_by').notNull(),
    openedAt: ts('opened_at').notNull(),
    overdueAt: ts('overdue_at'),
    closedAt: ts('closed_at'),
    assigneeId: text('assignee_id').references(() => users.id),
    claimedAt: ts('claimed_at'),
    cause: text('cause'),
    causes: jsonb('causes').$type<Cause[]>().notNull().default([]),
    outcome: text('outcome'),
    lateMinutes: integer('late_minutes'),
    pauses: jsonb('pauses').$type<Pause[]>().notNull().default([]),
    customerContacted: boolean('customer_contacted').notNull().default(false),
    pickerId: text('picker_id').references(() => pickers.id),
    greenChannel: jsonb('green_channel').$type<GreenChannel | null>(),
    needsNewWaybill: boolean('needs_new_waybill').notNull().default(false),
    compensations: jsonb('compensations').$type<Compensation[]>().notNull().default([]),
    version: integer('version').notNull().default(0),
    rowVersion: rowVersion(),
  },
  (t) => [
    index('cases_sync').on(t.warehouseId, t.rowVersion, t.id),
    index('cases_open_deadline')
      .on(t.warehouseId, t.shipBy)
      .where(sql`status = 'open'`),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    actorId: text('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    text: text('text'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null> | null>(),
    rowVersion: rowVersion(),
  },
  (t) => [
    index('case_events_sync').on(t.warehouseId, t.rowVersion, t.id),
    index('case_events_case').on(t.caseId),
  ],
);

/** Deletions as seen by sync: a row left the warehouse (or was removed) at row_version. */
export const syncTombstones = pgTable(
  'sync_tombstones',
  {
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    kind: text('kind').notNull(),
    entityId: text('entity_id').notNull(),
    rowVersion: rowVersion(),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.kind, t.entityId] }),
    index('sync_tombstones_sync').on(t.warehouseId, t.rowVersion, t.entityId),
  ],
);

/** One row per client (a local store of one user on one device): the last mutation id the server processed. */
export const syncClients = pgTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
});

/** The result of every processed mutation, so a replay (lost response) gets the same answer again. */
export const syncMutationResults = pgTable(
  'sync_mutation_results',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => syncClients.clientId),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['applied', 'refused'] }).notNull(),
    refusal: jsonb('refusal').$type<Refusal>(),
    processedAt: ts('processed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] })],
);

/** Facts about this database itself, e.g. its random id, which pull cursors carry to detect a different store. */
export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Platform rules as data (brief F2): ship window, pickup clock and penalty per platform and category. */
export const platformRules = pgTable('platform_rules', {
  id: text('id').primaryKey(),
  platform: text('platform').notNull(),
  category: text('category'),
  shipWithinHours: doublePrecision('ship_within_hours').notNull(),
  pickupWithinHours: doublePrecision('pickup_within_hours'),
  penalty: jsonb('penalty').$type<PenaltyFormula>().notNull(),
  maxDelayNegotiations: integer('max_delay_negotiations'),
  negotiationMinLeadHours: doublePrecision('negotiation_min_lead_hours'),
  source: text('source').notNull(),
  confirmed: boolean('confirmed').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Promotions with their own ship-by date for orders paid in a window (Double 11, 618). */
export const promotions = pgTable('promotions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  platforms: jsonb('platforms').$type<string[] | null>(),
  paidFrom: ts('paid_from').notNull(),
  paidUntil: ts('paid_until').notNull(),
  shipBy: ts('ship_by').notNull(),
});

/** Force majeure declared for a region of a warehouse over a time window; it pauses the clocks it covers. */
export const forceMajeure = pgTable(
  'force_majeure',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    region: text('region').notNull(),
    reason: text('reason').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('force_majeure_warehouse').on(t.warehouseId, t.startsAt)],
);

/** Risk flags (brief F14) for a region or a courier over a window; synced to every desk of the warehouse. */
export const riskFlags = pgTable(
  'risk_flags',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    scope: text('scope', { enum: ['region', 'courier'] }).notNull(),
    target: text('target').notNull(),
    kind: text('kind', { enum: ['rain', 'typhoon', 'snow', 'depot_overload', 'traffic', 'other'] }).notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    points: integer('points').notNull(),
    note: text('note').notNull(),
    createdBy: text('created_by').references(() => users.id),
    rowVersion: rowVersion(),
  },
  (t) => [index('risk_flags_sync').on(t.warehouseId, t.rowVersion, t.id)],
);

/**
 * Every write: who, what, when and from which client. Append-only: a trigger (migration 0004) refuses UPDATE
 * and DELETE unless the retention job sets `desk.retention` for its own transaction.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    warehouseId: text('warehouse_id'),
    action: text('action').notNull(),
    target: text('target'),
    clientId: text('client_id'),
    address: text('address'),
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_user').on(t.userId, t.at)],
);

/** Failed logins per account and per address, for rate limiting and lockout. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    ok: boolean('ok').notNull(),
  },
  (t) => [
    index('login_attempts_user').on(t.username, t.at),
    index('login_attempts_address').on(t.address, t.at),
  ],
);

// The sync API's request and response bodies (docs/sync-protocol.md describes them in prose).
// Offline behaviour: the client keeps its outbox across any error here; only a push result removes an entry
// from "pending", and only a pull whose lastMutationId covers it drops it from the optimistic overlay.
import { z } from 'zod';
import { Id } from '../schemas/primitives';
import { Change } from './entities';

/** Bumped when a request or response shape changes incompatibly; the server answers older ones it still knows. */
export const PROTOCOL_VERSION = 1;

export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client id: 8-64 letters, digits, _ or -');

export const PULL_LIMIT_DEFAULT = 2000;
export const PULL_LIMIT_MAX = 5000;

export const PullRequest = z.object({
  clientId: ClientId,
  /** Opaque; null on the first pull and after a reset. */
  cursor: z.string().max(4096).nullable(),
  limit: z.number().int().min(1).max(PULL_LIMIT_MAX).optional(),
  protocolVersion: z.number().int().positive(),
  /**
   * The packed format (shared/sync/packed.ts) this client reads. A server that knows it sends the page's cases
   * and events packed and says so in `packed`; otherwise the page is plain.
   */
  packed: z.number().int().positive().optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page'),
    changes: z.array(Change),
    cursor: z.string(),
    hasMore: z.boolean(),
    /** The highest mutation id of this client that the server has applied or refused. */
    lastMutationId: z.number().int().nonnegative(),
    /** Server time when the page was read; clients show deadlines against it, never against their own clock. */
    serverTime: z.number().int(),
  }),
  z.object({
    /** The cursor can no longer be served: drop server data (never the outbox) and pull from null. */
    type: z.literal('reset'),
    reason: z.string(),
    lastMutationId: z.number().int().nonnegative(),
    serverTime: z.number().int(),
  }),
]);
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * Response header of a page that has more after it: its cursor, so that a client may ask for the next page as
 * soon as the headers arrive, while this page's body is still on the way and being stored. The body's cursor
 * stays the one that counts; the last page and a reset carry no such header.
 */
export const NEXT_CURSOR_HEADER = 'x-sync-next-cursor';

export const PUSH_BATCH_MAX = 200;

export const MutationEnvelope = z.object({
  /** 1, 2, 3... per client, without gaps. */
  id: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** When the user acted, by the client's clock: informational only (shown in the timeline, never trusted). */
  clientTime: z.number().int(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export const PushRequest = z.object({
  clientId: ClientId,
  protocolVersion: z.number().int().positive(),
  mutations: z.array(MutationEnvelope).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const REFUSAL_CODES = [
  'invalid',
  'unknown_mutation',
  'not_found',
  'forbidden',
  'case_closed',
  'conflict',
] as const;
export const Refusal = z.object({
  code: z.enum(REFUSAL_CODES),
  message: z.string(),
  /** For conflicts: who did what and when, so the UI can say it in the user's language. */
  by: Id.nullable().optional(),
  at: z.number().int().nullable().optional(),
});
export type Refusal = z.infer<typeof Refusal>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: z.number().int(), status: z.literal('applied') }),
  z.object({ id: z.number().int(), status: z.literal('refused'), refusal: Refusal }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  lastMutationId: z.number().int().nonnegative(),
  /** One result per mutation sent, in order. `duplicate` marks a replay; its original result is repeated. */
  results: z.array(z.intersection(MutationResult, z.object({ duplicate: z.boolean() }))),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** Pushing a mutation id above lastMutationId + 1: nothing was applied. HTTP 409 with this body. */
export const GapError = z.object({
  error: z.literal('mutation_gap'),
  message: z.string(),
  lastMutationId: z.number().int().nonnegative(),
});
export type GapError = z.infer<typeof GapError>;

/** Server-Sent Events from GET /api/sync/events. */
export const SSE_EVENTS = { poke: 'poke', heartbeat: 'heartbeat' } as const;
export const SSE_HEARTBEAT_MS = 15_000;

// The sync loop: push the outbox, then pull until the server has nothing more, whenever something may have
// changed (an action, a poke, coming back online, a periodic fallback). Failures never lose the outbox: the
// network and 5xx back off with full jitter (capped, Retry-After honoured), 401 waits for a new login, 413
// halves the batch, a mutation-id gap renumbers what is pending, and a "reset" refetches server data only.
import {
  NEXT_CURSOR_HEADER,
  PROTOCOL_VERSION,
  PULL_LIMIT_MAX,
  PUSH_BATCH_MAX,
  type PushResponse,
} from '../../shared/sync/protocol';
import { PACK_FORMAT, type PulledPage } from '../../shared/sync/packed';
import { ApiFailure, type ApiClient } from '../platform/api-client';
import type { LocalStore } from './local-store';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'backoff' | 'auth' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  pending: number;
  lastSyncAt: number | null;
  lastError: string | null;
  nextRetryAt: number | null;
}

export interface SyncEngineDeps {
  api: ApiClient;
  store: LocalStore;
  getToken(): string | null;
  onAuthExpired(): void;
  isOnline(): boolean;
  random?: () => number;
  /** Changes per pull page; the protocol's largest by default (fewer pages: each costs the server a transaction). */
  pullLimit?: number;
  fallbackPullMs?: number;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 60_000;

export class SyncEngine {
  status: SyncStatus;
  private listeners = new Set<(s: SyncStatus) => void>();
  private running = false;
  /** The store's log is in memory; until then nothing may be pulled onto it. */
  private loaded = false;
  private again = false;
  private stopped = true;
  private attempts = 0;
  private batchSize = 100;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private fallbackTimer: ReturnType<typeof setInterval> | null = null;
  private readonly random: () => number;
  private unwatch: (() => void) | null = null;

  constructor(private readonly deps: SyncEngineDeps) {
    this.random = deps.random ?? Math.random;
    this.status = {
      phase: deps.isOnline() ? 'idle' : 'offline',
      pending: deps.store.memory.pendingCount,
      lastSyncAt: deps.store.lastSyncAt,
      lastError: null,
      nextRetryAt: null,
    };
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, pending: this.deps.store.memory.pendingCount, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  start(): void {
    this.stopped = false;
    // Pages must land on the complete picture, never on the head loaded for the first paint.
    void this.deps.store.ready.then(() => this.startLoop());
  }

  private startLoop(): void {
    if (this.stopped) return;
    this.loaded = true;
    // A newly queued action is pushed at once (when online); settled ones need no trigger.
    let pending = this.deps.store.memory.pendingCount;
    this.unwatch ??= this.deps.store.subscribe(() => {
      const now = this.deps.store.memory.pendingCount;
      if (now > pending) this.changed();
      pending = now;
    });
    this.fallbackTimer = setInterval(() => this.trigger(), this.deps.fallbackPullMs ?? 60_000);
    this.trigger();
  }

  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    this.unwatch = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.fallbackTimer) clearInterval(this.fallbackTimer);
    this.retryTimer = this.fallbackTimer = null;
  }

  /** Something may have changed: run now, or right after the current run. */
  trigger(): void {
    if (this.stopped || !this.loaded) return;
    if (this.status.phase === 'auth') return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    void this.run();
  }

  /** After a new login: resume with the outbox as it was. */
  resume(): void {
    if (this.status.phase === 'auth') this.set({ phase: 'idle', lastError: null });
    this.trigger();
  }

  /** Outbox changed locally (an action was queued): show it, then sync. */
  changed(): void {
    this.set({});
    this.trigger();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        if (!this.deps.isOnline()) {
          this.set({ phase: 'offline' });
          return;
        }
        this.set({ phase: 'syncing' });
        await this.pushAll();
        await this.pullAll();
        this.attempts = 0;
        this.afterSync();
        globalThis.performance?.mark?.('desk:synced');
        this.set({
          phase: 'idle',
          lastSyncAt: this.deps.store.lastSyncAt,
          lastError: null,
          nextRetryAt: null,
        });
      } while (this.again && !this.stopped);
    } catch (err) {
      this.fail(err);
    } finally {
      this.running = false;
    }
  }

  private lastHeadSave = 0;

  /** Housekeeping once a sync completed: compact a long page log, and refresh the saved worklist head. */
  private afterSync(): void {
    const { store } = this.deps;
    void store.compactIfLong().catch(() => undefined);
    if (Date.now() - this.lastHeadSave > 15_000) {
      this.lastHeadSave = Date.now();
      void store.saveHead().catch(() => undefined);
    }
  }

  private fail(err: unknown): void {
    if (err instanceof ApiFailure && err.kind === 'auth') {
      this.set({ phase: 'auth', lastError: err.message });
      this.deps.onAuthExpired();
      return;
    }
    if (!this.deps.isOnline()) {
      this.set({ phase: 'offline', lastError: null });
      return;
    }
    this.attempts++;
    // Full jitter: a random delay up to an exponentially growing cap, so reconnecting desks do not stampede.
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** this.attempts);
    const jittered = Math.round(this.random() * ceiling);
    const delay = Math.max(jittered, err instanceof ApiFailure ? (err.retryAfterMs ?? 0) : 0);
    const final = err instanceof ApiFailure && err.kind === 'final';
    this.set({
      phase: final ? 'error' : 'backoff',
      lastError: err instanceof Error ? err.message : String(err),
      nextRetryAt: Date.now() + delay,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.trigger();
    }, delay);
  }

  private async pushAll(): Promise<void> {
    const { store, api } = this.deps;
    for (;;) {
      const batch = store.pendingBatch(Math.min(this.batchSize, PUSH_BATCH_MAX));
      if (!batch.length) return;
      let response: PushResponse;
      try {
        response = await api.post<PushResponse>(
          '/api/sync/push',
          {
            clientId: store.clientId,
            protocolVersion: PROTOCOL_VERSION,
            mutations: batch.map((e) => ({ id: e.id, name: e.name, args: e.args, clientTime: e.clientTime })),
          },
          this.deps.getToken(),
        );
      } catch (err) {
        if (err instanceof ApiFailure && err.kind === 'too_large' && this.batchSize > 1) {
          this.batchSize = Math.max(1, Math.floor(Math.min(this.batchSize, batch.length) / 2));
          continue;
        }
        if (err instanceof ApiFailure && err.kind === 'too_large') {
          // Even one action is too large to send. Refusing it only locally would leave a hole in the mutation
          // ids the server expects; instead its place is sent without its arguments, so the server records a
          // refusal and the ids stay consecutive.
          const first = batch[0]!;
          const stub = {
            id: first.id,
            name: first.name,
            args: { omitted: 'too large to send' },
            clientTime: first.clientTime,
          };
          response = await api.post<PushResponse>(
            '/api/sync/push',
            { clientId: store.clientId, protocolVersion: PROTOCOL_VERSION, mutations: [stub] },
            this.deps.getToken(),
          );
          await store.settle(response.results);
          continue;
        }
        if (err instanceof ApiFailure && err.kind === 'gap') {
          const last = (err.body as { lastMutationId?: unknown } | null)?.lastMutationId;
          if (typeof last === 'number') {
            await store.renumberPending(last);
            continue;
          }
        }
        throw err;
      }
      await store.settle(response.results);
      this.set({});
      if (batch.length === this.batchSize) this.batchSize = Math.min(PUSH_BATCH_MAX, this.batchSize * 2);
    }
  }

  /** Resolves when the page's headers arrive: the cursor after it, if the server named one, and its body. */
  private async requestPage(cursor: string | null): Promise<RequestedPage> {
    const { store, api } = this.deps;
    const sentAt = Date.now();
    const early = await api.postEarly(
      '/api/sync/pull',
      {
        clientId: store.clientId,
        cursor,
        protocolVersion: PROTOCOL_VERSION,
        limit: this.deps.pullLimit ?? PULL_LIMIT_MAX,
        packed: PACK_FORMAT,
      },
      this.deps.getToken(),
    );
    return { text: early.text, next: early.headers.get(NEXT_CURSOR_HEADER), sentAt, at: Date.now() };
  }

  /**
   * Pages in server order. The next page is asked for as soon as a page's headers name its cursor, so the server
   * reads page n+1 while page n is compressed, downloaded, parsed and stored (without the header, as soon as
   * page n is parsed); the pages are still stored strictly one after another, and the body's cursor is the one
   * that counts.
   */
  private async pullAll(): Promise<void> {
    const { store } = this.deps;
    let next = this.requestPage(store.cursor);
    for (let guard = 0; guard < 10_000; guard++) {
      const requested = await next;
      const ask = (cursor: string) => {
        const p = this.requestPage(cursor);
        // Handled when awaited; this only keeps a failure from being reported as unhandled if storing fails first.
        p.catch(() => undefined);
        return p;
      };
      const early = requested.next !== null ? ask(requested.next) : null;
      // The text is kept: a packed page is stored as it came, not serialised again (local-store.ts).
      const text = await requested.text;
      const page = JSON.parse(text) as PulledPage;
      if (page.type === 'reset') {
        await store.resetBase();
        next = this.requestPage(store.cursor);
        continue;
      }
      if (page.hasMore) next = early && requested.next === page.cursor ? early : ask(page.cursor);
      // Server time at the midpoint of the request is the best estimate of "now" on the server.
      await store.applyPage(page, Math.round((requested.sentAt + requested.at) / 2), text);
      if (!page.hasMore) return;
    }
  }
}

interface RequestedPage {
  /** The body as it arrives. */
  text: Promise<string>;
  /** The cursor after this page from its headers (null: none named, or the last page). */
  next: string | null;
  sentAt: number;
  at: number;
}

// The repository every component and the sync engine go through: it writes IndexedDB and the in-memory
// CaseMemory together, so the UI, the outbox and the optimistic overlay cannot drift apart. Components never
// touch Dexie tables directly.
//
// Loading happens in two steps so a desk with 100,000 cases paints at once: `open` reads the outbox, the meta
// data and the saved head of the worklist (the top rows); `ready` resolves when the whole page log has been
// replayed into memory. The sync loop starts only after `ready`.
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry';
import { MUTATORS, type AnyMutator } from '../../shared/mutators/registry';
import type { Actor } from '../../shared/mutators/types';
import type { CaseView } from '../../shared/schemas/case';
import type { Person } from '../../shared/schemas/directory';
import type { Change } from '../../shared/sync/entities';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { CaseMemory } from './case-memory';
import { isPacked, PACK_FORMAT, packChange, unpackChange, type PackedPage } from '../../shared/sync/packed';
import { chunkChanges, logRecord, pageRecord, recordChanges, type DeskDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';
import { NEXT_ID_KEY, writeOutboxEntries } from './outbox-write';
import { liveRiskFlags, topOpen } from './ranking';

type Page = Extract<PullResponse, { type: 'page' }>;

/** An action to queue: a mutator's name and its arguments. */
export type QueuedAction = { [N in MutatorName]: { name: N; args: MutatorArgs<N> } }[MutatorName];

const META = {
  clientId: 'clientId',
  cursor: 'cursor',
  confirmed: 'confirmedMutationId',
  nextId: NEXT_ID_KEY,
  lastSyncAt: 'lastSyncAt',
  clockOffset: 'clockOffsetMs',
  head: 'head',
} as const;

/** How many applied actions the outbox keeps as visible history. */
export const APPLIED_HISTORY = 200;
/** Compact the page log into snapshot chunks once it holds this many records. */
export const COMPACT_AFTER = 120;
/**
 * While a pull has more pages to come, listeners (the worklist's ranking) hear of new pages at most this often:
 * re-ranking the growing set after each of a first sync's pages would cost more than storing them.
 */
export const PAGE_EMIT_MS = 1000;
/** Rows of the worklist saved for the instant first paint. */
export const HEAD_ROWS = 120;

interface Head {
  cases: CaseView[];
  people: Person[];
}

/**
 * What one window tells the others about writes it made to the shared IndexedDB (several windows of the app
 * share one store; only the leader syncs). Followers apply pages to memory and re-read the outbox.
 */
type WindowMessage =
  | {
      type: 'page';
      /**
       * The log record the page went to (null: it had no changes). Followers read it from IndexedDB: posting its
       * text cost the leader about 50 ms a 5,000-case page even with no other window open.
       */
      seq: number | null;
      cursor: string;
      lastMutationId: number;
      clockOffsetMs: number;
      lastSyncAt: number | null;
    }
  | { type: 'outbox' }
  | { type: 'reset' };

/** The channel the windows of one local database talk on. */
export const windowChannel = (dbName: string): string => `desk-store:${dbName}`;

function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 24);
}

export class LocalStore {
  private listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;
  private fromOthers: Promise<void> = Promise.resolve();
  cursor: string | null = null;
  lastSyncAt: number | null = null;
  /** serverTime - Date.now(), from the last pull: deadlines are shown against server time. */
  clockOffsetMs = 0;
  /** False while only the saved head of the worklist is in memory. */
  loaded = false;
  /** Resolves when every stored case is in memory. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  private constructor(
    readonly db: DeskDb,
    readonly clientId: string,
    readonly memory: CaseMemory,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  static async open(db: DeskDb, actor: Actor): Promise<LocalStore> {
    await db.open();
    const clientId = await db.transaction('rw', db.meta, async () => {
      const existing = await db.meta.get(META.clientId);
      if (typeof existing?.value === 'string') return existing.value;
      const id = newClientId();
      await db.meta.put({ key: META.clientId, value: id });
      return id;
    });
    const store = new LocalStore(db, clientId, new CaseMemory(actor, clientId));
    await store.loadHead();
    void store.loadLog();
    store.listenToOtherWindows();
    return store;
  }

  private async loadHead(): Promise<void> {
    const { db, memory } = this;
    const [outbox, meta] = await db.transaction('r', [db.outbox, db.meta], () =>
      Promise.all([db.outbox.toArray(), db.meta.toArray()]),
    );
    const metaMap = new Map(meta.map((m) => [m.key, m.value]));
    this.cursor = (metaMap.get(META.cursor) as string | undefined) ?? null;
    this.lastSyncAt = (metaMap.get(META.lastSyncAt) as number | undefined) ?? null;
    this.clockOffsetMs = (metaMap.get(META.clockOffset) as number | undefined) ?? 0;
    memory.confirmedMutationId = (metaMap.get(META.confirmed) as number | undefined) ?? 0;
    const headText = metaMap.get(META.head);
    if (typeof headText === 'string') {
      const head = JSON.parse(headText) as Head;
      memory.applyChanges([
        ...head.people.map((value): Change => ({ op: 'put', kind: 'person', value })),
        ...head.cases.map((value): Change => ({ op: 'put', kind: 'case', value })),
      ]);
    }
    memory.outbox = outbox.sort((a, b) => a.id - b.id);
    memory.rebuildOverlay();
    this.emit();
  }

  /** Reads the whole page log into memory, replacing the server data there. */
  private async replayLog(): Promise<void> {
    const records = await this.db.log.toArray();
    this.memory.clearBase();
    for (const record of records) {
      const changes = recordChanges(record);
      if (!changes) {
        // Written by a newer build in a format this one cannot read: the server has it all, pull again.
        await this.forgetServerData();
        break;
      }
      this.memory.applyChanges(changes);
    }
    this.memory.rebuildOverlay();
  }

  private async loadLog(): Promise<void> {
    try {
      await this.replayLog();
    } finally {
      this.loaded = true;
      this.markReady();
      this.emit();
      // Read by the benchmark (npm run bench): when every stored case became filterable.
      globalThis.performance?.mark?.('desk:all-loaded');
    }
  }

  // ---- other windows ----

  private listenToOtherWindows(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(windowChannel(this.db.name));
    // One message at a time, in the order sent: each may read IndexedDB before it applies.
    this.channel.onmessage = (event: MessageEvent<WindowMessage>) => {
      this.fromOthers = this.fromOthers
        .then(() => this.fromOtherWindow(event.data))
        .catch((err: unknown) => console.error('[desk] applying another window’s write failed', err));
    };
  }

  private tell(message: WindowMessage): void {
    this.channel?.postMessage(message);
  }

  private async fromOtherWindow(message: WindowMessage): Promise<void> {
    await this.ready;
    if (message.type === 'page') {
      this.cursor = message.cursor;
      this.clockOffsetMs = message.clockOffsetMs;
      this.lastSyncAt = message.lastSyncAt ?? this.lastSyncAt;
      const record = message.seq === null ? undefined : await this.db.log.get(message.seq);
      const changes = message.seq === null ? [] : record ? recordChanges(record) : null;
      // Gone (the leader compacted the log since) or unreadable: the log as a whole still holds it.
      if (changes) this.memory.applyChanges(changes);
      else await this.replayLog();
      this.memory.confirmedMutationId = message.lastMutationId;
      await this.reloadOutbox();
    } else if (message.type === 'reset') {
      this.cursor = null;
      this.memory.clearBase();
      this.memory.rebuildOverlay();
      this.emit();
    } else {
      await this.reloadOutbox();
    }
  }

  /** Re-reads the outbox another window changed (a follower queued an action, the leader settled some). */
  async reloadOutbox(): Promise<void> {
    this.memory.outbox = (await this.db.outbox.toArray()).sort((a, b) => a.id - b.id);
    this.memory.rebuildOverlay();
    this.emit();
  }

  /** Before taking over the sync loop, a window re-reads what the previous leader stored. */
  async reloadMeta(): Promise<void> {
    await this.ready;
    const meta = new Map((await this.db.meta.toArray()).map((m) => [m.key, m.value]));
    this.cursor = (meta.get(META.cursor) as string | undefined) ?? null;
    this.memory.confirmedMutationId = (meta.get(META.confirmed) as number | undefined) ?? 0;
    await this.reloadOutbox();
  }

  // ---- subscription (for useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.memory.version;

  private lastEmitAt = 0;
  private trailingEmit: ReturnType<typeof setTimeout> | null = null;

  private emit(): void {
    if (this.trailingEmit) clearTimeout(this.trailingEmit);
    this.trailingEmit = null;
    this.lastEmitAt = Date.now();
    for (const listener of this.listeners) listener();
  }

  /** Tells the listeners now, or once PAGE_EMIT_MS after the last time (every change is then included). */
  private emitSoon(): void {
    const wait = this.lastEmitAt + PAGE_EMIT_MS - Date.now();
    if (wait <= 0) this.emit();
    else this.trailingEmit ??= setTimeout(() => this.emit(), wait);
  }

  /** Server time as best known locally. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  // ---- user actions ----

  /**
   * Records an action: shown at once through the overlay, durable in the outbox before this resolves.
   * Arguments are validated with the mutator's schema first, so nothing malformed is ever queued. The action is
   * replayed as provisional while its IndexedDB transaction commits (tens of milliseconds, more on a busy
   * machine), so the person sees it in the frame after the click; it is pushed only once durable. If the write
   * fails, the provisional action is taken back, the listeners of `onActionLost` hear why, and this rejects.
   */
  async enqueue<N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<OutboxEntry> {
    const [entry] = await this.enqueueAll([{ name, args } as QueuedAction]);
    return entry!;
  }

  /**
   * Records several actions at once (a bulk claim, a picker for every ticked case), in order: validated all
   * before any is queued, shown together, written in one outbox transaction, so they are durable (or taken back)
   * together. One by one, 309 claims took 13 s here, each its own write and its own re-render.
   */
  async enqueueAll(actions: readonly QueuedAction[]): Promise<OutboxEntry[]> {
    const clientTime = this.now();
    const { memory } = this;
    const lastId = memory.outbox.at(-1)?.id ?? 0;
    const base = Math.max(lastId, memory.confirmedMutationId) + memory.provisional.length;
    const provisional = actions.map(({ name, args }, i): OutboxEntry => {
      const mutator: AnyMutator = MUTATORS[name];
      const parsed = mutator.args.parse(args);
      return {
        // A guess at the id the write will take; it only orders the replay until the durable entry replaces it.
        id: base + i + 1,
        name,
        args: parsed,
        target: mutator.target,
        targetId: mutator.targetId(parsed),
        clientTime,
        status: 'pending',
        refusal: null,
        settledAt: null,
      };
    });
    if (!provisional.length) return [];
    const shown = new Set(provisional);
    const unshow = () => (memory.provisional = memory.provisional.filter((e) => !shown.has(e)));
    memory.provisional = [...memory.provisional, ...provisional];
    memory.rebuildOverlay();
    // The transaction is opened before the listeners render the actions, so IndexedDB writes while React works.
    const writing = writeOutboxEntries(this.db, provisional, this.expectedNextId, () =>
      this.highestOutboxId(),
    );
    this.emit();
    let entries: OutboxEntry[];
    try {
      entries = await writing;
    } catch (err) {
      this.expectedNextId = null;
      unshow();
      memory.rebuildOverlay();
      this.emit();
      for (const { name } of provisional) for (const listener of this.lostListeners) listener(name, err);
      throw err;
    }
    this.expectedNextId = entries.at(-1)!.id + 1;
    // Read by the benchmark (npm run bench): the actions are durable from here on.
    globalThis.performance?.mark?.('desk:action-durable');
    unshow();
    const written = new Set(entries.map((e) => e.id));
    memory.outbox = [...memory.outbox.filter((e) => !written.has(e.id)), ...entries].sort(
      (a, b) => a.id - b.id,
    );
    memory.rebuildOverlay();
    this.emit();
    this.tell({ type: 'outbox' });
    return entries;
  }

  /** The id counter's value after this store's last outbox write: the id the next write expects to take. */
  private expectedNextId: number | null = null;

  private lostListeners = new Set<(name: MutatorName, err: unknown) => void>();

  /** Hears of an action that could not be written to the outbox (shown, then taken back). */
  onActionLost(listener: (name: MutatorName, err: unknown) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private async highestOutboxId(): Promise<number> {
    const last = await this.db.outbox.orderBy(':id').last();
    return Math.max(last?.id ?? 0, this.memory.confirmedMutationId);
  }

  /** Drops a refused action from the outbox (the user read the reason and let it go). */
  async discard(id: number): Promise<void> {
    const entry = this.memory.outbox.find((e) => e.id === id);
    if (!entry || entry.status !== 'refused') return;
    await this.db.outbox.delete(id);
    this.memory.outbox = this.memory.outbox.filter((e) => e.id !== id);
    this.memory.rebuildOverlay();
    this.emit();
    this.tell({ type: 'outbox' });
  }

  // ---- sync engine side ----

  pendingBatch(limit: number): OutboxEntry[] {
    return this.memory.outbox.filter((e) => e.status === 'pending').slice(0, limit);
  }

  /** Records the server's answers. Entries stay (as history) until pruned; only their status changes. */
  async settle(results: PushResponse['results']): Promise<void> {
    const now = Date.now();
    const byId = new Map(this.memory.outbox.map((e) => [e.id, e]));
    const updated: OutboxEntry[] = [];
    for (const r of results) {
      const entry = byId.get(r.id);
      if (!entry || entry.status !== 'pending') continue;
      updated.push({
        ...entry,
        status: r.status,
        refusal: r.status === 'refused' ? r.refusal : null,
        settledAt: now,
      });
    }
    if (!updated.length) return;
    await this.db.outbox.bulkPut(updated);
    const changed = new Map(updated.map((e) => [e.id, e]));
    this.memory.outbox = this.memory.outbox.map((e) => changed.get(e.id) ?? e);
    this.memory.rebuildOverlay();
    this.emit();
    this.tell({ type: 'outbox' });
  }

  /**
   * The server has no record of mutations we numbered after its last one (its database was restored): give
   * the still-pending entries new consecutive ids after the server's, so they can be sent instead of lost.
   */
  async renumberPending(serverLast: number): Promise<void> {
    const { db } = this;
    const pending = this.memory.outbox.filter((e) => e.status === 'pending');
    const renumbered = pending.map((e, i) => ({ ...e, id: serverLast + 1 + i }));
    const confirmed = Math.min(serverLast, this.memory.confirmedMutationId);
    await db.transaction('rw', db.outbox, db.meta, async () => {
      await db.outbox.bulkDelete(pending.map((e) => e.id));
      // Settled history above the new range would collide; it is history only, so it moves out of the way.
      const clash = (await db.outbox.where(':id').above(serverLast).toArray()).filter(
        (e) => e.status !== 'pending',
      );
      await db.outbox.bulkDelete(clash.map((e) => e.id));
      await db.outbox.bulkAdd(renumbered);
      await db.meta.put({ key: META.nextId, value: serverLast + 1 + renumbered.length });
      await db.meta.put({ key: META.confirmed, value: confirmed });
    });
    this.memory.outbox = (await db.outbox.toArray()).sort((a, b) => a.id - b.id);
    this.memory.confirmedMutationId = confirmed;
    this.memory.rebuildOverlay();
    this.emit();
    this.tell({ type: 'outbox' });
  }

  /**
   * Stores one pull page (one log record, packed), its cursor and confirmed mutation id in one IndexedDB
   * transaction. A packed page is stored as it came (its response `text`, when given) and unpacked for memory;
   * a plain one is packed to store.
   */
  async applyPage(page: Page | PackedPage, receivedAt: number, text?: string): Promise<void> {
    const { db } = this;
    const offset = page.serverTime - receivedAt;
    const [changes, record] = !isPacked(page)
      ? [page.changes, logRecord(page.changes.map(packChange), false)]
      : [
          page.changes.map(unpackChange),
          text !== undefined && page.packed === PACK_FORMAT
            ? pageRecord(text, page.changes.length)
            : logRecord(page.changes, false),
        ];
    let seq: number | null = null;
    await db.transaction('rw', [db.log, db.meta, db.outbox], async () => {
      if (changes.length) seq = await db.log.add(record);
      await db.meta.bulkPut([
        { key: META.cursor, value: page.cursor },
        { key: META.confirmed, value: page.lastMutationId },
        { key: META.clockOffset, value: offset },
        ...(page.hasMore ? [] : [{ key: META.lastSyncAt, value: receivedAt }]),
      ]);
      await this.pruneApplied(page.lastMutationId);
    });
    this.cursor = page.cursor;
    this.clockOffsetMs = offset;
    if (!page.hasMore) this.lastSyncAt = receivedAt;
    this.memory.applyChanges(changes);
    this.memory.confirmedMutationId = page.lastMutationId;
    this.memory.rebuildOverlay();
    // While more pages follow (a first sync is 50 of them), the UI re-ranks at most once per PAGE_EMIT_MS.
    if (page.hasMore) this.emitSoon();
    else this.emit();
    this.tell({
      type: 'page',
      seq,
      cursor: page.cursor,
      lastMutationId: page.lastMutationId,
      clockOffsetMs: offset,
      lastSyncAt: this.lastSyncAt,
    });
  }

  /**
   * Applied actions the server state already reflects are history; the newest APPLIED_HISTORY stay for the
   * outbox view, older ones go. Refused ones stay until the user deals with them.
   */
  private async pruneApplied(confirmed: number): Promise<void> {
    const done = this.memory.outbox.filter((e) => e.status === 'applied' && e.id <= confirmed);
    const drop = done.slice(0, Math.max(0, done.length - APPLIED_HISTORY)).map((e) => e.id);
    if (!drop.length) return;
    await this.db.outbox.bulkDelete(drop);
    const dropped = new Set(drop);
    this.memory.outbox = this.memory.outbox.filter((e) => !dropped.has(e.id));
  }

  /** Rewrites a long page log as snapshot chunks; the cursor it belongs to is unchanged. */
  async compactIfLong(): Promise<boolean> {
    await this.ready;
    if ((await this.db.log.count()) < COMPACT_AFTER) return false;
    const records = chunkChanges(this.memory.snapshot());
    await this.db.transaction('rw', this.db.log, async () => {
      await this.db.log.clear();
      await this.db.log.bulkAdd(records);
    });
    return true;
  }

  /** Saves the top of the worklist so the next start can paint it before the log is loaded. */
  async saveHead(): Promise<void> {
    await this.ready;
    const now = this.now();
    const flags = liveRiskFlags(now, this.memory.directory.risk.values());
    const cases = topOpen(this.memory.cases.values(), now, HEAD_ROWS, flags);
    const ids = new Set(cases.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])));
    const people = [...this.memory.directory.person.values()].filter((p) => ids.has(p.id));
    await this.db.meta.put({ key: META.head, value: JSON.stringify({ cases, people } satisfies Head) });
  }

  /** Drops the stored server data (never the outbox): the next pull starts from the beginning. */
  private async forgetServerData(): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.log, db.meta], async () => {
      await db.log.clear();
      await db.meta.bulkDelete([META.cursor, META.head]);
    });
    this.cursor = null;
    this.memory.clearBase();
  }

  /** The server cannot continue from our cursor: forget its data (never the outbox) and start over. */
  async resetBase(): Promise<void> {
    await this.forgetServerData();
    this.memory.rebuildOverlay();
    this.emit();
    this.tell({ type: 'reset' });
  }

  /** Lets the UI re-render (e.g. status changes that are not data). */
  notify(): void {
    this.memory.touch();
    this.emit();
  }

  close(): void {
    if (this.trailingEmit) clearTimeout(this.trailingEmit);
    this.trailingEmit = null;
    this.channel?.close();
    this.channel = null;
    this.db.close();
  }
}

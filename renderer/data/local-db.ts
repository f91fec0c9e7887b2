// The local IndexedDB database, one per server and user. Server data is kept as an append-only log of pull
// pages, one record per page holding its changes as JSON text, compacted now and then into snapshot chunks:
// IndexedDB here costs about 0.55 ms per record written whatever the record, so 100,000 cases as 100,000 records
// take a minute while 50 page records take two seconds (docs/performance.md). All querying happens in memory.
// The outbox stays a plain table of one record per action. Schema changes are new `version(n)` steps; none may
// drop the outbox.
import Dexie, { type Table } from 'dexie';
import type { Change } from '../../shared/sync/entities';
import { PACK_FORMAT, packChange, unpackChange, type PackedChange } from '../../shared/sync/packed';
import type { OutboxEntry } from './outbox-entry';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A pull page or a snapshot chunk: changes to replay in `seq` order. */
export interface LogRecord {
  seq?: number;
  /**
   * JSON text of the changes (strings store and load far faster than as many objects): packed
   * (shared/sync/packed.ts) in the format `packed` names, or plain Change[] in records written before packing.
   * A page stored as it came is the text of the whole pull response, an object whose `changes` they are.
   */
  text: string;
  packed?: number;
  count: number;
  snapshot: boolean;
}

export const SNAPSHOT_CHUNK = 5_000;

/** A log record of changes already packed (as a packed pull page brings them). */
export function logRecord(packed: readonly PackedChange[], snapshot: boolean): LogRecord {
  return { text: JSON.stringify(packed), packed: PACK_FORMAT, count: packed.length, snapshot };
}

/**
 * A packed pull page stored as the response text it came in: serialising the parsed page again cost the desk
 * 1.6 s of a 100,000-case first sync (docs/performance.md).
 */
export function pageRecord(pageText: string, count: number): LogRecord {
  return { text: pageText, packed: PACK_FORMAT, count, snapshot: false };
}

/** The changes of a record, or null when it is in a packed format this build cannot read. */
export function recordChanges(record: LogRecord): Change[] | null {
  if (record.packed === undefined) return JSON.parse(record.text) as Change[];
  if (record.packed !== PACK_FORMAT) return null;
  const parsed = JSON.parse(record.text) as PackedChange[] | { changes: PackedChange[] };
  return (Array.isArray(parsed) ? parsed : parsed.changes).map(unpackChange);
}

export function chunkChanges(changes: readonly Change[]): LogRecord[] {
  const out: LogRecord[] = [];
  for (let i = 0; i < changes.length; i += SNAPSHOT_CHUNK) {
    out.push(logRecord(changes.slice(i, i + SNAPSHOT_CHUNK).map(packChange), true));
  }
  return out;
}

export class DeskDb extends Dexie {
  meta!: Table<MetaRow, string>;
  log!: Table<LogRecord, number>;
  outbox!: Table<OutboxEntry, number>;

  constructor(name: string) {
    super(name);
    // v1 (0.1): one record per case, event and directory row.
    this.version(1).stores({ meta: 'key', cases: 'id', events: 'id', directory: '[kind+id]', outbox: 'id' });
    // v2: the page log. The v1 rows are carried over as a snapshot, so the desk keeps its data and, above all,
    // its outbox across the upgrade.
    this.version(2)
      .stores({ log: '++seq' })
      .upgrade(async (tx) => {
        const [directory, cases, events] = await Promise.all([
          tx.table<{ kind: Change['kind']; value: unknown }>('directory').toArray(),
          tx.table('cases').toArray(),
          tx.table('events').toArray(),
        ]);
        const changes = [
          ...directory.map((d) => ({ op: 'put', kind: d.kind, value: d.value })),
          ...cases.map((value: unknown) => ({ op: 'put', kind: 'case', value })),
          ...events.map((value: unknown) => ({ op: 'put', kind: 'event', value })),
        ] as Change[];
        await tx.table('log').bulkAdd(chunkChanges(changes));
      });
    this.version(3).stores({ cases: null, events: null, directory: null });
    // v4: actions may target pickers too; entries written by v1-v3 acted on cases.
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('outbox')
          .toCollection()
          .modify((entry: Record<string, unknown>) => {
            if (entry.targetId === undefined) {
              entry.target = 'case';
              entry.targetId = entry.caseId;
              delete entry.caseId;
            }
          }),
      );
  }
}

/** One database per (server, user): a shared desktop never mixes two people's outboxes. */
export function databaseName(serverUrl: string, userId: string): string {
  let hash = 0;
  for (const ch of serverUrl || 'same-origin') hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `overdue-desk-${(hash >>> 0).toString(36)}-${userId}`;
}

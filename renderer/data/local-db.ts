// The local IndexedDB database, one per server and user. Cases carry no secondary indexes on purpose: every
// index roughly doubles the per-record write cost (toolchain notes), and all querying happens in memory.
// Schema changes are new `version(n)` steps with an upgrade function; the outbox is never dropped by one.
import Dexie, { type Table } from 'dexie';
import type { CaseEvent, CaseView } from '../../shared/schemas/case';
import type { DirectoryKind } from './case-memory';
import type { OutboxEntry } from './outbox-entry';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface DirectoryRow {
  kind: DirectoryKind;
  id: string;
  value: unknown;
}

export class DeskDb extends Dexie {
  meta!: Table<MetaRow, string>;
  cases!: Table<CaseView, string>;
  events!: Table<CaseEvent, string>;
  directory!: Table<DirectoryRow, [DirectoryKind, string]>;
  outbox!: Table<OutboxEntry, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      cases: 'id',
      events: 'id',
      directory: '[kind+id]',
      outbox: 'id',
    });
  }
}

/** One database per (server, user): a shared desktop never mixes two people's outboxes. */
export function databaseName(serverUrl: string, userId: string): string {
  let hash = 0;
  for (const ch of serverUrl || 'same-origin') hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `overdue-desk-${(hash >>> 0).toString(36)}-${userId}`;
}

// One import: stream the file's records, map and validate each row, and write the good ones in batches (one
// transaction per batch, through the same ingestion as the REST API, so cases open as they would for live
// orders). Memory stays flat: at most two batches of orders and the record being parsed. A bad row is reported
// with its line and reason and skipped; the file as a whole fails only when it cannot be read or the mapping
// does not fit.
import { ORDER_BATCH_MAX, type OrderInput } from '../../shared/schemas/order-input';
import type { Db } from '../db/open';
import type { TickResult } from '../engine/case-engine';
import { ingestBatch } from '../orders/ingest';
import { loadRuleBook, type RuleBook } from '../orders/rulebook';
import { writeTransaction } from '../sync/write-tx';
import { CsvError, fileBytes, readCsv } from './csv-reader';
import type { MappingFile } from './mapping';
import { compileMapping, RowError } from './row-mapper';

export interface ImportOptions {
  file: string;
  mapping: MappingFile;
  /** The zone the file's wall-clock times are in. */
  timezone: string;
  warehouseId: string;
  /** The case engine's "now" for the orders this import touches. */
  now: number;
  batchSize?: number;
  /**
   * Called for every rejected row as it is found (rows the database refuses, e.g. an order of another
   * warehouse, when their batch is written); the caller decides how many to print or keep.
   */
  onRejected?: (row: RejectedRow) => void | Promise<void>;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  /** Data rows read (the header and blank lines not counted). */
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  cases: TickResult;
  ms: number;
}

/** Without rules or promotions an order keeps exactly the deadline the file gives it, or none. */
const NO_RULES: RuleBook = { rules: [], promotions: [] };

type Group = 'own' | 'bare';
interface Pending {
  line: number;
  key: string;
  input: OrderInput;
}

export async function importFile(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const size = Math.min(options.batchSize ?? ORDER_BATCH_MAX, ORDER_BATCH_MAX);
  const summary: ImportSummary = {
    rows: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    cases: { opened: 0, overdue: 0, closed: 0 },
    ms: 0,
  };
  const reject = async (line: number, reason: string) => {
    summary.rejected++;
    await options.onRejected?.({ line, reason });
  };
  const records = readCsv(fileBytes(options.file), { delimiter: options.mapping.delimiter });
  try {
    const first = await records.next();
    if (first.done) throw new CsvError(`${options.file} is empty (no header row)`);
    if (first.value.error)
      throw new CsvError(`line ${first.value.line}: the header row is malformed: ${first.value.error}`);
    const header = first.value.fields;
    const mapRow = compileMapping(options.mapping, header, options.timezone);
    const book = await loadRuleBook(db);

    // Orders with a deadline of their own and, under `deadlineRules: false`, orders without one (written with
    // an empty rule book so that no platform default invents one) wait in separate batches.
    const pending: Record<Group, Pending[]> = { own: [], bare: [] };
    const held = new Map<string, Group>(); // which batch holds an order, so one listed twice keeps file order
    const flush = async (group: Group) => {
      const rows = pending[group];
      if (!rows.length) return;
      pending[group] = [];
      for (const row of rows) held.delete(row.key);
      const inputs = rows.map((b) => b.input);
      const rules = group === 'own' ? book : NO_RULES;
      const r = await writeTransaction(db, (scope) =>
        ingestBatch(scope, options.warehouseId, inputs, rules, options.now),
      );
      summary.new += r.new;
      summary.updated += r.updated;
      summary.unchanged += r.unchanged;
      for (const x of r.rejected) await reject(rows[x.index]?.line ?? 0, x.reason);
      summary.cases.opened += r.cases.opened;
      summary.cases.overdue += r.cases.overdue;
      summary.cases.closed += r.cases.closed;
    };
    const add = async (line: number, input: OrderInput) => {
      const group: Group = options.mapping.deadlineRules || input.promisedShipBy !== null ? 'own' : 'bare';
      const key = `${input.platform}\u0000${input.platformOrderId}`;
      const other = group === 'own' ? 'bare' : 'own';
      if (held.get(key) === other) await flush(other);
      pending[group].push({ line, key, input });
      held.set(key, group);
      if (pending[group].length >= size) await flush(group);
    };

    for await (const record of records) {
      summary.rows++;
      if (record.error) await reject(record.line, record.error);
      else if (record.fields.length !== header.length)
        await reject(record.line, `expected ${header.length} fields, found ${record.fields.length}`);
      else {
        let input: OrderInput;
        try {
          input = mapRow(record.fields);
        } catch (err) {
          if (!(err instanceof RowError)) throw err;
          await reject(record.line, err.message);
          continue;
        }
        await add(record.line, input);
      }
    }
    await flush('own');
    await flush('bare');
  } finally {
    await records.return(undefined); // closes the file when the mapping or the database failed half way
  }
  summary.ms = performance.now() - started;
  return summary;
}

// `desk import` and `desk stats` (brief section 4; docs/import.md). Exit codes for import: 0 when the file was
// read, even with rejected rows; 1 when the file cannot be read or the mapping is invalid (thrown errors).
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '../db/open';
import { importFile, type RejectedRow } from '../import/import-file';
import { loadMapping, type MappingFile } from '../import/mapping';
import { OLIST_MAPPING, OLIST_WAREHOUSE } from '../import/olist';
import { ensureWarehouse, findWarehouse } from '../import/warehouse';
import { isTimeZone, parseZoned } from '../import/zoned-time';
import { ensureDefaultRules } from '../orders/rulebook';
import { formatStatsTable } from '../stats/format';
import { computeStats, defaultStatsZone } from '../stats/stats';
import type { CliValues } from './commands';
import { databaseFrom } from './database-option';

export interface ImportCliValues extends CliValues {
  format?: string | undefined;
  file?: string | undefined;
  mapping?: string | undefined;
  tz?: string | undefined;
  errors?: string | undefined;
  now?: string | undefined;
  json?: boolean | undefined;
}

/** Rejected rows printed at most; --errors FILE keeps all of them. */
export const PRINTED_REJECTIONS = 50;
const CSV_DEFAULT_ZONE = 'Asia/Shanghai';

function zoneOption(tz: string | undefined): string | undefined {
  if (tz !== undefined && !isTimeZone(tz))
    throw new Error(`--tz: unknown time zone "${tz}" (use an IANA name)`);
  return tz;
}

function nowOption(text: string | undefined, zone: string): number {
  if (text === undefined) return Date.now();
  const t = parseZoned(text, zone);
  if (t === null)
    throw new Error(`--now must be a wall-clock time like "2018-09-01 00:00:00", got "${text}"`);
  return t;
}

function oneWarehouse(values: ImportCliValues): string | undefined {
  if ((values.warehouse?.length ?? 0) > 1) throw new Error('give one --warehouse');
  return values.warehouse?.[0];
}

async function onlyWarehouse(db: Db): Promise<string> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from warehouses order by id limit 2`);
  if (rows.length !== 1 || !rows[0])
    throw new Error('--format csv needs --warehouse ID (the database does not hold exactly one warehouse)');
  return rows[0].id;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Prints the first rejections as they come and writes all of them to --errors FILE when asked. */
async function rejectionReport(errorsFile: string | undefined) {
  let count = 0;
  let failed: Error | null = null;
  let out: WriteStream | null = null;
  if (errorsFile) {
    // Opened before the import starts, so a bad path fails at once rather than after the whole file.
    out = createWriteStream(errorsFile);
    await once(out, 'open').catch((err: Error) => {
      throw new Error(`cannot write ${errorsFile}: ${err.message}`);
    });
    out.on('error', (err) => (failed = err));
    out.write('line,reason\n');
  }
  return {
    async add(row: RejectedRow) {
      if (++count <= PRINTED_REJECTIONS) console.log(`line ${row.line}: ${row.reason}`);
      if (failed) throw failed;
      if (out && !out.write(`${row.line},${csvField(row.reason)}\n`)) await once(out, 'drain');
    },
    /** Says how many were not printed and flushes the file; safe to call twice. */
    async close() {
      const stream = out;
      out = null;
      if (!stream) return;
      await new Promise<void>((resolve, reject) =>
        stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
    },
    summary() {
      if (count > PRINTED_REJECTIONS)
        console.log(
          `... and ${count - PRINTED_REJECTIONS} more rejected rows${errorsFile ? ` (all in ${errorsFile})` : ' (--errors FILE lists them all)'}`,
        );
    },
  };
}

/** Errors of the file itself (gone, a directory, corrupt gzip) carry a Node or zlib code, unlike SQL errors. */
const isFileError = (err: unknown): boolean =>
  /^(E[A-Z]{3,}|Z_|ERR_)/.test(String((err as { code?: unknown }).code));

export async function runImport(values: ImportCliValues): Promise<number> {
  const { format, file } = values;
  if ((format !== 'olist' && format !== 'csv') || !file)
    throw new Error('import needs --format olist|csv and --file FILE');
  if (format === 'olist' && values.mapping)
    throw new Error('--mapping is for --format csv (olist has its mapping built in)');
  if (format === 'csv' && !values.mapping)
    throw new Error('--format csv needs --mapping FILE (see docs/import.md)');
  const tz = zoneOption(values.tz);
  const wanted = oneWarehouse(values);
  await access(file).catch((err: Error) => {
    throw new Error(`cannot read ${file}: ${err.message}`);
  });
  const mapping: MappingFile = values.mapping ? await loadMapping(values.mapping) : OLIST_MAPPING;

  const report = await rejectionReport(values.errors);
  const database = await openDatabase(databaseFrom(values['data-dir'], process.env));
  try {
    await database.migrate();
    const db = database.db;
    await ensureDefaultRules(db);
    const id = wanted ?? (format === 'olist' ? OLIST_WAREHOUSE.id : await onlyWarehouse(db));
    const existing = await findWarehouse(db, id);
    const timezone =
      tz ??
      mapping.timezone ??
      existing?.timezone ??
      (format === 'olist' ? OLIST_WAREHOUSE.timezone : CSV_DEFAULT_ZONE);
    const name = id === OLIST_WAREHOUSE.id ? OLIST_WAREHOUSE.name : id;
    const warehouse = await ensureWarehouse(db, { id, name, timezone });
    if (warehouse.created) console.log(`created warehouse ${id} "${name}" (${timezone})`);
    const summary = await importFile(db, {
      file,
      mapping,
      timezone,
      warehouseId: id,
      now: nowOption(values.now, timezone),
      onRejected: (row) => report.add(row),
    }).catch((err: unknown) => {
      throw isFileError(err) ? new Error(`cannot read ${file}: ${(err as Error).message}`) : err;
    });
    await report.close();
    report.summary();
    console.log(
      `imported ${file}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.rejected} rejected (${summary.cases.opened} cases opened) in ${(summary.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    await report.close().catch(() => undefined);
    await database.close();
  }
  return 0;
}

export async function runStats(values: ImportCliValues): Promise<number> {
  const tz = zoneOption(values.tz);
  const warehouseId = oneWarehouse(values) ?? null;
  const database = await openDatabase(databaseFrom(values['data-dir'], process.env));
  try {
    await database.migrate();
    const timezone = tz ?? (await defaultStatsZone(database.db, warehouseId));
    const stats = await computeStats(database.db, {
      now: nowOption(values.now, timezone),
      timezone,
      warehouseId,
    });
    console.log(values.json ? JSON.stringify(stats, null, 2) : formatStatsTable(stats));
  } finally {
    await database.close();
  }
  return 0;
}

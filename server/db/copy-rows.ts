// Bulk rows into a table with COPY where the driver can take it from memory: PGlite reads COPY data from a
// blob. In PGlite, parsing a JSON parameter into rows (json_populate_recordset) cost more than writing them:
// 1.9 s of 3.5 s for the 35,397 Olist orders; COPY's text format is the cheapest input PostgreSQL has.
// node-postgres needs a stream library for COPY, so there the caller keeps its own path.
import type { Db, Tx } from './open';

interface BlobClient {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}

/** PGlite's connection behind a drizzle transaction or database; null for node-postgres. */
function pgliteClient(db: Db | Tx): BlobClient | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  const c = client as Partial<BlobClient> | undefined;
  // PGlite (and its transaction) has exec(); a node-postgres client or pool has not.
  return c && typeof c.query === 'function' && typeof c.exec === 'function' ? (c as BlobClient) : null;
}

/** One value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : text;
}

/**
 * Inserts `rows` (values in `columns` order) with COPY when the driver supports it and says whether it did;
 * false means nothing was written and the caller must insert another way.
 */
export async function copyRows(
  db: Db | Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<boolean> {
  const client = pgliteClient(db);
  if (!client) return false;
  let text = '';
  for (const row of rows) text += row.map(copyValue).join('\t') + '\n';
  const names = columns.map((c) => `"${c}"`).join(', ');
  await client.query(`copy "${table}" (${names}) from '/dev/blob'`, [], { blob: new Blob([text]) });
  return true;
}

// Backups of the embedded store: PGlite dumps its whole data folder as a tarball from inside its single
// connection, so the snapshot is consistent even while the server writes. Restoring writes the tarball into a
// new, empty folder. A PostgreSQL deployment uses pg_dump / pg_restore instead (docs/security.md).
import { existsSync, readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './open';

export async function dumpEmbedded(database: Database): Promise<Buffer> {
  if (!database.dump)
    throw new Error('backups through the app are for the embedded store; for PostgreSQL use pg_dump');
  const blob = await database.dump();
  return Buffer.from(await blob.arrayBuffer());
}

export async function restoreEmbedded(
  dump: Buffer,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length && !options.force) {
    throw new Error(`${dataDir} is not empty: restore into a new folder (or pass --force to write over it)`);
  }
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([new Uint8Array(dump)]) });
  // Opening it proves the dump is whole before anyone points a server at it.
  await client.query('select count(*) from warehouses');
  await client.close();
}

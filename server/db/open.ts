// Opens the server's database: PGlite (PostgreSQL in-process, data in a folder) by default, a PostgreSQL
// server when a URL is given. Both run the same migrations and the same drizzle queries; LISTEN/NOTIFY works
// on both, which is how several API servers on one database tell each other to poke their clients.
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs (never includes a password). */
  where: string;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests clone a migrated template from it). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null; loadDump?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options.dataDir, options.loadDump) : openPostgres(options);
}

async function openPglite(dataDir: string | null, loadDump?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite is one process's database: a second process opening the same folder would corrupt it.
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDump ? { loadDataDir: loadDump } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    where: dataDir ?? 'memory',
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return unsubscribe;
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async dump() {
      return client.dumpDataDir('none');
    },
    async close() {
      await client.close();
      unlock();
    },
  };
}

export class DataDirInUse extends Error {}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock file, or explains who holds it; a lock left by a dead process is taken over. */
export function lockDataDir(dataDir: string): () => void {
  // Beside the folder, not in it: a backup tarball of the folder must not carry the lock along.
  const file = join(dirname(dataDir), `${basename(dataDir)}.desk.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder === process.pid || (Number.isInteger(holder) && holder > 0 && isAlive(holder))) {
        throw new DataDirInUse(
          `the data folder ${dataDir} is in use by process ${holder} (a running server?): stop it first, or for a backup use --server`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUse(`could not lock the data folder ${dataDir}`);
}

async function openPostgres(options: { url: string; poolSize?: number }): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  pool.on('error', () => undefined); // idle-client errors resurface on the next query
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: pg.PoolClient[] = [];
  const url = new URL(options.url);
  url.password = '';
  return {
    db,
    kind: 'postgres',
    where: url.toString(),
    async listen(channel, onPayload) {
      const client = await pool.connect();
      listeners.push(client);
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        client.release();
        listeners.splice(listeners.indexOf(client), 1);
      };
    },
    async migrate() {
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
    },
    async close() {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}

/** Runs raw SQL and returns its rows; PGlite and node-postgres both answer with `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

/** Rows changed by raw SQL (node-postgres says rowCount, PGlite affectedRows). */
export async function execute(db: Db | Tx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

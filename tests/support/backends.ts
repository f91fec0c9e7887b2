// The two storage back-ends every server integration test runs against: PGlite (the embedded default) and the
// local PostgreSQL server (production's engine). Each test gets its own fresh, migrated database.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/open';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ kind: 'pglite', dataDir: null, loadDump: template });
  },
};

let counter = 0;
const postgres: Backend = {
  name: 'postgres',
  async open() {
    const name = `desk_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 8 });
    await database.migrate();
    const close = database.close.bind(database);
    database.close = async () => {
      await close();
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
    return database;
  },
};

const unreachable = await postgresReachable();
if (unreachable) {
  if (process.env.CI) throw new Error(`PostgreSQL at ${POSTGRES_URL} is required in CI: ${unreachable}`);
  console.warn(`[integration] skipping the PostgreSQL runs: ${POSTGRES_URL} unreachable (${unreachable})`);
}

/** Both back-ends, or only PGlite (with the reason printed above) where no PostgreSQL runs outside CI. */
export const BACKENDS: Backend[] = unreachable ? [pglite] : [pglite, postgres];

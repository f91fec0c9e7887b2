// Which database a CLI command uses: --data-dir (PGlite) wins, then DATABASE_URL, then the default folder.
import { resolve } from 'node:path';
import type { DatabaseOptions } from '../db/open';

export const DEFAULT_DATA_DIR = '.desk/data';

export function databaseFrom(dataDir: string | undefined, env: NodeJS.ProcessEnv): DatabaseOptions {
  if (dataDir) return { kind: 'pglite', dataDir: resolve(dataDir) };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: resolve(DEFAULT_DATA_DIR) };
}

export const describeDatabase = (db: DatabaseOptions): string =>
  db.kind === 'pglite' ? `PGlite in ${db.dataDir ?? 'memory'}` : 'PostgreSQL from DATABASE_URL';

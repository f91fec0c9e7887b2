// Data safety from the command line: backup (of a folder, or of a running server through its admin API),
// restore into a new folder, and retention.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { dumpEmbedded, restoreEmbedded } from '../db/backup';
import { openDatabase } from '../db/open';
import { applyRetention } from '../db/retention';
import { databaseFrom } from './database-option';

export interface DataValues {
  'data-dir'?: string | undefined;
  to?: string | undefined;
  from?: string | undefined;
  server?: string | undefined;
  user?: string | undefined;
  force?: boolean | undefined;
  'closed-days'?: string | undefined;
  'audit-days'?: string | undefined;
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('no password on stdin');
}

export async function runBackup(values: DataValues): Promise<number> {
  if (!values.to) throw new Error('backup needs --to FILE');
  const to = resolve(values.to);
  if (values.server) {
    // The server is running: ask it for the snapshot (the folder is locked while it serves).
    const base = values.server.replace(/\/$/, '');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: values.user ?? 'admin', password: await firstLine() }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${base}/api/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`backup failed: ${res.status} ${await res.text()}`);
    writeFileSync(to, Buffer.from(await res.arrayBuffer()));
  } else {
    const options = databaseFrom(values['data-dir'], process.env);
    if (options.kind !== 'pglite') throw new Error('for PostgreSQL use pg_dump (docs/security.md)');
    const database = await openDatabase(options);
    try {
      writeFileSync(to, await dumpEmbedded(database));
    } finally {
      await database.close();
    }
  }
  console.log(`backup written to ${to}`);
  return 0;
}

export async function runRestore(values: DataValues): Promise<number> {
  if (!values.from || !values['data-dir'])
    throw new Error('restore needs --from FILE and --data-dir DIR (a new folder)');
  const dataDir = resolve(values['data-dir']);
  await restoreEmbedded(readFileSync(resolve(values.from)), dataDir, { force: Boolean(values.force) });
  console.log(`restored ${values.from} into ${dataDir}`);
  return 0;
}

export async function runRetention(values: DataValues): Promise<number> {
  const closedCaseDays = Number(values['closed-days'] ?? 90);
  const auditDays = Number(values['audit-days'] ?? 365);
  if (!(closedCaseDays >= 1 && auditDays >= 1))
    throw new Error('--closed-days and --audit-days must be at least 1');
  const database = await openDatabase(databaseFrom(values['data-dir'], process.env));
  try {
    await database.migrate();
    const r = await applyRetention(database.db, { now: Date.now(), closedCaseDays, auditDays });
    console.log(
      `retention: removed ${r.cases} closed cases, ${r.orders} finished orders, ${r.auditEntries} audit entries`,
    );
  } finally {
    await database.close();
  }
  return 0;
}

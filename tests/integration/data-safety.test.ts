// Backups of the embedded store while it serves, restores that lose nothing, the data-folder lock, retention.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '../../server/db/open';
import { applyRetention } from '../../server/db/retention';
import { auditLog, cases, syncTombstones } from '../../server/db/schema';
import { startServer } from '../../server/start';

const root = mkdtempSync(join(tmpdir(), 'desk-safety-'));
const desk = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    ...(input !== undefined ? { input } : {}),
  });

/** A fingerprint of everything that matters: row counts and a hash of every table's contents. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    'warehouses',
    'users',
    'orders',
    'cases',
    'case_events',
    'pickers',
    'couriers',
    'audit_log',
    'sync_clients',
  ]) {
    const [row] = await queryRows<{ n: string; h: string | null }>(
      db,
      sql.raw(`select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`),
    );
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}

/** Like `desk`, but without blocking this process: the server under test runs in it. */
const deskAsync = (args: string[], input: string) =>
  new Promise<{ status: number; stderr: string }>((resolvePromise) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli/index.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
      (err, _stdout, stderr) => resolvePromise({ status: err ? Number(err.code ?? 1) : 0, stderr }),
    );
    child.stdin?.end(input);
  });

describe('data safety (embedded store)', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a running server through its admin API and restores it into a new folder with nothing lost', async () => {
    const dataDir = join(root, 'live');
    const server = await startServer({
      database: { kind: 'pglite', dataDir },
      demo: { orders: 200 },
      port: 0,
      loginFailureDelayMs: 10,
    });
    try {
      // While it serves, the folder is locked: a second process cannot open it and corrupt it.
      const locked = desk(['migrate', '--data-dir', dataDir]);
      expect(locked.status).toBe(1);
      expect(locked.stderr).toContain('in use by process');

      const backupFile = join(root, 'backup.tar.gz');
      const backup = await deskAsync(
        ['backup', '--to', backupFile, '--server', server.url, '--user', 'admin'],
        'desk2026\n',
      );
      expect(backup.status, backup.stderr).toBe(0);
      const before = await fingerprint(server.database.db);
      // Changes after the backup are not in it.
      await server.database.db.update(cases).set({ customerContacted: true });

      const restored = join(root, 'restored');
      const restore = desk(['restore', '--from', backupFile, '--data-dir', restored]);
      expect(restore.status, restore.stderr).toBe(0);
      const again = await openDatabase({ kind: 'pglite', dataDir: restored });
      try {
        // The backup's own audit entry (the admin's login) is in the snapshot; everything else matches.
        const after = await fingerprint(again.db);
        expect(after).toEqual(before);
        const contacted = await again.db.select().from(cases).where(eq(cases.customerContacted, true));
        expect(contacted.length).toBeLessThan((await again.db.select().from(cases)).length);
      } finally {
        await again.close();
      }
      expect(desk(['restore', '--from', backupFile, '--data-dir', restored]).stderr).toContain('not empty');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('removes old closed cases with tombstones and old audit entries, and nothing else', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    const server = await startServer({
      database,
      demo: { orders: 300 },
      port: 0,
      now: () => Date.UTC(2026, 10, 1),
    });
    try {
      const db = server.database.db;
      await db.insert(auditLog).values({
        at: new Date(Date.UTC(2024, 0, 1)),
        userId: null,
        username: 'x',
        action: 'old',
        outcome: 'ok',
      });
      await db.insert(auditLog).values({
        at: new Date(Date.UTC(2026, 9, 30)),
        userId: null,
        username: 'x',
        action: 'recent',
        outcome: 'ok',
      });
      const closed = await db
        .select()
        .from(cases)
        .where(sql`${cases.status} <> 'open'`);
      const open = await db.select().from(cases).where(eq(cases.status, 'open'));
      expect(closed.length).toBeGreaterThan(0);
      // A month later everything closed before then is older than 7 days.
      const r = await applyRetention(db, { now: Date.UTC(2026, 11, 1), closedCaseDays: 7, auditDays: 365 });
      expect(r.cases).toBe(closed.length);
      expect(r.auditEntries).toBe(1);
      expect((await db.select().from(cases)).length).toBe(open.length);
      const tombstones = await db.select().from(syncTombstones).where(eq(syncTombstones.kind, 'case'));
      expect(tombstones.length).toBe(closed.length);
      expect((await db.select().from(auditLog)).map((a) => a.action)).toContain('recent');
    } finally {
      await server.close();
    }
  }, 120_000);
});

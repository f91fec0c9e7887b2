// The admin CLI as an operator runs it: separate processes on one PGlite folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login } from '../../server/auth/sessions';
import { openDatabase } from '../../server/db/open';

const dataDir = mkdtempSync(join(tmpdir(), 'desk-cli-'));
const desk = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    env: { ...process.env, DATABASE_URL: '' },
  });

describe('desk CLI', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds the demo world once, and adds a user whose password comes from stdin', async () => {
    const migrate = desk(['migrate']);
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('migrations applied');

    const seed = desk(['seed', '--demo', '--orders', '150']);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/demo world created: 150 orders, \d+ open cases/);
    expect(seed.stdout).toContain('desk2026');
    expect(desk(['seed', '--demo']).stdout).toContain('already present');

    const add = desk(
      ['user', 'add', '--username', 'sunli', '--name', '孙丽', '--role', 'lead', '--warehouse', 'wh-hz-xs-1'],
      'night-shift-2026\n',
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('user sunli created');

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const session = await login(database.db, 'sunli', 'night-shift-2026', 60_000, Date.now());
      expect(session?.user).toMatchObject({
        role: 'lead',
        displayName: '孙丽',
        warehouseIds: ['wh-hz-xs-1'],
      });
    } finally {
      await database.close();
    }
  });

  it('explains what is wrong instead of failing obscurely', () => {
    const missing = desk(['user', 'add', '--username', 'x'], 'whatever-pass\n');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('user add needs --username, --name, --role');
    const short = desk(
      ['user', 'add', '--username', 'y', '--name', 'Y', '--role', 'coordinator', '--warehouse', 'wh-hz-xs-1'],
      'short\n',
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
    const unknown = desk(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
  });
});

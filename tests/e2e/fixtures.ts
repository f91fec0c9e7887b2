// Each test gets its own real server (Fastify + PGlite in a fresh copy of the seeded template folder) serving
// the built UI, so tests never see each other's data.
import { test as base } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/start';
import { E2E_ROOT, TEMPLATE_DIR, UI_DIR } from './paths';

export const test = base.extend<{ server: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from this pattern
  server: async ({}, use) => {
    const dir = mkdtempSync(join(E2E_ROOT, 'db-'));
    cpSync(TEMPLATE_DIR, dir, { recursive: true });
    const server = await startServer({
      database: { kind: 'pglite', dataDir: dir },
      staticDir: UI_DIR,
      port: 0,
      engineIntervalMs: 5_000,
      loginFailureDelayMs: 100,
    });
    await use(server);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

// Once per run: build the UI and a seeded PGlite template folder; each test copies the folder so it starts
// from a fresh database in about a second instead of running initdb, migrations and the seed again.
import { mkdirSync, rmSync } from 'node:fs';
import { buildUi } from '../../scripts/build-ui';
import { openDatabase } from '../../server/db/open';
import { seedDemo } from '../../server/demo/seed';
import { E2E_ROOT, TEMPLATE_DIR } from './paths';

export default async function globalSetup() {
  rmSync(E2E_ROOT, { recursive: true, force: true });
  mkdirSync(E2E_ROOT, { recursive: true });
  buildUi();
  const database = await openDatabase({ kind: 'pglite', dataDir: TEMPLATE_DIR });
  await database.migrate();
  await seedDemo(database.db, { now: Date.now(), orders: 400, seed: 11 });
  await database.close();
}

// `npm start`: the whole product on the embedded defaults. Builds the UI, starts the sync server on PGlite in
// .desk/data with the demo world (created on first start), then opens the desktop app; where the Electron
// binary cannot be obtained it says so in one line and serves the same UI in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildUi } from './build-ui';
import { findElectronBinary } from '../electron/electron-binary';
import { DEFAULT_PORT, printDemoAccounts } from '../server/cli/commands';
import { databaseFrom, describeDatabase } from '../server/cli/database-option';
import { boot } from '../server/boot';

const npx = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit' });

async function main(): Promise<void> {
  console.log('Overdue Desk 逾期工作台: building the UI...');
  buildUi();
  const database = databaseFrom(process.env.DESK_DATA_DIR, process.env);
  const port = Number(process.env.DESK_PORT ?? DEFAULT_PORT);
  console.log(
    `starting the server (${describeDatabase(database)}); the first start creates the demo world...`,
  );
  // The demo is alive: new orders arrive and move through the warehouse in real time (docs/demo.md).
  const booted = await boot({
    database,
    port,
    staticDir: 'dist/renderer',
    demo: { orders: 2000, seed: 11, surge: process.env.DESK_SURGE === '1' },
    simulate: { speed: Number(process.env.DESK_SPEED ?? 1) },
  });
  const { server } = booted;
  console.log(`server: ${server.url}`);
  if (server.seeded?.created)
    console.log(`demo world created: ${server.seeded.orders} orders, ${server.seeded.openCases} open cases`);
  printDemoAccounts();

  const stop = async (code: number) => {
    await booted.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const electron = await findElectronBinary();
  if (!electron.ok) {
    console.log(
      `\nElectron is not available here (${electron.reason}): serving the same UI in your browser at ${server.url}/`,
    );
    console.log('press Ctrl+C to stop');
    return;
  }
  const built = npx([
    join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--config',
    'electron/electron.vite.config.ts',
  ]);
  if (built.status !== 0) throw new Error('building the desktop app failed');
  console.log('opening the desktop app...');
  const app = spawn(electron.path, ['out/main/index.js'], {
    stdio: 'inherit',
    env: { ...process.env, DESK_SERVER_URL: server.url },
  });
  app.on('exit', (code) => void stop(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Role } from '../../shared/schemas/enums';
import { createUser } from '../accounts/users';
import { openDatabase } from '../db/open';
import { seedDemo } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/world';
import { boot } from '../boot';
import { databaseFrom, describeDatabase } from './database-option';

export interface CliValues {
  'data-dir'?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  demo?: boolean | undefined;
  orders?: string | undefined;
  seed?: string | undefined;
  ui?: string | undefined;
  'engine-ms'?: string | undefined;
  surge?: boolean | undefined;
  simulate?: boolean | undefined;
  speed?: string | undefined;
  username?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  warehouse?: string[] | undefined;
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

export const DEFAULT_PORT = 4870;
const DEFAULT_UI_DIR = 'dist/renderer';

export function printDemoAccounts(log: (line: string) => void = console.log): void {
  log(`demo accounts (password for all: ${DEMO_PASSWORD}):`);
  log('  zhangwei  张伟   coordinator');
  log('  wangfang  王芳   coordinator');
  log('  lina      李娜   lead');
  log('  admin     管理员 admin');
}

/** Runs until SIGINT/SIGTERM; returns -1 so main does not exit the process. */
export async function runServe(values: CliValues): Promise<number> {
  const database = databaseFrom(values['data-dir'], process.env);
  const uiDir = values.ui
    ? resolve(values.ui)
    : existsSync(resolve(DEFAULT_UI_DIR, 'index.html'))
      ? resolve(DEFAULT_UI_DIR)
      : null;
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0 && speed <= 10_000))
    throw new Error(`--speed must be a number between 0 and 10000, got "${values.speed}"`);
  const booted = await boot({
    database,
    host: values.host ?? '127.0.0.1',
    port: intOption(values.port, 'port', DEFAULT_PORT),
    staticDir: uiDir,
    demo: values.demo
      ? {
          orders: intOption(values.orders, 'orders', 2000),
          seed: intOption(values.seed, 'seed', 11),
          surge: Boolean(values.surge),
        }
      : null,
    simulate: values.simulate ? { speed } : null,
    engineIntervalMs: intOption(values['engine-ms'], 'engine-ms', 15_000),
    logger: process.env.DESK_LOG === '1',
  });
  const { server } = booted;
  console.log(`Overdue Desk server listening on ${server.url} (${describeDatabase(database)})`);
  if (server.seeded?.created)
    console.log(`demo world created: ${server.seeded.orders} orders, ${server.seeded.openCases} open cases`);
  if (values.simulate) console.log(`live simulation running at ${speed}x real time`);
  if (values.demo) printDemoAccounts();
  if (uiDir) console.log(`UI: ${server.url}/`);
  const stop = () => {
    void booted.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

export async function runMigrate(values: CliValues): Promise<number> {
  const options = databaseFrom(values['data-dir'], process.env);
  const database = await openDatabase(options);
  await database.migrate();
  await database.close();
  console.log(`migrations applied (${describeDatabase(options)})`);
  return 0;
}

export async function runSeed(values: CliValues): Promise<number> {
  if (!values.demo) throw new Error('seed needs --demo (the only seed there is)');
  const options = databaseFrom(values['data-dir'], process.env);
  const database = await openDatabase(options);
  try {
    await database.migrate();
    const result = await seedDemo(database.db, {
      now: Date.now(),
      surge: Boolean(values.surge),
      orders: intOption(values.orders, 'orders', 2000),
      seed: intOption(values.seed, 'seed', 11),
    });
    console.log(
      result.created
        ? `demo world created: ${result.orders} orders, ${result.openCases} open cases`
        : 'demo world already present: nothing changed',
    );
    printDemoAccounts();
  } finally {
    await database.close();
  }
  return 0;
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error(
    'no password on stdin (pipe one line, e.g. `echo "$PASSWORD" | npm run desk -- user add ...`)',
  );
}

export async function runUserAdd(values: CliValues): Promise<number> {
  const role = Role.safeParse(values.role);
  if (!values.username || !values.name || !role.success || !values.warehouse?.length) {
    throw new Error(
      'user add needs --username, --name, --role coordinator|lead|admin and at least one --warehouse',
    );
  }
  const password = await readPassword();
  const options = databaseFrom(values['data-dir'], process.env);
  const database = await openDatabase(options);
  try {
    await database.migrate();
    const id = await createUser(database.db, {
      username: values.username,
      displayName: values.name,
      role: role.data,
      password,
      warehouseIds: values.warehouse,
    });
    console.log(
      `user ${values.username} created (id ${id}, ${role.data}, warehouses ${values.warehouse.join(', ')})`,
    );
  } finally {
    await database.close();
  }
  return 0;
}

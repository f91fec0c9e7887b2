// Starting the product's server the way an operator or `npm start` does: the database, the demo world if asked,
// and the live simulation on a possibly accelerated clock (server and simulator share it; after a restart it
// continues from the simulated time already reached).
import { openDatabase, type DatabaseOptions } from './db/open';
import { acceleratedClock, resumeAt } from './sim/clock';
import { startSimulation, type RunningSimulation } from './sim/simulator';
import { startServer, type RunningServer } from './start';

export interface BootOptions {
  database: DatabaseOptions;
  host?: string;
  port: number;
  staticDir: string | null;
  demo: { orders: number; seed: number; surge: boolean } | null;
  /** Run the live demo; speed 1 is real time, 60 makes a simulated minute pass every second. */
  simulate: { speed: number } | null;
  engineIntervalMs?: number;
  logger?: boolean;
}

export interface Booted {
  server: RunningServer;
  simulation: RunningSimulation | null;
  close(): Promise<void>;
}

export async function boot(options: BootOptions): Promise<Booted> {
  const database = await openDatabase(options.database);
  await database.migrate();
  const speed = options.simulate?.speed ?? 1;
  const now =
    options.simulate && speed !== 1
      ? acceleratedClock({ speed, from: await resumeAt(database.db) })
      : Date.now;
  const server = await startServer({
    database,
    ...(options.host ? { host: options.host } : {}),
    port: options.port,
    staticDir: options.staticDir,
    demo: options.demo,
    now,
    ...(options.engineIntervalMs ? { engineIntervalMs: options.engineIntervalMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const simulation = options.simulate
    ? startSimulation(database.db, {
        now,
        speed,
        seed: options.demo?.seed ?? 11,
        onError: (err) => server.app.log.error({ err }, 'simulation tick failed'),
      })
    : null;
  return {
    server,
    simulation,
    async close() {
      await simulation?.stop();
      await server.close();
    },
  };
}

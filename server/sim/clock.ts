// A server clock that runs `speed` times faster than real time, for `serve --simulate --speed X`. The server and
// the simulator share it. On a restart it should continue from the simulated time the database already reached
// (resumeAt), or the orders written in the previous run would lie in the new clock's future.
import type { Db } from '../db/open';
import { DEMO_WAREHOUSE_ID } from '../demo/catalog';
import { loadState } from './store';

/** now() = from + (real time since the call) × speed. */
export function acceleratedClock(options: {
  speed: number;
  from: number;
  realNow?: () => number;
}): () => number {
  const realNow = options.realNow ?? Date.now;
  const start = realNow();
  return () => options.from + Math.round((realNow() - start) * options.speed);
}

/** Where a sped-up clock should start: the later of real now and the simulator's last tick on this database. */
export async function resumeAt(
  db: Db,
  realNow: number = Date.now(),
  warehouseId: string = DEMO_WAREHOUSE_ID,
): Promise<number> {
  const state = await loadState(db, warehouseId);
  return Math.max(realNow, state?.lastTick ?? realNow);
}

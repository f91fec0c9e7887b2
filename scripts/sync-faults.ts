// `npm run test:sync-faults -- [--runs N] [--seed S]`: the model-based sync fault test with a chosen number of
// random sequences (default 200, as in CI) and, to reproduce a failure, the seed it printed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' } },
});
const env = {
  ...process.env,
  SYNC_FAULT_RUNS: values.runs,
  ...(values.seed ? { SYNC_FAULT_SEED: values.seed } : {}),
};
const run = spawnSync(
  process.execPath,
  [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'sync-faults'],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(run.status ?? 1);

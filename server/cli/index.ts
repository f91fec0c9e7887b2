// `npm run desk -- <command>`: the admin CLI (brief section 4). Each command takes --data-dir DIR (PGlite) or
// uses DATABASE_URL when set.
import { parseArgs } from 'node:util';
import { runMigrate, runSeed, runServe, runUserAdd } from './commands';
import { runBackup, runRestore, runRetention } from './data-commands';
import { runImport, runStats } from './import-commands';

const USAGE = `usage: npm run desk -- <command> [options]

commands:
  serve [--port N] [--host H] [--demo [--surge]] [--orders N] [--simulate [--speed X]] [--ui DIR] [--engine-ms N]
        start the sync server (and the built UI, if --ui or dist/renderer exists)
  migrate                      apply database migrations
  seed --demo [--orders N] [--seed N] [--surge]
                               create the demo warehouse, users and orders (once)
  user add --username U --name NAME --role coordinator|lead|admin --warehouse ID [--warehouse ID...]
                               create a user; the password is read from stdin (one line)
  import --format olist|csv --file FILE [--mapping FILE] [--tz ZONE] [--warehouse ID] [--errors FILE] [--now T]
                               import orders from .csv or .csv.gz (docs/import.md)
  stats [--json] [--now "YYYY-MM-DD HH:MM:SS"] [--warehouse ID] [--tz ZONE]
                               overdue and late-shipment figures
  backup --to FILE [--server URL --user NAME]
                               a consistent snapshot of the embedded store; with --server, of a running server
                               (the admin password is read from stdin)
  restore --from FILE --data-dir DIR [--force]
                               restore a backup into a new folder
  retention [--closed-days N] [--audit-days N]
                               remove cases closed more than N days ago (default 90) and audit entries older
                               than N days (default 365)

every command: --data-dir DIR (PGlite folder, default .desk/data) or DATABASE_URL=postgres://...`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      surge: { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      speed: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      server: { type: 'string' },
      user: { type: 'string' },
      force: { type: 'boolean', default: false },
      'closed-days': { type: 'string' },
      'audit-days': { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      ui: { type: 'string' },
      'engine-ms': { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      warehouse: { type: 'string', multiple: true },
      format: { type: 'string' },
      file: { type: 'string' },
      mapping: { type: 'string' },
      tz: { type: 'string' },
      errors: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      return runServe(values);
    case 'migrate':
      return runMigrate(values);
    case 'backup':
      return runBackup(values);
    case 'restore':
      return runRestore(values);
    case 'retention':
      return runRetention(values);
    case 'seed':
      return runSeed(values);
    case 'user':
      if (sub === 'add') return runUserAdd(values);
      break;
    case 'import':
      return runImport(values);
    case 'stats':
      return runStats(values);
  }
  console.error(`unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

// How much of the machine other work took while a scenario ran: CPU time of the whole machine (/proc/stat)
// minus that of this benchmark's own process tree (the bench, the server in it, Chromium, the load process)
// and of the PostgreSQL backends serving its database, as a share of all cores. The machine is shared; a figure measured while others used half of it is not
// comparable with one measured on a quiet machine. Linux only; elsewhere it reports null.
import { readdirSync, readFileSync } from 'node:fs';

interface Snapshot {
  busy: number;
  total: number;
  mine: number;
}

function cpuTotals(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, ...fields] = line.trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((s, x) => s + x, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}

let ownedDatabase: string | null = null;

/** PostgreSQL backends whose command line names this database work for the benchmark. */
export function ownDatabase(name: string | null): void {
  ownedDatabase = name;
}

/**
 * utime+stime+cutime+cstime of every live process under (and including) `root`, and of the PostgreSQL backends
 * of the owned database.
 */
function treeJiffies(root: number): number {
  const parent = new Map<number, number>();
  const used = new Map<number, number>();
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] is field 3 (state): ppid is field 4, utime..cstime fields 14-17.
      const jiffies = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
      if (ownedDatabase && stat.includes('(postgres)')) {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmd.includes(` ${ownedDatabase} `)) {
          sum += jiffies;
          continue;
        }
      }
      parent.set(Number(entry), Number(rest[1]));
      used.set(Number(entry), jiffies);
    } catch {
      // the process ended while we looked
    }
  }
  for (const [pid, jiffies] of used) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        sum += jiffies;
        break;
      }
    }
  }
  return sum;
}

function snapshot(): Snapshot | null {
  try {
    return { ...cpuTotals(), mine: treeJiffies(process.pid) };
  } catch {
    return null;
  }
}

export interface Contention {
  /** Share of all cores used by other processes, percent. */
  othersPct: number;
  /** Share of all cores used by the benchmark's own processes, percent. */
  benchPct: number;
}

/** Starts a measurement; the returned function ends it. */
export function meter(): () => Contention | null {
  const a = snapshot();
  return () => {
    const b = snapshot();
    if (!a || !b || b.total <= a.total) return null;
    const total = b.total - a.total;
    const mine = Math.max(0, b.mine - a.mine);
    const others = Math.max(0, b.busy - a.busy - mine);
    return {
      othersPct: Math.round((1000 * others) / total) / 10,
      benchPct: Math.round((1000 * mine) / total) / 10,
    };
  };
}

/**
 * Waits until other processes use less than `maxOthersPct` of the machine over a 2 s window, for at most
 * `maxWaitMs`. Returns the milliseconds waited and the last window's figure.
 */
export async function awaitQuiet(
  maxOthersPct: number,
  maxWaitMs: number,
): Promise<{ waitedMs: number; othersPct: number | null }> {
  const started = performance.now();
  for (;;) {
    const stop = meter();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const c = stop();
    const waitedMs = performance.now() - started;
    if (!c || c.othersPct < maxOthersPct || waitedMs >= maxWaitMs)
      return { waitedMs, othersPct: c?.othersPct ?? null };
  }
}

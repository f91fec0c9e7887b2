// Prints bench/results/latest.json (or the file given) as the Markdown table of docs/performance.md.
import { readFileSync } from 'node:fs';
import { markdownTable, type Results } from './report';

const results = JSON.parse(readFileSync(process.argv[2] ?? 'bench/results/latest.json', 'utf8')) as Results;
const m = results.machine;
console.log(
  `${String(m.cpu)}, ${String(m.cores)} cores, ${String(m.memoryGiB)} GiB, ${String(m.os)}; Node ${String(m.node)}, Chromium ${String(m.chromium)}, ${String(m.database)}; ${String(m.cases)} cases; ${String(m.date)}; load average ${String(m.loadAverageStart)} → ${String(m.loadAverageEnd)}\n`,
);
console.log(markdownTable(results));

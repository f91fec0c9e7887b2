// The metrics of issue 5 with their targets, small statistics helpers, the results file and the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type MetricKey =
  | 'initialSync100k_ms'
  | 'warmStartFirstRows_ms'
  | 'warmStartAllFilterable_ms'
  | 'filterKeystroke_p95_ms'
  | 'resort_ms'
  | 'scrollP95_ms'
  | 'scrollLateFramePct'
  | 'scrollFramesOver50'
  | 'deltaSync1k_ms'
  | 'actionVisible_ms'
  | 'actionDurable_ms'
  | 'heapPerCase_bytes'
  | 'pull100kBytes'
  | 'pokeToPeerP95_ms'
  | 'pushMutationsPerSec'
  | 'olistImport_ms';

export interface MetricSpec {
  key: MetricKey;
  target: number;
  /** 'max': the value must not exceed the target; 'min': it must reach it. */
  kind: 'max' | 'min';
  unit: string;
}

export const METRICS: readonly MetricSpec[] = [
  { key: 'initialSync100k_ms', target: 10_000, kind: 'max', unit: 'ms' },
  { key: 'warmStartFirstRows_ms', target: 300, kind: 'max', unit: 'ms' },
  { key: 'warmStartAllFilterable_ms', target: 1_500, kind: 'max', unit: 'ms' },
  { key: 'filterKeystroke_p95_ms', target: 50, kind: 'max', unit: 'ms' },
  { key: 'resort_ms', target: 100, kind: 'max', unit: 'ms' },
  { key: 'scrollP95_ms', target: 17, kind: 'max', unit: 'ms' },
  { key: 'scrollLateFramePct', target: 2, kind: 'max', unit: '%' },
  { key: 'scrollFramesOver50', target: 1, kind: 'max', unit: 'frames' },
  { key: 'deltaSync1k_ms', target: 500, kind: 'max', unit: 'ms' },
  { key: 'actionVisible_ms', target: 16, kind: 'max', unit: 'ms' },
  { key: 'actionDurable_ms', target: 50, kind: 'max', unit: 'ms' },
  { key: 'heapPerCase_bytes', target: 2_048, kind: 'max', unit: 'B' },
  { key: 'pull100kBytes', target: 15_000_000, kind: 'max', unit: 'B' },
  { key: 'pokeToPeerP95_ms', target: 1_000, kind: 'max', unit: 'ms' },
  { key: 'pushMutationsPerSec', target: 1_000, kind: 'min', unit: '/s' },
  { key: 'olistImport_ms', target: 5_000, kind: 'max', unit: 'ms' },
];

export type Metrics = Record<MetricKey, number | null>;

export interface Results {
  machine: Record<string, string | number | null>;
  metrics: Metrics;
  /** The naive design measured in the same run, per key (null: no baseline, see notes). */
  baselines: Record<MetricKey, number | null>;
  /** value / baseline. */
  ratios: Record<MetricKey, number | null>;
  /** Why a value or a baseline is missing, and what each one measured. */
  notes: Record<string, string>;
  /** Secondary figures (per-run values, PGlite beside PostgreSQL, breakdowns). */
  details: Record<string, unknown>;
}

export const emptyMetrics = (): Metrics => Object.fromEntries(METRICS.map((m) => [m.key, null])) as Metrics;

// ---- statistics ----

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1]!;
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

// ---- output ----

function fmt(x: number | null, unit = ''): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const n = x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '%' ? `${n}%` : n;
}

export function verdict(spec: MetricSpec, value: number | null): 'pass' | 'MISS' | 'skipped' {
  if (value === null || !Number.isFinite(value)) return 'skipped';
  return (spec.kind === 'max' ? value <= spec.target : value >= spec.target) ? 'pass' : 'MISS';
}

/** The readable table: key, target, value, baseline, ratio, verdict. */
export function table(results: Results): string {
  const rows = [['metric', 'target', 'value', 'baseline', 'value/baseline', 'verdict']];
  for (const spec of METRICS) {
    const value = results.metrics[spec.key];
    const ratio = results.ratios[spec.key];
    rows.push([
      spec.key,
      `${spec.kind === 'max' ? '≤' : '≥'} ${fmt(spec.target, spec.unit)}`,
      fmt(value, spec.unit),
      fmt(results.baselines[spec.key], spec.unit),
      ratio === null ? '—' : `${ratio < 0.01 ? ratio.toPrecision(2) : fmt(ratio)}×`,
      verdict(spec, value),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md (`npx tsx bench/markdown.ts`). */
export function markdownTable(results: Results): string {
  const lines = [
    '| metric | target | value | naive baseline | value / baseline | verdict |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const spec of METRICS) {
    const value = results.metrics[spec.key];
    const ratio = results.ratios[spec.key];
    const v = verdict(spec, value);
    lines.push(
      `| \`${spec.key}\` | ${spec.kind === 'max' ? '≤' : '≥'} ${fmt(spec.target, spec.unit)} | ${fmt(value, spec.unit)} | ${fmt(results.baselines[spec.key], spec.unit)} | ${ratio === null ? '—' : `${ratio < 0.01 ? ratio.toPrecision(2) : fmt(ratio)}×`} | ${v === 'MISS' ? '**miss**' : v} |`,
    );
  }
  return lines.join('\n');
}

export function ratiosOf(metrics: Metrics, baselines: Record<MetricKey, number | null>) {
  const out = emptyMetrics();
  for (const { key } of METRICS) {
    const v = metrics[key];
    const b = baselines[key];
    out[key] = v !== null && b !== null && b !== 0 && Number.isFinite(v) && Number.isFinite(b) ? v / b : null;
  }
  return out;
}

export function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

// Where scrolled frames' time goes, from a Chromium trace of the renderer's main thread: style, layout, paint and
// script against garbage collection (V8's and Blink's), and how many elements the style passes touched. Only for
// the bench's details: it is how the per-row inline style was found to be the scroll's cost, not the collector
// (docs/performance.md).
import type { CDPSession } from 'playwright';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { elementCount?: number };
}

const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.gc',
  'blink.gc',
  'cppgc',
  'disabled-by-default-cppgc',
  'disabled-by-default-v8.gc',
  'disabled-by-default-devtools.timeline',
].join(',');

/** Event names worth summing; they nest (style inside an animation frame), so each is summed on its own. */
const WATCH = [
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_INCREMENTAL',
  'V8.GC_MARK_COMPACTOR',
  'V8.GC_SCAVENGER',
  'CppGC.IncrementalMark',
  'CppGC.IncrementalSweep',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'FunctionCall',
  'FireAnimationFrame',
];

export interface TraceSummary {
  /** Per watched event name on the renderer's main thread: how many and their summed duration in ms. */
  mainThread: Record<string, { count: number; ms: number }>;
  /** Elements whose style was recomputed, summed over the style passes (UpdateLayoutTree). */
  styledElements: number;
}

/** Runs `work` under a trace and sums the watched events of the renderer's main thread. */
export async function traceDuring(cdp: CDPSession, work: () => Promise<void>): Promise<TraceSummary> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  // The main thread is the one that ran the animation-frame callbacks.
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const frames = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FireAnimationFrame') frames.set(thread(e), (frames.get(thread(e)) ?? 0) + 1);
  const main = [...frames].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mainThread: TraceSummary['mainThread'] = {};
  let styledElements = 0;
  for (const e of events) {
    if (thread(e) !== main) continue;
    if (e.name === 'UpdateLayoutTree' && typeof e.args?.elementCount === 'number')
      styledElements += e.args.elementCount;
    if (e.ph !== 'X' || !WATCH.includes(e.name)) continue;
    const s = (mainThread[e.name] ??= { count: 0, ms: 0 });
    s.count++;
    s.ms += (e.dur ?? 0) / 1000;
  }
  for (const s of Object.values(mainThread)) s.ms = Math.round(s.ms * 10) / 10;
  return { mainThread, styledElements };
}

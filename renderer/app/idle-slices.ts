// Long work over every case (100,000 of them) split into slices that fit between frames. A single pass took
// 15-18 ms on the two-core hosts, and when the browser is never idle (a fast scroll, typing) the idle callback's
// timeout ran it in one task anyway: one late frame every few seconds (docs/performance.md).

/** Tells a step whether it may go on; steps check it every few hundred items, not per item. */
export type MayContinue = () => boolean;

/** Does part of the work while `more()` holds; returns true once all of it is done. */
export type Step = (more: MayContinue) => boolean;

/** Work per slice when the browser is never idle and the timeout forces a slice. */
export const FORCED_SLICE_MS = 3;
/**
 * Work per slice in idle time. An idle period lasts up to 50 ms, and a click that arrives meanwhile waits for the
 * slice to end: the claim's time to the screen counts from the click.
 */
export const IDLE_SLICE_MS = 5;

export interface IdleScheduler {
  request: (cb: (deadline: IdleDeadline) => void, opts: { timeout: number }) => number;
  cancel: (id: number) => void;
  now: () => number;
}

const browserScheduler = (): IdleScheduler | null =>
  typeof requestIdleCallback === 'function'
    ? {
        request: (cb, opts) => requestIdleCallback(cb, opts),
        cancel: (id) => cancelIdleCallback(id),
        now: () => performance.now(),
      }
    : null;

/**
 * Runs `step` in idle time until it reports done, then calls `done`. A slice lasts IDLE_SLICE_MS or what is left
 * of the idle period if less; a slice forced by the timeout (the browser was busy for `timeoutMs`) lasts
 * FORCED_SLICE_MS. Without idle
 * callbacks (tests in Node) the whole work runs at once. Returns a cancel function.
 */
export function runInIdleSlices(
  step: Step,
  done: () => void,
  timeoutMs: number,
  scheduler: IdleScheduler | null = browserScheduler(),
): () => void {
  if (!scheduler) {
    step(() => true);
    done();
    return () => {};
  }
  let id: number | null = null;
  const slice = (deadline: IdleDeadline) => {
    id = null;
    const start = scheduler.now();
    const more = deadline.didTimeout
      ? () => scheduler.now() < start + FORCED_SLICE_MS
      : () => deadline.timeRemaining() > 1 && scheduler.now() < start + IDLE_SLICE_MS;
    if (step(more)) done();
    else id = scheduler.request(slice, { timeout: timeoutMs });
  };
  id = scheduler.request(slice, { timeout: timeoutMs });
  return () => {
    if (id !== null) scheduler.cancel(id);
    id = null;
  };
}

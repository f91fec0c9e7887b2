import { describe, expect, it } from 'vitest';
import { FORCED_SLICE_MS, IDLE_SLICE_MS, runInIdleSlices, type IdleScheduler } from './idle-slices';

/** A scheduler whose idle periods and clock the test drives. */
function fakeScheduler() {
  let clock = 0;
  const queue: { id: number; cb: (d: IdleDeadline) => void; timeout: number }[] = [];
  let next = 1;
  const scheduler: IdleScheduler = {
    request: (cb, opts) => {
      queue.push({ id: next, cb, timeout: opts.timeout });
      return next++;
    },
    cancel: (id) => {
      const i = queue.findIndex((q) => q.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
    now: () => clock,
  };
  return {
    scheduler,
    pending: () => queue.length,
    timeouts: () => queue.map((q) => q.timeout),
    /** Runs the oldest callback as an idle period of `idleMs`, or as forced by its timeout when null. */
    fire(idleMs: number | null) {
      const q = queue.shift()!;
      const end = clock + (idleMs ?? 0);
      q.cb({ didTimeout: idleMs === null, timeRemaining: () => Math.max(0, end - clock) });
    },
    advance: (ms: number) => (clock += ms),
  };
}

/** Work of `items` items, each costing `msEach` of the fake clock; records the items done per slice. */
function work(fake: ReturnType<typeof fakeScheduler>, items: number, msEach: number) {
  let done = 0;
  const slices: number[] = [];
  const step = (more: () => boolean) => {
    let n = 0;
    while (done < items && more()) {
      fake.advance(msEach);
      done++;
      n++;
    }
    slices.push(n);
    return done === items;
  };
  return { step, slices, done: () => done };
}

describe('runInIdleSlices', () => {
  it('works while the idle period lasts, at most IDLE_SLICE_MS, and goes on in the next one until done', () => {
    const fake = fakeScheduler();
    const w = work(fake, 100, 1);
    let finished = 0;
    runInIdleSlices(w.step, () => finished++, 500, fake.scheduler);
    expect(fake.timeouts()).toEqual([500]);
    fake.fire(3); // 3 ms idle: stops when under 1 ms is left
    expect(w.done()).toBe(2);
    fake.fire(50); // a long idle period: a slice still ends after IDLE_SLICE_MS, so a click never waits long
    expect(w.slices).toEqual([2, IDLE_SLICE_MS]);
    expect(finished).toBe(0);
    while (fake.pending()) fake.fire(50);
    expect(w.done()).toBe(100);
    expect(finished).toBe(1);
  });

  it('does a short slice when the timeout forces it (the browser was never idle)', () => {
    const fake = fakeScheduler();
    const w = work(fake, 100, 0.5);
    runInIdleSlices(w.step, () => {}, 500, fake.scheduler);
    fake.fire(null);
    expect(w.slices).toEqual([FORCED_SLICE_MS / 0.5]);
    expect(fake.pending()).toBe(1);
  });

  it('stops when cancelled', () => {
    const fake = fakeScheduler();
    const w = work(fake, 100, 1);
    let finished = 0;
    const cancel = runInIdleSlices(w.step, () => finished++, 500, fake.scheduler);
    fake.fire(10);
    cancel();
    expect(fake.pending()).toBe(0);
    expect(finished).toBe(0);
  });

  it('runs everything at once without idle callbacks', () => {
    let finished = 0;
    let calls = 0;
    runInIdleSlices(
      (more) => {
        calls++;
        return more();
      },
      () => finished++,
      500,
      null,
    );
    expect([calls, finished]).toEqual([1, 1]);
  });
});

import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAX_LATE_MS, QUIET_MS, quietFor, stepToShow, useQuietStep } from './input-quiet';

const STEP = 30_000;
const T0 = 1_800_000_000_000; // a step boundary

describe('the ranking step waits for a quiet moment', () => {
  it('moves on only when the input is quiet or the step is too late', () => {
    expect(stepToShow(T0, T0 + 5_000, STEP, Infinity)).toBe(T0);
    expect(stepToShow(T0, T0 + STEP + 1_000, STEP, QUIET_MS - 1)).toBe(T0);
    expect(stepToShow(T0, T0 + STEP + 1_000, STEP, QUIET_MS)).toBe(T0 + STEP);
    expect(stepToShow(T0, T0 + STEP + MAX_LATE_MS - 1, STEP, 0)).toBe(T0);
    expect(stepToShow(T0, T0 + STEP + MAX_LATE_MS, STEP, 0)).toBe(T0 + 2 * STEP);
    // Several steps behind: straight to the one due.
    expect(stepToShow(T0, T0 + 3 * STEP, STEP, Infinity)).toBe(T0 + 3 * STEP);
    // A clock set back: follows it at once.
    expect(stepToShow(T0, T0 - 1, STEP, 0)).toBe(T0 - STEP);
  });

  it('counts scrolling in any element, typing and pointer presses as input', () => {
    const box = document.createElement('div');
    document.body.append(box);
    quietFor(); // starts listening
    for (const [target, event] of [
      [box, new Event('scroll')],
      [document.body, new KeyboardEvent('keydown', { bubbles: true })],
      [box, new Event('pointerdown', { bubbles: true })],
    ] as const) {
      vi.spyOn(performance, 'now').mockReturnValue(1_000);
      target.dispatchEvent(event);
      vi.spyOn(performance, 'now').mockReturnValue(1_200);
      expect(quietFor()).toBe(200);
      vi.restoreAllMocks();
    }
    box.remove();
  });

  it('holds the step in a component while the list scrolls, then moves on once quiet', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const seen: number[] = [];
      function Probe({ now }: { now: number }) {
        seen.push(useQuietStep(now, STEP));
        return null;
      }
      const { rerender } = render(<Probe now={T0 + 29_000} />);
      window.dispatchEvent(new Event('wheel'));
      rerender(<Probe now={T0 + STEP + 100} />);
      expect(seen.at(-1)).toBe(T0);
      act(() => {
        vi.advanceTimersByTime(QUIET_MS);
      });
      expect(seen.at(-1)).toBe(T0 + STEP);
    } finally {
      vi.useRealTimers();
    }
  });
});

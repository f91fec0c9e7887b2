// When the person last scrolled, typed, clicked or turned the wheel. Work that can wait a moment (the ranking's
// 30 s time step: re-scoring and re-sorting 100,000 cases, a task of 50-100 ms) waits for a quiet moment instead
// of landing in a scrolled frame or between two keystrokes, and the rows do not reorder under a moving list.
import { useEffect, useState } from 'react';

/** Input-free time that counts as a quiet moment. */
export const QUIET_MS = 500;
/** A step waits at most this long for a quiet moment (a list scrolled without pause for a minute still moves on). */
export const MAX_LATE_MS = 30_000;

let lastInput = -Infinity;
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const mark = () => {
    lastInput = performance.now();
  };
  // Capture: scroll events do not bubble, but every one passes the window on its way down.
  for (const type of ['keydown', 'pointerdown', 'wheel', 'scroll', 'touchmove'])
    window.addEventListener(type, mark, { capture: true, passive: true });
}

/** Milliseconds since the last input (Infinity before any). */
export function quietFor(): number {
  listen();
  return performance.now() - lastInput;
}

/**
 * The step to show: the one due (`now` rounded down to `stepMs`) once the input has been quiet for QUIET_MS or
 * the step after the one shown has been due for MAX_LATE_MS; until then the one shown.
 */
export function stepToShow(shown: number, now: number, stepMs: number, quietMs: number): number {
  const due = Math.floor(now / stepMs) * stepMs;
  if (due <= shown) return due;
  // Late: since the first step after the one shown fell due.
  return quietMs >= QUIET_MS || now - (shown + stepMs) >= MAX_LATE_MS ? due : shown;
}

/** `now` rounded down to `stepMs`, moved on in a quiet moment (stepToShow). */
export function useQuietStep(now: number, stepMs: number): number {
  const [shown, setShown] = useState(() => Math.floor(now / stepMs) * stepMs);
  const next = stepToShow(shown, now, stepMs, quietFor());
  // Adjusting state while rendering (React's pattern for state that follows props): no extra effect pass.
  if (next !== shown) setShown(next);
  useEffect(() => {
    if (Math.floor(now / stepMs) * stepMs === next) return;
    // Not quiet yet: look again when it could be (the next `now`, every second, looks too).
    const timer = setTimeout(
      () => setShown((s) => stepToShow(s, now, stepMs, quietFor())),
      Math.max(0, QUIET_MS - quietFor()),
    );
    return () => clearTimeout(timer);
  }, [next, now, stepMs]);
  return next;
}

// When the person last scrolled, typed, clicked or turned the wheel. Work that can wait a moment (the ranking's
// 30 s time step: re-scoring and re-sorting 100,000 cases, a task of 50-100 ms) waits for a quiet moment instead
// of landing in a scrolled frame or between two keystrokes, and the rows do not reorder under a moving list.
/** Input-free time that counts as a quiet moment. */
export const QUIET_MS = 500;
/** Held work waits at most this long for a quiet moment (a list scrolled without pause still moves on). */
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

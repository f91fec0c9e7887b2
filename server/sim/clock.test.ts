import { describe, expect, it } from 'vitest';
import { acceleratedClock } from './clock';

describe('acceleratedClock', () => {
  it('runs speed times faster than the real clock, from the given instant', () => {
    let real = 1_000_000;
    const now = acceleratedClock({ speed: 60, from: 5_000, realNow: () => real });
    expect(now()).toBe(5_000);
    real += 1_000; // a real second
    expect(now()).toBe(65_000); // a simulated minute
    real += 60_000;
    expect(now()).toBe(5_000 + 61 * 60_000);
  });
});

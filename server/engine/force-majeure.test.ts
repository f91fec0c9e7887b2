import { describe, expect, it } from 'vitest';
import { shiftFor } from './force-majeure';

describe('force-majeure shift', () => {
  it('gives back the part of the window before the deadline', () => {
    expect(shiftFor(100, 50, 80)).toBe(30); // deadline after the window: the whole window
    expect(shiftFor(70, 50, 80)).toBe(20); // deadline inside: from the start to the deadline
    expect(shiftFor(40, 50, 80)).toBe(0); // already due before it began: no shift
  });
});

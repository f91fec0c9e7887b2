import { describe, expect, it, vi } from 'vitest';
import { quietFor } from './input-quiet';

describe('the time since the last input', () => {
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
});

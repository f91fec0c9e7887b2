import { describe, expect, it } from 'vitest';
import { listSlot } from './list-slot';

describe('listSlot', () => {
  it('keeps one value per list and per slot, without changing what the list holds', () => {
    const a = listSlot<string>('a');
    const b = listSlot<number>('a'); // the same name is still another slot
    const one = [1, 2];
    const two = [1, 2];
    a.set(one, 'first');
    b.set(one, 7);
    expect([a.get(one), b.get(one), a.get(two)]).toEqual(['first', 7, undefined]);
    expect([...one]).toEqual([1, 2]);
    expect(Object.keys(one)).toEqual(['0', '1']);
  });
});

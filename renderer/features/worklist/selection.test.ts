import { describe, expect, it } from 'vitest';
import { checkRange, toggleChecked } from './selection';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

describe('ticking cases', () => {
  it('toggles one', () => {
    expect([...toggleChecked(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggleChecked(new Set(['a', 'b']), 'a')]).toEqual(['b']);
  });

  it('ticks a range from the anchor, in either direction', () => {
    expect([...checkRange(new Set(['b']), rows, 'b', 'd')].sort()).toEqual(['b', 'c', 'd']);
    expect([...checkRange(new Set(['d']), rows, 'd', 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('unticks a range when the clicked row was ticked', () => {
    expect([...checkRange(new Set(['a', 'b', 'c', 'd']), rows, 'a', 'c')]).toEqual(['d']);
  });

  it('falls back to a single toggle without an anchor in the list', () => {
    expect([...checkRange(new Set(), rows, null, 'c')]).toEqual(['c']);
    expect([...checkRange(new Set(['x']), rows, 'x', 'c')].sort()).toEqual(['c', 'x']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../data/worklist-filter';
import { readViews, viewsKey, withView } from './saved-views';

const view = {
  bucket: 'overdue' as const,
  search: '王',
  filters: { ...DEFAULT_FILTERS, platforms: ['jd' as const], assignee: 'me' as const },
};

describe('saved views', () => {
  it('adds views and replaces one saved again under the same name', () => {
    const one = withView([], ' 我的京东 ', view, 'v1');
    expect(one).toMatchObject([{ id: 'v1', name: '我的京东', bucket: 'overdue', search: '王' }]);
    const two = withView(one, '我的京东', { ...view, bucket: 'all' }, 'v2');
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ id: 'v1', bucket: 'all' });
  });

  it('reads back per user what was written, and nothing from a damaged entry', () => {
    localStorage.setItem(viewsKey('u1'), JSON.stringify(withView([], 'A', view, 'v1')));
    expect(readViews(localStorage, 'u1')[0]?.filters.platforms).toEqual(['jd']);
    expect(readViews(localStorage, 'u2')).toEqual([]);
    localStorage.setItem(viewsKey('u3'), '{not json');
    expect(readViews(localStorage, 'u3')).toEqual([]);
  });

  it('keeps a view whose filters use an unknown value, with that filter reset', () => {
    const stored = withView([], 'A', view, 'v1');
    const damaged = [{ ...stored[0], filters: { ...stored[0]!.filters, platforms: ['mars'] } }];
    localStorage.setItem(viewsKey('u4'), JSON.stringify(damaged));
    expect(readViews(localStorage, 'u4')[0]?.filters.platforms).toEqual([]);
  });
});

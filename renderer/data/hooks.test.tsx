import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/types';
import { sampleCase } from '../../shared/test-data';
import type { PullResponse } from '../../shared/sync/protocol';
import type { DeskRuntime } from '../app/runtime';
import { RuntimeContext } from '../app/runtime-context';
import { useDerived, useStoreValue } from './hooks';
import { DeskDb } from './local-db';
import { LocalStore } from './local-store';

const zhang: Actor = { userId: 'u-zhang', role: 'coordinator', warehouseIds: ['wh-1'] };
const page = (changes: Extract<PullResponse, { type: 'page' }>['changes']) =>
  ({ type: 'page', changes, cursor: 'c', hasMore: false, lastMutationId: 0, serverTime: 1_000 }) as const;
const warehouse = (name: string) =>
  ({
    op: 'put',
    kind: 'warehouse',
    value: { id: 'wh-1', name, city: '杭州', timezone: 'Asia/Shanghai' },
  }) as const;

describe('useStoreValue', () => {
  it('re-renders when its value changes, not on every change of the local data', async () => {
    const store = await LocalStore.open(new DeskDb(`hooks-${Math.random()}`), zhang);
    await store.applyPage(page([warehouse('杭州仓')]), 1_000);
    const renders = { value: 0, derived: 0 };
    const seen: string[] = [];
    function Name() {
      renders.value++;
      const name = useStoreValue((s) => s.memory.directory.warehouse.get('wh-1')?.name ?? '');
      seen.push(name);
      return null;
    }
    function Derived() {
      renders.derived++;
      useDerived(() => store.memory.directory.warehouse.get('wh-1')?.name, [store]);
      return null;
    }
    render(
      <RuntimeContext.Provider value={{ store } as unknown as DeskRuntime}>
        <Name />
        <Derived />
      </RuntimeContext.Provider>,
    );
    const before = { ...renders };
    // A case arrives and an action is taken: the data changes, the warehouse name does not.
    await act(async () => {
      await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
      await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    });
    expect(renders.value).toBe(before.value);
    expect(renders.derived).toBeGreaterThan(before.derived);
    await act(async () => {
      await store.applyPage(page([warehouse('杭州一号仓')]), 1_000);
    });
    expect(seen.at(-1)).toBe('杭州一号仓');
    store.close();
  });
});

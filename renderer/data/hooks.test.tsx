import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/types';
import { sampleCase } from '../../shared/test-data';
import type { PullResponse } from '../../shared/sync/protocol';
import type { DeskRuntime } from '../app/runtime';
import { RuntimeContext } from '../app/runtime-context';
import {
  sameDerived,
  useCase,
  useDerived,
  useHasPending,
  usePersonName,
  useRefusedFor,
  useStoreValue,
} from './hooks';
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

const openStore = () => LocalStore.open(new DeskDb(`hooks-${Math.random()}`), zhang);
const renderWith = (store: LocalStore, ui: ReactNode) =>
  render(<RuntimeContext.Provider value={{ store } as unknown as DeskRuntime}>{ui}</RuntimeContext.Provider>);

describe('useStoreValue', () => {
  it('re-renders when its value changes, not on every change of the local data', async () => {
    const store = await openStore();
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
    renderWith(
      store,
      <>
        <Name />
        <Derived />
      </>,
    );
    const before = { ...renders };
    // A case arrives and an action is taken: the data changes, the warehouse name does not.
    await act(async () => {
      await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
      await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    });
    expect(renders.value).toBe(before.value);
    expect(renders.derived).toBe(before.derived);
    await act(async () => {
      await store.applyPage(page([warehouse('杭州一号仓')]), 1_000);
    });
    expect(seen.at(-1)).toBe('杭州一号仓');
    store.close();
  });
});

describe('useDerived', () => {
  it('re-renders a case panel for its own case and its pending actions, not for other cases or sync pages', async () => {
    const store = await openStore();
    await store.applyPage(
      page([
        { op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) },
        { op: 'put', kind: 'case', value: sampleCase({ id: 'c2' }) },
      ]),
      1_000,
    );
    const seen: { assignee: string | null; pending: boolean; refused: number }[] = [];
    function Panel() {
      const c = useCase('c1');
      const pending = useHasPending('c1');
      // A new (empty) array on every read: re-renders only if its members change.
      const refused = useRefusedFor('c1');
      seen.push({ assignee: c?.assigneeId ?? null, pending, refused: refused.length });
      return null;
    }
    renderWith(store, <Panel />);
    const before = seen.length;
    // Another case changes, by a sync page and by an action: the panel's case does not.
    await act(async () => {
      await store.applyPage(
        page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c2', version: 2 }) }]),
        1_000,
      );
      await store.enqueue('claimCase', { caseId: 'c2', baseVersion: 2 });
    });
    expect(seen.length).toBe(before);
    // Its own case is claimed: shown at once, with the action pending.
    await act(async () => {
      await store.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    });
    expect(seen.at(-1)).toEqual({ assignee: 'u-zhang', pending: true, refused: 0 });
    store.close();
  });

  it('gives a new name lookup only when the directory changes', async () => {
    const store = await openStore();
    const person = (displayName: string) =>
      ({
        op: 'put',
        kind: 'person',
        value: { id: 'u-li', displayName, role: 'coordinator', warehouseId: 'wh-1' },
      }) as const;
    await store.applyPage(page([person('李娜')]), 1_000);
    const lookups: ((id: string | null) => string | null)[] = [];
    function Names() {
      lookups.push(usePersonName());
      return null;
    }
    renderWith(store, <Names />);
    const before = lookups.length;
    await act(async () => {
      await store.applyPage(page([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]), 1_000);
    });
    expect(lookups.length).toBe(before);
    await act(async () => {
      await store.applyPage(page([person('李娜（夜班）')]), 1_000);
    });
    // Re-rendered with a new lookup, so memoised rows showing the name render again.
    expect(lookups.length).toBeGreaterThan(before);
    expect(lookups.at(-1)).not.toBe(lookups[before - 1]);
    expect(lookups.at(-1)!('u-li')).toBe('李娜（夜班）');
    store.close();
  });
});

describe('sameDerived', () => {
  it('compares arrays and sets by their members, anything else by identity', () => {
    const a = { id: 1 };
    expect(sameDerived([a, 2], [a, 2])).toBe(true);
    expect(sameDerived([a, 2], [{ id: 1 }, 2])).toBe(false);
    expect(sameDerived([a], [a, a])).toBe(false);
    expect(sameDerived(new Set(['x', 'y']), new Set(['y', 'x']))).toBe(true);
    expect(sameDerived(new Set(['x', 'y']), new Set(['x', 'z']))).toBe(false);
    expect(sameDerived(new Set(['x']), new Set(['x', 'y']))).toBe(false);
    expect(sameDerived({ id: 1 }, { id: 1 })).toBe(false);
    expect(sameDerived(NaN, NaN)).toBe(true);
  });
});

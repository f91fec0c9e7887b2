import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../shared/test-data';
import { DeskDb } from './local-db';
import { LocalStore } from './local-store';
import { openWithRecovery } from './open-store';

const actor = { userId: 'u1', role: 'coordinator' as const, warehouseIds: ['wh-1'] };

describe('opening the local store', () => {
  it('opens a fresh sibling when the database cannot be opened, leaves the broken one alone, and says so', async () => {
    const memory = new Map<string, string>();
    const kv = {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
    };
    // The original holds a pending action, then starts failing to open.
    const original = await LocalStore.open(new DeskDb('broken-db'), actor);
    await original.applyPage(
      {
        type: 'page',
        changes: [{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }],
        cursor: 'x',
        hasMore: false,
        lastMutationId: 0,
        serverTime: 0,
      },
      0,
    );
    await original.enqueue('claimCase', { caseId: 'c1', baseVersion: 0 });
    original.close();
    const opened: string[] = [];
    const open = async (name: string) => {
      opened.push(name);
      if (name === 'broken-db') throw new Error('UnknownError: Internal error opening backing store');
      return LocalStore.open(new DeskDb(name), actor);
    };
    const first = await openWithRecovery('broken-db', open, kv);
    expect(first.recovered).toBe(true);
    expect(first.store.memory.cases.size).toBe(0);
    first.store.close();
    const again = await openWithRecovery('broken-db', open, kv);
    expect(opened).toEqual(['broken-db', 'broken-db-recovered', 'broken-db', 'broken-db-recovered']);
    again.store.close();
    // The original's outbox is untouched, ready for when it opens again.
    const healed = await LocalStore.open(new DeskDb('broken-db'), actor);
    expect(healed.memory.pendingCount).toBe(1);
    healed.close();
  });
});

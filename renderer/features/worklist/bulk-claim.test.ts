import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/mutators/types';
import { sampleCase } from '../../../shared/test-data';
import { DeskDb } from '../../data/local-db';
import { LocalStore } from '../../data/local-store';
import { claimAll } from './bulk-claim';

const zhang: Actor = { userId: 'u-zhang', role: 'coordinator', warehouseIds: ['wh-1'] };

describe('claimAll', () => {
  it('claims the open cases no colleague holds, in one write, and counts the ones it left', async () => {
    const store = await LocalStore.open(new DeskDb(`bulk-${Math.random()}`), zhang);
    await store.applyPage(
      {
        type: 'page',
        changes: [
          sampleCase({ id: 'free-1' }),
          sampleCase({ id: 'free-2' }),
          sampleCase({ id: 'mine', assigneeId: 'u-zhang' }),
          sampleCase({ id: 'colleague', assigneeId: 'u-li' }),
          sampleCase({ id: 'closed', status: 'resolved' }),
        ].map((value) => ({ op: 'put', kind: 'case', value })),
        cursor: 'c',
        hasMore: false,
        lastMutationId: 0,
        serverTime: 1_000,
      },
      1_000,
    );
    let heard = 0;
    store.subscribe(() => heard++);
    const result = await claimAll(store, zhang, [
      'free-1',
      'free-2',
      'free-1',
      'mine',
      'colleague',
      'closed',
      'gone',
    ]);
    expect(result).toEqual({ claimed: 2, skipped: 3 });
    expect(store.memory.outbox.map((e) => [e.name, e.targetId])).toEqual([
      ['claimCase', 'free-1'],
      ['claimCase', 'free-2'],
    ]);
    // Shown, then durable: two changes of the data for all of them, not two per case.
    expect(heard).toBe(2);
    store.close();
  });
});

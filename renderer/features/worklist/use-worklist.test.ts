import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../../shared/test-data';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { MAX_LATE_MS, QUIET_MS } from '../../app/input-quiet';
import { CaseMemory } from '../../data/case-memory';
import { rankIncrementally } from '../../data/ranking';
import { holdRerank } from './use-worklist';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const actor = { userId: 'u-me', role: 'coordinator', warehouseIds: ['wh-1'] } as const;
const put = (id: string, hours: number) =>
  ({ op: 'put', kind: 'case', value: sampleCase({ id, shipBy: NOW + hours * 3_600_000 }) }) as const;

describe('holding a big re-rank while the person scrolls or types', () => {
  const memory = new CaseMemory(actor, 'client-1');
  memory.applyChanges(Array.from({ length: 200 }, (_, i) => put(`c${i}`, (i % 40) - 20)));
  memory.rebuildOverlay();
  const ranking = rankIncrementally(null, memory, NOW, []);
  const busy = 0;
  const quiet = QUIET_MS;

  it('splices a few changed cases (an action) at once, busy or not', () => {
    memory.applyChanges([put('c1', -30), put('c2', 5)]);
    memory.rebuildOverlay();
    expect(holdRerank(ranking, memory, NOW, [], busy, 0)).toBe(false);
  });

  it('holds a sync of many cases and a time step until the input is quiet, or for MAX_LATE_MS at most', () => {
    memory.applyChanges(Array.from({ length: 60 }, (_, i) => put(`c${i * 3}`, -i)));
    memory.rebuildOverlay();
    expect(holdRerank(ranking, memory, NOW, [], busy, 0)).toBe(true);
    expect(holdRerank(ranking, memory, NOW, [], busy, MAX_LATE_MS - 1)).toBe(true);
    expect(holdRerank(ranking, memory, NOW, [], busy, MAX_LATE_MS)).toBe(false);
    expect(holdRerank(ranking, memory, NOW, [], quiet, 0)).toBe(false);
    const fresh = rankIncrementally(ranking, memory, NOW, []);
    expect(holdRerank(fresh, memory, NOW + 30_000, [], busy, 0)).toBe(true);
    const flag = { id: 'f', endsAt: NOW + 3_600_000 } as RiskFlag;
    expect(holdRerank(fresh, memory, NOW, [flag], busy, 0)).toBe(true);
    expect(holdRerank(fresh, memory, NOW, [], busy, 0)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../shared/test-data';
import { CaseMemory } from './case-memory';

describe('CaseMemory.directoryVersion', () => {
  it('moves with the directory (and a cleared base), not with cases or events', () => {
    const memory = new CaseMemory(
      { userId: 'u-zhang', role: 'coordinator', warehouseIds: ['wh-1'] },
      'client-1',
    );
    const start = memory.directoryVersion;
    memory.applyChanges([{ op: 'put', kind: 'case', value: sampleCase({ id: 'c1' }) }]);
    memory.applyChanges([{ op: 'del', kind: 'case', id: 'c1' }]);
    expect(memory.directoryVersion).toBe(start);
    memory.applyChanges([
      { op: 'put', kind: 'case', value: sampleCase({ id: 'c2' }) },
      {
        op: 'put',
        kind: 'person',
        value: { id: 'u-li', warehouseId: 'wh-1', displayName: '李娜', role: 'coordinator' },
      },
    ]);
    expect(memory.directoryVersion).toBe(start + 1);
    memory.applyChanges([{ op: 'del', kind: 'person', id: 'u-li' }]);
    expect(memory.directoryVersion).toBe(start + 2);
    memory.clearBase();
    expect(memory.directoryVersion).toBe(start + 3);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleCase, sampleRiskFlag } from '../../../shared/test-data';
import { buildWorklist, explain, withCurrentRisks } from './worklist-model';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const H = 3_600_000;

describe('buildWorklist', () => {
  const cases = [
    sampleCase({ id: 'late', shipBy: NOW - H, platformOrderId: '111222333' }),
    sampleCase({ id: 'soon', shipBy: NOW + 2 * H }),
    sampleCase({ id: 'later', shipBy: NOW + 10 * H }),
    sampleCase({ id: 'done', shipBy: NOW - 5 * H, status: 'resolved' }),
  ];

  it('lists open cases only, most urgent first, with bucket counts', () => {
    const list = buildWorklist(cases, NOW, { bucket: 'all', search: '' });
    expect(list.rows.map((r) => r.id)).toEqual(['late', 'soon', 'later']);
    expect(list.counts).toMatchObject({ all: 3, overdue: 1, due_4h: 1, due_12h: 1, due_24h: 0 });
  });

  it('filters by bucket and keeps the counts of all buckets', () => {
    const list = buildWorklist(cases, NOW, { bucket: 'due_4h', search: '' });
    expect(list.rows.map((r) => r.id)).toEqual(['soon']);
    expect(list.counts.all).toBe(3);
  });

  it('searches by order id, customer name and phone tail', () => {
    expect(buildWorklist(cases, NOW, { bucket: 'all', search: '222' }).rows.map((r) => r.id)).toEqual([
      'late',
    ]);
    expect(buildWorklist(cases, NOW, { bucket: 'all', search: '5678' }).rows).toHaveLength(3);
    expect(buildWorklist(cases, NOW, { bucket: 'all', search: '王芳' }).rows).toHaveLength(3);
    expect(buildWorklist(cases, NOW, { bucket: 'all', search: '李' }).rows).toHaveLength(0);
  });
});

describe('risk flags in the worklist and the explanation', () => {
  const rain = sampleRiskFlag(NOW, { note: '杭州暴雨' });
  const flagged = sampleCase({ id: 'zj', shipBy: NOW + 3 * H });
  const other = {
    ...sampleCase({ id: 'bj', shipBy: NOW + 2 * H }),
    order: { ...flagged.order, region: '北京' },
  };

  it('ranks flagged cases higher when flags are given', () => {
    expect(buildWorklist([flagged, other], NOW, { bucket: 'all', search: '' }).rows[0]!.id).toBe('bj');
    expect(
      buildWorklist([flagged, other], NOW, { bucket: 'all', search: '', flags: [rain] }).rows[0]!.id,
    ).toBe('zj');
  });

  it('explains the risk part and keeps the score in step', () => {
    const plain = explain(flagged, NOW);
    const risky = explain(flagged, NOW, [rain]);
    expect(risky.score).toBe(plain.score + 60);
    expect(risky.parts.at(-1)).toEqual({ reason: 'risk', points: 60, detail: 'f-rain' });
  });

  it('brings an explanation up to date with the flags as they are now', () => {
    const plain = explain(flagged, NOW);
    expect(withCurrentRisks(plain, flagged, NOW, [])).toBe(plain);
    const updated = withCurrentRisks(plain, flagged, NOW, [rain]);
    expect(updated).toEqual(explain(flagged, NOW, [rain]));
    expect(withCurrentRisks(updated, flagged, NOW, [rain])).toBe(updated);
    expect(withCurrentRisks(updated, flagged, NOW, [])).toEqual(plain);
  });
});

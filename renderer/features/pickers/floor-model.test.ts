import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/schemas/case';
import type { Picker, Zone } from '../../../shared/schemas/directory';
import { sampleCase } from '../../../shared/test-data';
import { buildFloor, loadByPicker, reassignCandidates } from './floor-model';

const zone = (code: string): Zone => ({ id: `z-${code}`, warehouseId: 'wh-1', code, name: `${code}区` });
const picker = (id: string, zoneId: string, status: Picker['status'], name = id): Picker => ({
  id,
  warehouseId: 'wh-1',
  zoneId,
  name,
  phone: '13800000000',
  radio: '1 号频道',
  status,
  shiftStart: '06:00',
  shiftEnd: '14:00',
});
const kase = (id: string, zoneId: string, pickerId: string | null, status: CaseView['status'] = 'open') => {
  const base = sampleCase({ id, pickerId, status });
  return { ...base, order: { ...base.order, zoneId } };
};

describe('the floor', () => {
  const zones = [zone('B'), zone('A')];
  const pickers = [
    picker('a1', 'z-A', 'on_shift', '甲'),
    picker('a2', 'z-A', 'absent', '乙'),
    picker('a3', 'z-A', 'off', '丙'),
    picker('b1', 'z-B', 'on_shift', '丁'),
    picker('b2', 'z-B', 'break', '戊'),
  ];
  const cases = [
    kase('c1', 'z-A', 'a1'),
    kase('c2', 'z-A', 'a2'),
    kase('c3', 'z-A', 'a2'),
    kase('c4', 'z-A', null),
    kase('c5', 'z-B', 'a1'),
    kase('c6', 'z-B', 'b1', 'resolved'),
  ];

  it('counts only open picks as load', () => {
    expect(Object.fromEntries(loadByPicker(cases))).toEqual({ a1: 2, a2: 2 });
  });

  it('sums load per zone and flags picks held by an absent picker', () => {
    const floor = buildFloor(cases, pickers, zones);
    expect(floor.zones.map((z) => z.zone.code)).toEqual(['A', 'B']);
    const [a, b] = floor.zones;
    expect(a).toMatchObject({ openCases: 4, unassigned: 1, assigned: 4, stranded: 2, onShift: 1 });
    expect(a!.pickers.map((p) => p.picker.id)).toEqual(['a1', 'a2', 'a3']);
    expect(b).toMatchObject({ openCases: 1, unassigned: 0, assigned: 0, stranded: 0, onShift: 1 });
    expect(floor.stranded.map((s) => s.c.id).sort()).toEqual(['c2', 'c3']);
  });

  it('suggests on-shift pickers of the same zone first, lightest load first', () => {
    const load = new Map([
      ['a1', 3],
      ['b1', 0],
    ]);
    const more = [...pickers, picker('a4', 'z-A', 'on_shift', '己')];
    expect(reassignCandidates(more, load, 'z-A', 'a2').map((p) => p.id)).toEqual(['a4', 'a1', 'b1']);
    expect(reassignCandidates(more, load, 'z-B').map((p) => p.id)).toEqual(['b1', 'a4', 'a1']);
    expect(reassignCandidates(more, load, 'z-A', 'a4').map((p) => p.id)).toEqual(['a1', 'b1']);
  });
});

// The floor as data (brief F7, W4/W5): who is on shift in which zone, how many open picks each picker holds,
// the load per zone, and the picks stranded on an absent picker. Pure, computed from the in-memory picture of
// the cases and pickers (pending floor actions included), so it is right offline too.
import type { CaseView } from '../../../shared/schemas/case';
import type { Picker, Zone } from '../../../shared/schemas/directory';

/** On the floor this shift (on shift, on a break, or called in absent); "off" pickers are not on this shift. */
export const isRostered = (p: Picker): boolean => p.status !== 'off';

/** Open cases each picker has been put on. */
export function loadByPicker(cases: Iterable<CaseView>): Map<string, number> {
  const load = new Map<string, number>();
  for (const c of cases) {
    if (c.status !== 'open' || c.pickerId === null) continue;
    load.set(c.pickerId, (load.get(c.pickerId) ?? 0) + 1);
  }
  return load;
}

export interface PickerLoad {
  picker: Picker;
  load: number;
}

export interface ZoneFloor {
  zone: Zone;
  /** Pickers of this zone, rostered first, then by name. */
  pickers: PickerLoad[];
  onShift: number;
  /** Open cases whose order is picked in this zone. */
  openCases: number;
  /** Of those, cases without a picker. */
  unassigned: number;
  /** Open picks held by this zone's pickers. */
  assigned: number;
  /** Open picks held by an absent picker of this zone. */
  stranded: number;
}

/** An open case whose picker is absent: it must go to someone else. */
export interface StrandedPick {
  c: CaseView;
  picker: Picker;
}

export interface Floor {
  zones: ZoneFloor[];
  load: Map<string, number>;
  stranded: StrandedPick[];
}

const byName = (a: Picker, b: Picker) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

export function buildFloor(
  cases: Iterable<CaseView>,
  pickers: readonly Picker[],
  zones: readonly Zone[],
): Floor {
  const pickerById = new Map(pickers.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const perZone = new Map<string, { open: number; unassigned: number }>();
  const stranded: StrandedPick[] = [];
  for (const c of cases) {
    if (c.status !== 'open') continue;
    const zoneId = c.order.zoneId;
    if (zoneId !== null) {
      const z = perZone.get(zoneId) ?? { open: 0, unassigned: 0 };
      z.open++;
      if (c.pickerId === null) z.unassigned++;
      perZone.set(zoneId, z);
    }
    if (c.pickerId === null) continue;
    load.set(c.pickerId, (load.get(c.pickerId) ?? 0) + 1);
    const picker = pickerById.get(c.pickerId);
    if (picker?.status === 'absent') stranded.push({ c, picker });
  }
  const sortedZones = [...zones].sort((a, b) => a.code.localeCompare(b.code));
  const out = sortedZones.map((zone): ZoneFloor => {
    const mine = pickers
      .filter((p) => p.zoneId === zone.id)
      .sort((a, b) => Number(isRostered(b)) - Number(isRostered(a)) || byName(a, b))
      .map((picker) => ({ picker, load: load.get(picker.id) ?? 0 }));
    const counts = perZone.get(zone.id) ?? { open: 0, unassigned: 0 };
    return {
      zone,
      pickers: mine,
      onShift: mine.filter((p) => p.picker.status === 'on_shift').length,
      openCases: counts.open,
      unassigned: counts.unassigned,
      assigned: mine.reduce((sum, p) => sum + p.load, 0),
      stranded: mine.filter((p) => p.picker.status === 'absent').reduce((sum, p) => sum + p.load, 0),
    };
  });
  stranded.sort((a, b) => a.c.shipBy - b.c.shipBy);
  return { zones: out, load, stranded };
}

/**
 * Who can take a pick: pickers on shift (not on a break, not absent), the given zone's first, each group by
 * lightest load. The first one is the one-click suggestion.
 */
export function reassignCandidates(
  pickers: readonly Picker[],
  load: ReadonlyMap<string, number>,
  zoneId: string | null,
  excludeId: string | null = null,
): Picker[] {
  const rank = (p: Picker) => (p.zoneId === zoneId ? 0 : 1);
  return pickers
    .filter((p) => p.status === 'on_shift' && p.id !== excludeId)
    .sort((a, b) => rank(a) - rank(b) || (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || byName(a, b));
}

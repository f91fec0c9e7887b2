// The floor as the UI sees it: pickers (pending floor actions included), zones and every open case's picker.
import type { Picker, Zone } from '../../../shared/schemas/directory';
import type { LocalStore, QueuedAction } from '../../data/local-store';
import { useRuntime } from '../../app/runtime-context';
import { useDerivedLater } from '../../data/hooks';
import { buildFloor, type Floor } from './floor-model';

export interface FloorView extends Floor {
  pickers: Picker[];
  zoneById: Map<string, Zone>;
}

export function useFloor(): FloorView {
  const { store } = useRuntime();
  // Walks every case: follows data changes a moment later, off the urgent render.
  return useDerivedLater(() => {
    const pickers = store.memory.allPickers();
    const zones = [...store.memory.directory.zone.values()];
    return {
      ...buildFloor(store.memory.allCases(), pickers, zones),
      pickers,
      zoneById: new Map(zones.map((z) => [z.id, z])),
    };
  }, [store]);
}

export const zoneLabel = (zone: Zone | undefined): string => (zone ? `${zone.code} ${zone.name}` : '—');

/**
 * Puts a picker on each case (one assignPicker per case, each on the version it is at now). Closed cases and
 * cases already on that picker are skipped. Returns how many were queued.
 */
export async function assignPickerTo(
  store: LocalStore,
  caseIds: Iterable<string>,
  pickerId: string,
): Promise<number> {
  const actions: QueuedAction[] = [];
  for (const caseId of new Set(caseIds)) {
    const current = store.memory.caseView(caseId);
    if (!current || current.status !== 'open' || current.pickerId === pickerId) continue;
    actions.push({ name: 'assignPicker', args: { caseId, pickerId, baseVersion: current.version } });
  }
  // One outbox write and one re-render for all of them.
  await store.enqueueAll(actions);
  return actions.length;
}

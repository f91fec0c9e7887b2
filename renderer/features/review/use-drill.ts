// Opening the cases behind a figure: the worklist shows exactly them (open, resolved and closed), with a banner
// that says where they came from, until the user clears it.
import { useCallback } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { DEFAULT_FILTERS, type CaseDrill } from '../../data/worklist-filter';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import type { DrillTarget } from './dashboard-tables';
import { casesBehind } from './drill';
import type { Period } from './period';
import { useWarehouse } from './use-warehouse';

export function openDrill(
  label: string,
  caseIds: ReadonlySet<string>,
  from: NonNullable<CaseDrill['from']>,
  t: Translate,
): void {
  const desk = useDesk.getState();
  if (!caseIds.size) {
    desk.showToast({ text: t('drill.none', { label }), severity: 'info' });
    return;
  }
  desk.applyView({
    bucket: 'all',
    search: '',
    filters: {
      ...DEFAULT_FILTERS,
      statuses: ['open', 'resolved', 'closed'],
      drill: { label, caseIds, from },
    },
  });
  desk.setChecked(new Set(), null);
  desk.setView('worklist');
}

/** A function that opens the cases behind a figure of the given period. */
export function useDrill(period: Period | null, from: NonNullable<CaseDrill['from']> = 'review') {
  const { store } = useRuntime();
  const warehouse = useWarehouse();
  const t = useT();
  return useCallback(
    (target: DrillTarget) => {
      const directory = store.memory.directory;
      const ids = casesBehind(target.spec, store.memory.allCases(), {
        from: period?.from ?? 0,
        to: period?.to ?? Number.MAX_SAFE_INTEGER,
        warehouseId: warehouse.id,
        timeZone: warehouse.timeZone,
        carrierOf: (id) => directory.courier.get(id)?.carrier,
        zoneNameOf: (id) => directory.zone.get(id)?.name,
      });
      openDrill(target.label, ids, from, t);
    },
    [store, period, warehouse.id, warehouse.timeZone, from, t],
  );
}

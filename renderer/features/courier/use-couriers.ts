import type { Courier } from '../../../shared/schemas/directory';
import { useRuntime } from '../../app/runtime-context';
import { useMemo } from 'react';
import { useDirectoryVersion } from '../../data/hooks';

export const WAREHOUSE_TZ_FALLBACK = 'Asia/Shanghai';

/** The couriers of a warehouse and its time zone (pickup cut-offs are wall-clock times there). */
export function useCouriers(warehouseId: string): { couriers: Courier[]; timeZone: string } {
  const { store } = useRuntime();
  const version = useDirectoryVersion();
  return useMemo(() => {
    const { courier, warehouse } = store.memory.directory;
    return {
      couriers: [...courier.values()]
        .filter((c) => c.warehouseId === warehouseId)
        .sort((a, b) => a.carrier.localeCompare(b.carrier, 'zh-CN')),
      timeZone: warehouse.get(warehouseId)?.timezone ?? WAREHOUSE_TZ_FALLBACK,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable directory
  }, [store, version, warehouseId]);
}

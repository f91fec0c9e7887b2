// The warehouse the review, forecast and surge areas are about: the user's first (the demo has one), with its
// name and time zone from the synced directory.
import { useRuntime } from '../../app/runtime-context';
import { useDirectory } from '../../data/hooks';

export interface WarehouseInfo {
  id: string;
  name: string;
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function useWarehouse(): WarehouseInfo {
  const { user } = useRuntime();
  const directory = useDirectory();
  const id = user.warehouseIds[0] ?? '';
  const warehouse = directory.warehouse.get(id);
  return { id, name: warehouse?.name ?? id, timeZone: warehouse?.timezone ?? DEFAULT_TIME_ZONE };
}

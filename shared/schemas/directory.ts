// The people and places a coordinator works with. They sync down read-only for now; leads change pickers
// through mutations in a later step.
import { z } from 'zod';
import { DepotStatus, PickerStatus, Role } from './enums';
import { Id, TimeOfDay } from './primitives';

export const Warehouse = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  timezone: z.string(),
});
export type Warehouse = z.infer<typeof Warehouse>;

export const Zone = z.object({
  id: Id,
  warehouseId: Id,
  code: z.string(),
  name: z.string(),
});
export type Zone = z.infer<typeof Zone>;

/** A user as coworkers see them: enough to show who holds a case. */
export const Person = z.object({
  id: Id,
  warehouseId: Id,
  displayName: z.string(),
  role: Role,
});
export type Person = z.infer<typeof Person>;

export const Picker = z.object({
  id: Id,
  warehouseId: Id,
  zoneId: Id,
  name: z.string(),
  phone: z.string(),
  radio: z.string(),
  status: PickerStatus,
  shiftStart: TimeOfDay,
  shiftEnd: TimeOfDay,
});
export type Picker = z.infer<typeof Picker>;

export const Courier = z.object({
  id: Id,
  warehouseId: Id,
  carrier: z.string(),
  depot: z.string(),
  contactName: z.string(),
  phone: z.string(),
  pickupCutoffs: z.array(TimeOfDay),
  status: DepotStatus,
});
export type Courier = z.infer<typeof Courier>;

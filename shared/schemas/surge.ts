// The surge area's REST shapes (brief F15), shared by the server routes and the desk: the staffing a lead plans
// for a promotion's days, the warehouse settings, and the coordinators' load that overflow assignment balances.
import { z } from 'zod';
import { Id } from './primitives';

/** One zone's plan: the orders a promotion day is expected to bring, and the pickers set against them. */
export const StaffingZone = z.object({
  zoneId: Id,
  expectedPerDay: z.number().int().min(0).max(10_000_000),
  pickers: z.number().int().min(0).max(10_000),
  picksPerHour: z.number().positive().max(10_000),
});
export type StaffingZone = z.infer<typeof StaffingZone>;

export const StaffingInput = z.object({
  /** null: a normal day's plan. */
  promotionId: Id.nullable(),
  zones: z.array(StaffingZone).max(200),
});
export type StaffingInput = z.infer<typeof StaffingInput>;

/** A saved plan; `updatedAt` null means nobody has saved one yet (the desk starts from the server's estimate). */
export interface StaffingPlan extends StaffingInput {
  updatedAt: number | null;
  updatedBy: string | null;
}

export const WarehouseSettings = z.object({
  autoAssign: z.boolean(),
  compensationLimitFen: z.number().int().min(0),
});
export type WarehouseSettings = z.infer<typeof WarehouseSettings>;

export interface CoordinatorLoad {
  id: string;
  displayName: string;
  /** Open cases assigned to them now. */
  load: number;
  /** Their desk synced within the on-shift window: overflow assignment only hands cases to them. */
  onShift: boolean;
  lastSeenAt: number | null;
}

export interface CoordinatorLoadReply {
  onShiftWindowMs: number;
  unassignedOpen: number;
  coordinators: CoordinatorLoad[];
}

export const StaffingQuery = z.object({ promotionId: Id.optional() });

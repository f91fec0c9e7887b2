// The closed vocabularies of the domain. Every other layer (server columns, IPC, UI labels) derives from these
// lists, so adding a value here is the one place a new cause or platform is declared.
import { z } from 'zod';

export const ROLES = ['coordinator', 'lead', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'wechat', 'own', 'olist'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** Perishability decides how early a case opens and how hard it pushes up the worklist (brief section 1). */
export const PERISHABILITY = ['fresh', 'frozen', 'food', 'sensitive', 'durable'] as const;
export const Perishability = z.enum(PERISHABILITY);
export type Perishability = z.infer<typeof Perishability>;

/** The required cause taxonomy (brief F3). */
export const CAUSES = [
  'out_of_stock',
  'pick_error',
  'mis_sort',
  'picker_absent',
  'short_staffed',
  'packing_backlog',
  'courier_missed_pickup',
  'courier_depot_overload',
  'weather',
  'address_issue',
  'system_error',
  'merchant_delay',
  'other',
] as const;
export const Cause = z.enum(CAUSES);
export type Cause = z.infer<typeof Cause>;

/** How a case ended. `saved` and `shipped_late` are also what the engine records when it closes a case itself. */
export const OUTCOMES = [
  'saved',
  'shipped_late',
  'delay_agreed',
  'order_cancelled',
  'refunded',
  'other',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/**
 * open: someone must act. resolved: a person closed it with a cause and an outcome.
 * closed: the engine closed it because the order was handed over or cancelled.
 */
export const CASE_STATUSES = ['open', 'resolved', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const ORDER_STATUSES = ['paid', 'picking', 'picked', 'packed', 'handed_over', 'cancelled'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const PICKER_STATUSES = ['on_shift', 'break', 'absent', 'off'] as const;
export const PickerStatus = z.enum(PICKER_STATUSES);
export type PickerStatus = z.infer<typeof PickerStatus>;

export const DEPOT_STATUSES = ['normal', 'overloaded', 'suspended'] as const;
export const DepotStatus = z.enum(DEPOT_STATUSES);
export type DepotStatus = z.infer<typeof DepotStatus>;

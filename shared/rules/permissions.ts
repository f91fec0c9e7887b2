// Who may do what, as pure checks shared by the UI (to hide what would be refused) and the server (to refuse).
import type { Actor } from '../mutators/types';

export const inScope = (actor: Actor, warehouseId: string): boolean =>
  actor.warehouseIds.includes(warehouseId);

/** Leads and admins may take a case from a colleague or act on a case someone else holds. */
export const canOverride = (actor: Actor): boolean => actor.role === 'lead' || actor.role === 'admin';

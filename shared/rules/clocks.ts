// When a case opens: a warning lead time before the ship-by deadline, by perishability class (brief F2).
// Fresh and frozen goods have short ship windows (often same day), so their warning comes late but their
// priority is high; durable goods get half a day's warning.
import type { Perishability } from '../schemas/enums';

export const WARNING_LEAD_MINUTES: Record<Perishability, number> = {
  fresh: 120,
  frozen: 120,
  food: 240,
  sensitive: 720,
  durable: 720,
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** The instant a case should open for an order with this deadline. */
export const opensAt = (shipBy: number, perishability: Perishability): number =>
  shipBy - WARNING_LEAD_MINUTES[perishability] * MINUTE_MS;

/** Whole minutes an order was handed over after its deadline (0 when on time). */
export const lateMinutes = (shipBy: number, handedOverAt: number): number =>
  Math.max(0, Math.floor((handedOverAt - shipBy) / MINUTE_MS));

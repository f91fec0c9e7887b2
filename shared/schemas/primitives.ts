// Small shared building blocks. Times are epoch milliseconds taken from the server's clock; money is integer
// fen (1/100 yuan) so sums never drift.
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export const Uuid = z.uuid();
/** Epoch milliseconds. */
export const EpochMs = z.number().int().nonnegative();
export const Fen = z.number().int();
/** Wall-clock time of day "HH:MM" in the warehouse's time zone. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

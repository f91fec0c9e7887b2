import { z } from 'zod';
import { Role } from './enums';
import { EpochMs, Id } from './primitives';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  warehouseIds: z.array(Id),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: EpochMs,
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Every non-2xx answer of the API has this body. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

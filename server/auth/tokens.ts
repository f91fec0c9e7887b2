// Bearer tokens: 32 random bytes handed to the client once; the server keeps only their SHA-256, with an
// expiry, so a token can be revoked and a database dump does not contain usable sessions.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'odk_';

export const newToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

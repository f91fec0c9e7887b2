// Login, logout and resolving a bearer token to the user it speaks for.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SessionUser } from '../../shared/schemas/auth';
import type { Db } from '../db/open';
import { sessions, userWarehouses, users } from '../db/schema';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

export interface IssuedSession {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  const rows = await db
    .select({ warehouseId: userWarehouses.warehouseId })
    .from(userWarehouses)
    .where(eq(userWarehouses.userId, userId));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    warehouseIds: rows.map((r) => r.warehouseId).sort(),
  };
}

/** Checks the password and issues a session, or returns null (same answer for unknown user and bad password). */
export async function login(
  db: Db,
  username: string,
  password: string,
  ttlMs: number,
  now: number,
): Promise<IssuedSession | null> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok || user.disabled) return null;
  const token = newToken();
  const expiresAt = now + ttlMs;
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: new Date(now),
    expiresAt: new Date(expiresAt),
  });
  const sessionUser = await loadSessionUser(db, user.id);
  if (!sessionUser) return null;
  return { token, expiresAt, user: sessionUser };
}

export async function authenticate(db: Db, token: string, now: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, new Date(now)),
        isNull(sessions.revokedAt),
      ),
    );
  return row ? loadSessionUser(db, row.userId) : null;
}

export async function revoke(db: Db, token: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date(now) })
    .where(eq(sessions.tokenHash, hashToken(token)));
}

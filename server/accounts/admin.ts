// Changing accounts. Any change to what a user may do (role, warehouses, disabled) or to their password revokes
// their sessions, so the next request asks them to log in again and gets a token for the new rights. Warehouse
// memberships are synced as "person" rows, so a removed membership leaves a tombstone.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../shared/schemas/enums';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/open';
import { sessions, syncTombstones, userWarehouses, users } from '../db/schema';
import { writeTransaction } from '../sync/write-tx';
import { MIN_PASSWORD_LENGTH } from './users';

export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  warehouseIds?: string[] | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  warehouseIds: string[];
}

export async function listAccounts(db: Db, warehouseIds: readonly string[]): Promise<AccountView[]> {
  const members = await db
    .select()
    .from(userWarehouses)
    .where(inArray(userWarehouses.warehouseId, [...warehouseIds]));
  const ids = [...new Set(members.map((m) => m.userId))];
  if (!ids.length) return [];
  const all = await db.select().from(userWarehouses).where(inArray(userWarehouses.userId, ids));
  const rows = await db.select().from(users).where(inArray(users.id, ids));
  return rows
    .map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      disabled: u.disabled,
      warehouseIds: all
        .filter((m) => m.userId === u.id)
        .map((m) => m.warehouseId)
        .sort(),
    }))
    .sort((a, b) => a.username.localeCompare(b.username));
}

export async function changeAccount(
  db: Db,
  userId: string,
  change: UserChange,
  now: number,
): Promise<{ revokedSessions: number }> {
  if (change.password !== undefined && change.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
  return writeTransaction(db, async (scope) => {
    const { tx } = scope;
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new Error('no such user');
    const current = (await tx.select().from(userWarehouses).where(eq(userWarehouses.userId, userId))).map(
      (m) => m.warehouseId,
    );
    await tx
      .update(users)
      .set({
        ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      })
      .where(eq(users.id, userId));
    const next = change.warehouseIds ?? current;
    for (const w of next.filter((x) => !current.includes(x))) {
      await tx.insert(userWarehouses).values({ userId, warehouseId: w, rowVersion: await scope.version(w) });
    }
    for (const w of current.filter((x) => !next.includes(x))) {
      await tx
        .delete(userWarehouses)
        .where(and(eq(userWarehouses.userId, userId), eq(userWarehouses.warehouseId, w)));
      const v = await scope.version(w);
      await tx
        .insert(syncTombstones)
        .values({ warehouseId: w, kind: 'person', entityId: userId, rowVersion: v })
        .onConflictDoUpdate({
          target: [syncTombstones.warehouseId, syncTombstones.kind, syncTombstones.entityId],
          set: { rowVersion: v },
        });
    }
    // Coworkers see the new name or role: re-send the person rows that stay.
    if (change.displayName !== undefined || change.role !== undefined) {
      for (const w of next.filter((x) => current.includes(x))) {
        await tx
          .update(userWarehouses)
          .set({ rowVersion: await scope.version(w) })
          .where(and(eq(userWarehouses.userId, userId), eq(userWarehouses.warehouseId, w)));
      }
    }
    const rightsChanged =
      (change.role !== undefined && change.role !== before.role) ||
      (change.disabled !== undefined && change.disabled !== before.disabled) ||
      change.warehouseIds !== undefined ||
      passwordHash !== undefined;
    if (!rightsChanged) return { revokedSessions: 0 };
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: new Date(now) })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ tokenHash: sessions.tokenHash });
    return { revokedSessions: revoked.length };
  });
}

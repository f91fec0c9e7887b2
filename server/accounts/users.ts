// Creating accounts (CLI `user add`, the demo seed). A user's warehouse memberships are synced as "person"
// rows, so they are written with the warehouse's version like any other synced row.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/schemas/enums';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/open';
import { userWarehouses, users } from '../db/schema';
import { writeTransaction, type WriteScope } from '../sync/write-tx';

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  password: string;
  warehouseIds: string[];
}

export const MIN_PASSWORD_LENGTH = 8;

export async function insertUser(scope: WriteScope, user: NewUser): Promise<string> {
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const id = user.id ?? randomUUID();
  await scope.tx.insert(users).values({
    id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    passwordHash: await hashPassword(user.password),
  });
  for (const warehouseId of user.warehouseIds) {
    await scope.tx
      .insert(userWarehouses)
      .values({ userId: id, warehouseId, rowVersion: await scope.version(warehouseId) });
  }
  return id;
}

export const createUser = (db: Db, user: NewUser): Promise<string> =>
  writeTransaction(db, (scope) => insertUser(scope, user));

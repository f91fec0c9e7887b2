// Login throttling: too many failed logins for one account, or from one address, in a window locks further
// attempts until the window has passed since the last failure. A success clears the account's count. The
// numbers are deliberately generous for a busy desk (people mistype on a night shift) and tight for guessing.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { loginAttempts } from '../db/schema';

export const LOCK_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface Lock {
  reason: 'account' | 'address';
  /** When a new attempt may be made. */
  until: number;
}

async function failuresSince(db: Db, column: 'username' | 'address', value: string, since: Date) {
  const col = column === 'username' ? loginAttempts.username : loginAttempts.address;
  const [lastOk] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(col, value), eq(loginAttempts.ok, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const from = lastOk && lastOk.at > since ? lastOk.at : since;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<Date | null>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(col, value), eq(loginAttempts.ok, false), gt(loginAttempts.at, from)));
  return { count: row?.n ?? 0, last: row?.last ? new Date(row.last).getTime() : null };
}

export async function lockFor(db: Db, username: string, address: string, now: number): Promise<Lock | null> {
  const since = new Date(now - LOCK_WINDOW_MS);
  const account = await failuresSince(db, 'username', username, since);
  if (account.count >= MAX_FAILURES_PER_ACCOUNT)
    return { reason: 'account', until: (account.last ?? now) + LOCK_WINDOW_MS };
  const from = await failuresSince(db, 'address', address, since);
  if (from.count >= MAX_FAILURES_PER_ADDRESS)
    return { reason: 'address', until: (from.last ?? now) + LOCK_WINDOW_MS };
  return null;
}

export async function recordAttempt(
  db: Db,
  username: string,
  address: string,
  ok: boolean,
  now: number,
): Promise<void> {
  await db.insert(loginAttempts).values({ at: new Date(now), username, address, ok });
}

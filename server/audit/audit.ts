// The audit log: who did what, when, and from which client, for every write. Entries are only ever inserted
// (the table refuses UPDATE and DELETE, see migration 0004); admins read and export them.
import type { Db, Tx } from '../db/open';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  at: number;
  userId: string | null;
  username: string | null;
  warehouseId?: string | null;
  action: string;
  target?: string | null;
  clientId?: string | null;
  address?: string | null;
  outcome: string;
  detail?: Record<string, unknown> | null;
}

export async function audit(db: Db | Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  await db.insert(auditLog).values(
    list.map((e) => ({
      at: new Date(e.at),
      userId: e.userId,
      username: e.username,
      warehouseId: e.warehouseId ?? null,
      action: e.action,
      target: e.target ?? null,
      clientId: e.clientId ?? null,
      address: e.address ?? null,
      outcome: e.outcome,
      detail: e.detail ?? null,
    })),
  );
}

// The warehouse an import writes into: used as it is when it exists, created (with its clock row, in a write
// transaction so clients see it) when it does not.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { warehouseClock, warehouses } from '../db/schema';
import { writeTransaction } from '../sync/write-tx';

export interface ImportWarehouse {
  id: string;
  timezone: string;
  created: boolean;
}

export async function findWarehouse(db: Db, id: string): Promise<{ id: string; timezone: string } | null> {
  const [row] = await db
    .select({ id: warehouses.id, timezone: warehouses.timezone })
    .from(warehouses)
    .where(eq(warehouses.id, id));
  return row ?? null;
}

export async function ensureWarehouse(
  db: Db,
  wanted: { id: string; name: string; timezone: string; city?: string },
): Promise<ImportWarehouse> {
  const existing = await findWarehouse(db, wanted.id);
  if (existing) return { ...existing, created: false };
  await writeTransaction(db, async (scope) => {
    await scope.tx
      .insert(warehouses)
      .values({
        id: wanted.id,
        name: wanted.name,
        city: wanted.city ?? '',
        timezone: wanted.timezone,
        rowVersion: 0,
      })
      .onConflictDoNothing();
    await scope.tx.insert(warehouseClock).values({ warehouseId: wanted.id }).onConflictDoNothing();
    const v = await scope.version(wanted.id);
    await scope.tx.update(warehouses).set({ rowVersion: v }).where(eq(warehouses.id, wanted.id));
  });
  return { id: wanted.id, timezone: wanted.timezone, created: true };
}

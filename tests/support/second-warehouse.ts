// A second warehouse with its own coordinator and a few orders, for tests of warehouse scope.
import { eq } from 'drizzle-orm';
import { createUser } from '../../server/accounts/users';
import type { Db } from '../../server/db/open';
import { orders, warehouseClock, warehouses, zones } from '../../server/db/schema';
import { tick } from '../../server/engine/case-engine';
import { writeTransaction } from '../../server/sync/write-tx';

export const OTHER_WAREHOUSE = 'wh-bj-dx-2';
export const OTHER_COORDINATOR = { username: 'zhaolei', password: 'desk2026' };

export async function seedSecondWarehouse(db: Db, now: number): Promise<void> {
  await writeTransaction(db, async (scope) => {
    await scope.tx.insert(warehouses).values({
      id: OTHER_WAREHOUSE,
      name: '北京大兴二号仓',
      city: '北京',
      timezone: 'Asia/Shanghai',
      rowVersion: 0,
    });
    await scope.tx.insert(warehouseClock).values({ warehouseId: OTHER_WAREHOUSE });
    const v = await scope.version(OTHER_WAREHOUSE);
    await scope.tx.update(warehouses).set({ rowVersion: v }).where(eq(warehouses.id, OTHER_WAREHOUSE));
    await scope.tx.insert(zones).values({
      id: `${OTHER_WAREHOUSE}-zA`,
      warehouseId: OTHER_WAREHOUSE,
      code: 'A',
      name: '生鲜区',
      rowVersion: v,
    });
    await scope.tx.insert(orders).values(
      [1, 2, 3].map((n) => ({
        id: `bj-order-${n}`,
        warehouseId: OTHER_WAREHOUSE,
        platform: 'jd',
        platformOrderId: `BJ00000${n}`,
        status: 'paid' as const,
        category: '生鲜',
        perishability: 'fresh' as const,
        valueFen: 9900 * n,
        items: [{ sku: `F-${n}`, name: '北京烤鸭 礼盒', qty: 1 }],
        customerName: '周杰',
        customerPhone: `1380000000${n}`,
        city: '北京',
        region: '北京',
        paidAt: new Date(now - 10 * 3_600_000),
        shipBy: new Date(now - n * 3_600_000),
      })),
    );
  });
  await createUser(db, {
    username: OTHER_COORDINATOR.username,
    displayName: '赵磊',
    role: 'coordinator',
    password: OTHER_COORDINATOR.password,
    warehouseIds: [OTHER_WAREHOUSE],
  });
  await tick(db, now);
}

// Page objects for the case panel's tabs and dialogs (picking, courier, customer, compensation, closing), by
// role and accessible name. Test data comes straight from the test server's database.
import { and, eq, gt, isNotNull, isNull, ne } from 'drizzle-orm';
import { expect, type Locator, type Page } from '@playwright/test';
import { cases, couriers, orders, pickers } from '../../../server/db/schema';
import type { RunningServer } from '../../../server/start';
import { DeskPage, LoginPage } from './desk';

export type CaseTabName = '概况' | '拣货' | '快递' | '客户' | '补偿';

export interface TargetCase {
  id: string;
  orderNo: string;
}

export async function openDesk(page: Page, url: string, user: string): Promise<CasePanels> {
  await page.goto(url);
  await new LoginPage(page).login(user);
  const desk = new CasePanels(page);
  await desk.waitForCases();
  return desk;
}

export class CasePanels extends DeskPage {
  constructor(page: Page) {
    super(page);
  }

  async openCase(c: TargetCase) {
    await this.search(c.orderNo);
    await this.row(c.id).click();
    await expect(this.detail).toHaveAccessibleName(new RegExp(c.orderNo));
  }

  tab(name: CaseTabName): Locator {
    return this.detail.getByRole('tab', { name, exact: true });
  }

  async openTab(name: CaseTabName) {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  button(name: string): Locator {
    return this.detail.getByRole('button', { name, exact: true });
  }

  /** A picker's line in the picking tab (or the floor), by name. */
  pickerLine(scope: Locator, name: string): Locator {
    return scope.getByRole('listitem', { name, exact: true });
  }

  flags(): Locator {
    return this.detail.getByRole('group', { name: '案件提示' });
  }

  timeline(): Locator {
    return this.detail.getByRole('list', { name: '处理记录' });
  }

  async synced() {
    await expect(this.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}

/** Open cases nobody holds, most urgent deadline first, with their picking zone and courier. */
export async function openCases(
  server: RunningServer,
  n: number,
  where: { penalty?: boolean; platformNot?: string; shipByAfter?: number } = {},
) {
  const rows = await server.database.db
    .select({
      id: cases.id,
      orderNo: orders.platformOrderId,
      zoneId: orders.zoneId,
      courierId: orders.courierId,
      platform: orders.platform,
      penaltyFen: orders.penaltyFen,
      shipBy: cases.shipBy,
    })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(
      and(
        eq(cases.status, 'open'),
        isNull(cases.assigneeId),
        isNull(cases.pickerId),
        isNotNull(orders.zoneId),
        isNotNull(orders.courierId),
        where.penalty ? gt(orders.penaltyFen, 0) : undefined,
        where.platformNot ? ne(orders.platform, where.platformNot) : undefined,
        where.shipByAfter ? gt(cases.shipBy, new Date(where.shipByAfter)) : undefined,
      ),
    )
    .orderBy(cases.shipBy)
    .limit(n);
  expect(rows.length).toBe(n);
  return rows.map((r) => ({ ...r, zoneId: r.zoneId!, courierId: r.courierId! }));
}

/** Pickers with a name no other picker has (tests find them by name), in the given status. */
export async function uniquePickers(server: RunningServer, status: 'on_shift' | 'break' | 'absent' | 'off') {
  const all = await server.database.db.select().from(pickers);
  const count = new Map<string, number>();
  for (const p of all) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return all.filter((p) => p.status === status && count.get(p.name) === 1);
}

export async function courierById(server: RunningServer, id: string) {
  const [row] = await server.database.db.select().from(couriers).where(eq(couriers.id, id));
  return row!;
}

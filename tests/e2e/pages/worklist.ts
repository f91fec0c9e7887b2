// Page objects for the worklist workflows (W1, W3, W10, W11, W12): what a coordinator sees and does, by role
// and accessible name. Also a helper that sends the server an order, as the shop integrations do.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../../../server/start';
import { DeskPage } from './desk';

export const SCREENS_DIR = join('test-results', 'screens');

export class WorklistPage extends DeskPage {
  readonly searchBox: Locator;
  readonly bulkBar: Locator;
  readonly palette: Locator;
  readonly settings: Locator;

  constructor(page: Page) {
    super(page);
    this.searchBox = page.getByRole('searchbox', { name: '搜索订单号、客户或手机尾号' });
    this.bulkBar = page.getByRole('toolbar', { name: '批量操作' });
    this.palette = page.getByRole('dialog', { name: '命令面板' });
    this.settings = page.getByRole('dialog', { name: '设置' });
  }

  /** A bucket tab ("已逾期 12"), by its name without the count. */
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name} \\d+$`) });
  }

  async tabCount(name: string): Promise<number> {
    return Number(await this.tab(name).getAttribute('data-count'));
  }

  checkbox(orderNo: string): Locator {
    return this.grid.getByRole('checkbox', { name: `选择订单 ${orderNo}` });
  }

  /** The worklist cell that says who holds the case (the last one of the row). */
  assigneeCell(caseId: string): Locator {
    return this.row(caseId).getByRole('gridcell').last();
  }

  async visibleCaseIds(n: number): Promise<string[]> {
    const rows = this.rows();
    const count = Math.min(n, await rows.count());
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await rows.nth(i).getAttribute('data-case-id'))!);
    return ids;
  }

  async openFilters() {
    const button = this.page.getByRole('button', { name: /^筛选/ });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(this.page.getByRole('group', { name: '筛选条件' })).toBeVisible();
  }

  /** Picks options of a multi-select filter ("平台" → "京东"), then closes its menu. */
  async chooseFilter(label: string, ...options: string[]) {
    await this.page.getByRole('combobox', { name: label }).click();
    const list = this.page.getByRole('listbox');
    for (const option of options) await list.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  }

  async assignee(name: '我的' | '未认领' | '全部') {
    await this.page.getByRole('group', { name: '负责人' }).getByRole('button', { name }).click();
  }

  async runCommand(text: string) {
    await this.page.keyboard.press('Control+K');
    await expect(this.palette).toBeVisible();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  async openSettings() {
    await this.page.getByRole('button', { name: '设置' }).click();
    await expect(this.settings).toBeVisible();
  }

  async screenshot(name: string) {
    mkdirSync(SCREENS_DIR, { recursive: true });
    // Let transitions settle so the picture shows the resting screen.
    await this.page.waitForTimeout(350);
    await this.page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
  }
}

export interface TestOrder {
  platformOrderId: string;
  category: string;
  itemName: string;
  customerName: string;
  customerPhone: string;
  /** Ship-by deadline (epoch ms, server time). */
  shipBy: number;
  valueFen?: number;
}

const WAREHOUSE = 'wh-hz-xs-1';

/** Sends one order to the server the way a shop integration does (REST, as the admin integration account). */
export async function sendOrder(server: RunningServer, order: TestOrder): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'desk2026' }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${server.url}/api/warehouses/${WAREHOUSE}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      platform: 'tmall',
      platformOrderId: order.platformOrderId,
      category: order.category,
      valueFen: order.valueFen ?? 12_900,
      items: [{ sku: `SKU-${order.platformOrderId}`, name: order.itemName, qty: 1 }],
      customerName: order.customerName,
      customerPhone: order.customerPhone,
      city: '杭州',
      region: '浙江',
      paidAt: Date.now() - 3_600_000,
      promisedShipBy: order.shipBy,
    }),
  });
  if (!response.ok) throw new Error(`sending the order failed: ${response.status} ${await response.text()}`);
}

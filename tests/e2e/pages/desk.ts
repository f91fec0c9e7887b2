// Page objects: what a coordinator sees and does, by role and accessible name (never CSS paths).
import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  constructor(readonly page: Page) {}
  async login(username: string, password = 'desk2026') {
    await this.page.getByRole('textbox', { name: '用户名' }).fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }
}

export class DeskPage {
  readonly grid: Locator;
  readonly detail: Locator;
  readonly status: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: '工作列表' });
    this.detail = page.locator('section');
    this.status = page.getByRole('status', { name: 'sync status' });
  }

  rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  row(caseId: string): Locator {
    return this.grid.locator(`[role="row"][data-case-id="${caseId}"]`);
  }

  async waitForCases() {
    await expect(this.rows().first()).toBeVisible({ timeout: 20_000 });
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: '搜索订单号、客户或手机尾号' }).fill(text);
  }

  pendingCount(): Locator {
    return this.page.getByTestId('pending-count');
  }

  async addNote(text: string) {
    await this.page.getByRole('textbox', { name: '添加备注' }).fill(text);
    await this.page.getByRole('button', { name: '保存备注' }).click();
    // Shown once it is in the outbox: a test that next waits for "nothing pending" then sees it counted.
    await expect(this.detail.getByText(text).first()).toBeVisible();
  }
}

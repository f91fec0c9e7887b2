// Page object of the surge area (大促): the promotion calendar, the capacity plan and overflow assignment, by
// role and accessible name. Rows carry the ids the tests check against the database.
import { expect, type Locator, type Page } from '@playwright/test';
import { LoginPage } from './desk';

export class SurgePage {
  readonly calendar: Locator;
  readonly plan: Locator;
  readonly overflow: Locator;
  readonly load: Locator;
  constructor(readonly page: Page) {
    this.calendar = page.getByRole('region', { name: '大促日历' });
    this.plan = page.getByRole('region', { name: '产能计划' });
    this.overflow = page.getByRole('region', { name: '溢出分配与补偿额度' });
    this.load = page.getByRole('region', { name: '发货员当前负载' });
  }

  /** Logs in and opens the 大促 tab (a lead's or admin's). */
  static async open(page: Page, url: string, user: string): Promise<SurgePage> {
    await page.goto(url);
    await new LoginPage(page).login(user);
    await page.getByRole('tab', { name: '大促' }).click();
    const surge = new SurgePage(page);
    await expect(surge.calendar).toBeVisible({ timeout: 20_000 });
    return surge;
  }

  promotionRow(id: string): Locator {
    return this.calendar.locator(`tr[data-promotion-id="${id}"]`);
  }

  /** Fills the add/edit dialog; times are the warehouse's wall clock ("2026-12-12T00:00"). */
  async fillPromotion(p: {
    name: string;
    platforms?: string[];
    paidFrom: string;
    paidUntil: string;
    shipBy: string;
  }) {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '大促名称' }).fill(p.name);
    for (const platform of p.platforms ?? []) await dialog.getByRole('checkbox', { name: platform }).check();
    await dialog.getByLabel('付款开始').fill(p.paidFrom);
    await dialog.getByLabel('付款结束').fill(p.paidUntil);
    await dialog.getByLabel('发货截止').fill(p.shipBy);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async choosePlan(name: string) {
    await this.plan.getByRole('combobox', { name: '按哪个大促计划' }).click();
    await this.page.getByRole('option', { name }).click();
  }

  zoneRow(zoneId: string): Locator {
    return this.plan.locator(`tr[data-zone-id="${zoneId}"]`);
  }

  zoneField(zoneId: string, field: '预计单量/天' | '拣货员' | '拣货速度（单/小时）'): Locator {
    return this.zoneRow(zoneId).getByRole('spinbutton', { name: new RegExp(` ${escape(field)}$`) });
  }

  overflowSwitch(): Locator {
    return this.overflow.getByLabel('自动分配新案件（按当前负载）');
  }

  coordinatorRow(userId: string): Locator {
    return this.load.locator(`tr[data-user-id="${userId}"]`);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

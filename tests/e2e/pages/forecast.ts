// Page objects for the forecast area (预测): the zone table, the expected breaches, the suggested actions and the
// risk flags, by role and accessible name. The figures on screen are compared with the server's own answer,
// which the page captures as the view loads it.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ExpectedBreach, Forecast, Suggestion } from '../../../shared/rules/forecast';
import type { RiskFlag } from '../../../shared/schemas/risk';
import type { RunningServer } from '../../../server/start';
import { DeskPage, LoginPage } from './desk';

export const WAREHOUSE = 'wh-hz-xs-1';

export interface ForecastAnswer {
  warehouseId: string;
  timezone: string;
  generatedAt: number;
  forecast: Forecast;
  suggestions: Suggestion[];
}

export type Metric = 'due' | 'backlog' | 'capacity' | 'breaches';

/** A number as the view writes it (zh-CN grouping, "—" for none). */
export const readNumber = (text: string): number | null =>
  text.trim() === '—' ? null : Number(text.replace(/[,\s]/g, ''));

export class ForecastView {
  readonly desk: DeskPage;
  readonly region: Locator;
  readonly zones: Locator;
  readonly breaches: Locator;
  readonly suggestions: Locator;
  readonly risks: Locator;
  constructor(readonly page: Page) {
    this.desk = new DeskPage(page);
    this.region = page.getByRole('region', { name: '逾期预测' });
    this.zones = this.region.getByRole('table', { name: '各拣货区预测' });
    this.breaches = this.region.getByRole('table', { name: '预计逾期订单' });
    this.suggestions = this.region.getByRole('list', { name: '建议措施' });
    this.risks = this.region.getByRole('region', { name: '风险标记' });
  }

  /** Signs in, waits for the worklist, and opens the 预测 tab; returns the forecast the view was drawn from. */
  static async open(
    page: Page,
    url: string,
    user: string,
  ): Promise<{ view: ForecastView; answer: ForecastAnswer }> {
    await page.goto(url);
    await new LoginPage(page).login(user);
    const view = new ForecastView(page);
    await view.desk.waitForCases();
    const answer = await view.openTab();
    return { view, answer };
  }

  /** Switches to the forecast tab and returns the server's answer the view shows. */
  async openTab(): Promise<ForecastAnswer> {
    const response = this.page.waitForResponse(
      (r) => r.url().includes(`/api/warehouses/${WAREHOUSE}/forecast`) && r.request().method() === 'GET',
    );
    await this.page.getByRole('tab', { name: '预测' }).click();
    const answer = (await (await response).json()) as ForecastAnswer;
    await expect(this.zones).toBeVisible();
    return answer;
  }

  /** Presses 刷新 and returns the new answer. */
  async refresh(): Promise<ForecastAnswer> {
    const response = this.page.waitForResponse(
      (r) => r.url().includes(`/api/warehouses/${WAREHOUSE}/forecast`) && r.request().method() === 'GET',
    );
    await this.region.getByRole('button', { name: '刷新' }).click();
    const answer = (await (await response).json()) as ForecastAnswer;
    await expect(this.region.getByRole('button', { name: '刷新' })).toBeEnabled();
    return answer;
  }

  zoneRow(label: string): Locator {
    return this.zones.getByRole('row', { name: label, exact: true });
  }

  async figure(label: string, metric: Metric, hours: number): Promise<number | null> {
    return readNumber(await this.zoneRow(label).locator(`[data-metric="${metric}-${hours}"]`).innerText());
  }

  breachRow(orderNo: string): Locator {
    return this.breaches.getByRole('row', { name: orderNo, exact: true });
  }

  async window(label: string) {
    await this.region.getByRole('group', { name: '时间窗' }).getByRole('button', { name: label }).click();
  }

  suggestion(text: string | RegExp): Locator {
    return this.suggestions.getByRole('listitem', { name: text });
  }

  flag(name: string): Locator {
    return this.risks.getByRole('listitem', { name, exact: true });
  }
}

/** A REST session token for a demo account (the password is the demo's). */
export async function tokenFor(server: RunningServer, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'desk2026' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Sets a risk flag over REST as a lead would (for tests about what the flag does, not how it is set). */
export async function postFlag(
  server: RunningServer,
  token: string,
  flag: Omit<RiskFlag, 'id' | 'warehouseId' | 'createdBy' | 'points'> & { points?: number },
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/warehouses/${WAREHOUSE}/risk-flags`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(flag),
  });
  return { status: res.status, body: await res.json() };
}

export type { ExpectedBreach };

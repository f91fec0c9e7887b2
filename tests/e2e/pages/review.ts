// Page object for the review area (brief F13): the dashboards with their table views, exports and drill-downs,
// and the handover report. By role and accessible name, as a coordinator or lead sees it (zh-CN).
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page, type Response } from '@playwright/test';
import { DeskPage, LoginPage } from './desk';

export class ReviewPage extends DeskPage {
  readonly area: Locator;
  constructor(page: Page) {
    super(page);
    this.area = page.getByRole('region', { name: '复盘', exact: true });
  }

  /** Logs in, waits for the worklist, opens the review and returns the analytics answer the dashboards show. */
  static async open(
    page: Page,
    url: string,
    user: string,
  ): Promise<{ review: ReviewPage; analytics: Response }> {
    await page.goto(url);
    await new LoginPage(page).login(user);
    const review = new ReviewPage(page);
    await review.waitForCases();
    const analytics = page.waitForResponse((r) => /\/api\/warehouses\/[^/]+\/analytics\?/.test(r.url()));
    await page.getByRole('tab', { name: '复盘', exact: true }).click();
    const response = await analytics;
    expect(response.ok()).toBe(true);
    return { review, analytics: response };
  }

  card(name: string | RegExp): Locator {
    return this.area.getByRole('region', { name, exact: typeof name === 'string' });
  }

  chart(card: Locator): Locator {
    return card.getByRole('img');
  }

  async showTable(card: Locator): Promise<Locator> {
    await card.getByRole('button', { name: '表格', exact: true }).click();
    return card.getByRole('table');
  }

  /** The body rows of a table view, each as its cells' text. */
  async tableRows(table: Locator): Promise<string[][]> {
    await expect(table).toBeVisible();
    const rows = table.locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all())
      out.push((await row.locator('td').allInnerTexts()).map((s) => s.trim()));
    return out;
  }

  /** Chooses CSV or Excel in an export menu (by the menu button's name) and returns the saved file's bytes. */
  async download(
    menuButton: Locator,
    kind: 'CSV' | 'Excel（XLSX）',
  ): Promise<{ file: Download; bytes: Buffer }> {
    await menuButton.click();
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: kind, exact: true }).click();
    const file = await downloading;
    const path = await file.path();
    return { file, bytes: readFileSync(path) };
  }

  exportButton(card: Locator, title: string): Locator {
    return card.getByRole('button', { name: `导出${title}`, exact: true });
  }

  drillBanner(): Locator {
    return this.page.getByRole('status', { name: '钻取来源' });
  }

  worklistCount(): Locator {
    return this.page.getByTestId('worklist-count');
  }

  /** Opens the handover tab and returns the handover answer it shows. */
  async openHandover(): Promise<Response> {
    const answer = this.page.waitForResponse((r) => /\/api\/warehouses\/[^/]+\/handover\?/.test(r.url()));
    await this.area.getByRole('tab', { name: '交接班报告' }).click();
    const response = await answer;
    expect(response.ok()).toBe(true);
    return response;
  }

  /** The report on screen (the print copy is a second article, hidden on screen). */
  report(): Locator {
    return this.area.getByRole('article');
  }

  reportPart(name: string): Locator {
    return this.report().getByRole('region', { name, exact: true });
  }
}

/** A CSV as rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

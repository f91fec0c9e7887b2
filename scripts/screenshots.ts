// The README's screenshots: `npx tsx scripts/screenshots.ts` builds the UI, starts a real server on a fresh
// PGlite folder with the demo world, signs in as 张伟 in Debian's Chromium and saves
//   docs/screenshots/worklist.png   the worklist (light, zh-CN)
//   docs/screenshots/case.png       a case with its panels (light)
//   docs/screenshots/case-dark.png  the same desk in the dark theme
// CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/start';
import { buildUi } from './build-ui';

const OUT = join('docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function settle(page: Page): Promise<void> {
  // Transitions and the deferred ranking finish; the countdowns tick once more.
  await page.waitForTimeout(1_200);
}

/** Scrolls the case panel back to its top (typing a note scrolled it down). */
const casePanelToTop = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('main section, main section *'))
      if (el.scrollTop > 0) el.scrollTop = 0;
  });

async function main(): Promise<void> {
  console.log('building the UI...');
  buildUi();
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-screens-'));
  console.log('starting a server with the demo world (first start of PGlite takes a few seconds)...');
  const server = await startServer({
    database: { kind: 'pglite', dataDir },
    staticDir: join('dist', 'renderer'),
    port: 0,
    demo: { orders: 2000, seed: 11 },
    engineIntervalMs: 5_000,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('textbox', { name: '用户名' }).fill('zhangwei');
    await page.getByLabel('密码').fill('desk2026');
    await page.getByRole('button', { name: '登录' }).click();
    const grid = page.getByRole('grid', { name: '工作列表' });
    const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await rows.first().waitFor({ timeout: 60_000 });
    await page.getByText('已全部同步').waitFor({ timeout: 60_000 });
    mkdirSync(OUT, { recursive: true });

    // The worklist: filters open, a couple of cases ticked so the bulk bar shows, one case selected.
    await page.getByRole('button', { name: /^筛选/ }).click();
    await rows.nth(1).getByRole('checkbox').click();
    await rows.nth(2).getByRole('checkbox').click();
    await rows.nth(3).click();
    await settle(page);
    await casePanelToTop(page);
    await page.screenshot({ path: join(OUT, 'worklist.png') });
    await page.getByRole('button', { name: '清除选择' }).click();
    await page.getByRole('button', { name: /^筛选/ }).click();

    // A case with its panels: claimed, with a note.
    await rows.first().click();
    const claim = page.locator('section').getByRole('button', { name: '认领', exact: true });
    if (await claim.isVisible()) await claim.click();
    await page
      .getByRole('textbox', { name: '添加备注' })
      .fill('A区拣货员请假，已请B区支援，预计 30 分钟内拣完');
    await page.getByRole('button', { name: '保存备注' }).click();
    await page.getByText('已全部同步').waitFor({ timeout: 30_000 });
    await settle(page);
    await casePanelToTop(page);
    await page.screenshot({ path: join(OUT, 'case.png') });

    // The same desk in the dark theme (Settings → 主题 → 深色).
    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await settings.getByRole('button', { name: '深色' }).click();
    await settings.getByRole('button', { name: '完成' }).click();
    // The customer panel, when the case panel has one.
    const customerTab = page.getByRole('tab', { name: '客户', exact: true });
    if (await customerTab.isVisible()) await customerTab.click();
    await settle(page);
    await casePanelToTop(page);
    await page.screenshot({ path: join(OUT, 'case-dark.png') });
    console.log(`saved ${['worklist.png', 'case.png', 'case-dark.png'].map((f) => join(OUT, f)).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

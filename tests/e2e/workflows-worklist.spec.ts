// The worklist workflows of issue 6, end to end against a real server with the demo world: W1 triage, W3 take
// work, W10 critical alerts, W11 preferences, W12 keyboard only. Each saves a screenshot in test-results/screens.
import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { caseEvents, cases, orders } from '../../server/db/schema';
import type { RunningServer } from '../../server/start';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/desk';
import { sendOrder, WorklistPage } from './pages/worklist';

async function openDesk(page: Page, url: string, user = 'zhangwei'): Promise<WorklistPage> {
  await page.goto(url);
  await new LoginPage(page).login(user);
  const desk = new WorklistPage(page);
  await desk.waitForCases();
  return desk;
}

async function unclaimedCases(server: RunningServer, n: number) {
  return server.database.db
    .select({
      id: cases.id,
      orderNo: orders.platformOrderId,
      customer: orders.customerName,
      phone: orders.customerPhone,
    })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(eq(cases.status, 'open'), isNull(cases.assigneeId)))
    .orderBy(cases.shipBy)
    .limit(n);
}

test('W1 triage the worklist: buckets with live counts, filters, search, saved views, keyboard and palette', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const desk = await openDesk(page, server.url);

  // Buckets with counts; each tab shows only its cases.
  for (const name of ['全部', '已逾期', '4 小时内', '12 小时内', '24 小时内'])
    await expect(desk.tab(name)).toBeVisible();
  const all = await desk.tabCount('全部');
  const overdue = await desk.tabCount('已逾期');
  expect(overdue).toBeGreaterThan(0);
  expect(overdue + (await desk.tabCount('4 小时内'))).toBeLessThanOrEqual(all);
  await desk.tab('已逾期').click();
  const shown = desk.page.getByTestId('worklist-count');
  await expect
    .poll(async () => (await shown.textContent()) === `共 ${await desk.tabCount('已逾期')} 个`)
    .toBe(true);
  for (const row of (await desk.rows().all()).slice(0, 8)) await expect(row).toContainText('已超时');
  await desk.tab('4 小时内').click();
  for (const row of (await desk.rows().all()).slice(0, 8)) await expect(row).toContainText('还剩');
  await desk.tab('全部').click();
  await desk.screenshot('W1-worklist');

  // Search by order id, customer name and phone tail.
  const [target] = await unclaimedCases(server, 1);
  await desk.search(target!.orderNo);
  await expect(desk.row(target!.id)).toBeVisible();
  await desk.search(target!.customer);
  await expect(desk.row(target!.id)).toBeVisible();
  await desk.search(target!.phone.slice(-4));
  await expect(desk.row(target!.id)).toBeVisible();
  await desk.search('');

  // Filters: platform, assignee; every row shown matches.
  await desk.openFilters();
  await desk.chooseFilter('平台', '京东');
  await desk.assignee('未认领');
  const rows = (await desk.rows().all()).slice(0, 8);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    await expect(row).toContainText('京东');
    await expect(row.getByRole('gridcell').last()).toHaveText('—');
  }
  await desk.screenshot('W1-filters');

  // Saved views: name the current filters, clear them, apply the view again; it survives a reload.
  await desk.tab('已逾期').click();
  await desk.page.getByRole('button', { name: '视图' }).click();
  await desk.page.getByRole('menuitem', { name: '保存当前视图…' }).click();
  await desk.page.getByRole('textbox', { name: '视图名称' }).fill('京东未认领逾期');
  await desk.page.getByRole('button', { name: '保存', exact: true }).click();
  await desk.page.getByRole('button', { name: '清除筛选' }).click();
  await desk.tab('全部').click();
  await expect(desk.page.getByRole('button', { name: '未认领' })).toHaveAttribute('aria-pressed', 'false');
  await desk.page.reload();
  await desk.waitForCases();
  await desk.page.getByRole('button', { name: '视图' }).click();
  await desk.page.getByRole('menuitem', { name: '京东未认领逾期' }).click();
  await expect(desk.tab('已逾期')).toHaveAttribute('aria-selected', 'true');
  await desk.openFilters();
  await expect(desk.page.getByRole('combobox', { name: '平台' })).toHaveText('京东');
  await expect(desk.page.getByRole('button', { name: '未认领' })).toHaveAttribute('aria-pressed', 'true');
  for (const row of (await desk.rows().all()).slice(0, 5)) {
    await expect(row).toContainText('京东');
    await expect(row).toContainText('已超时');
  }
  await desk.page.getByRole('button', { name: '清除筛选' }).click();
  await desk.tab('全部').click();

  // Resolved cases stay findable: the status filter asks for them.
  await desk.search(target!.orderNo);
  await desk.row(target!.id).click();
  await desk.detail.getByRole('button', { name: '解决' }).click();
  const resolve = desk.page.getByRole('dialog', { name: '解决案件' });
  await resolve.getByRole('combobox', { name: '原因', exact: true }).click();
  await desk.page.getByRole('option', { name: '缺货' }).click();
  await resolve.getByRole('combobox', { name: '结果', exact: true }).click();
  await desk.page.getByRole('option', { name: '截止前发出' }).click();
  await resolve.getByRole('button', { name: '确认解决' }).click();
  await expect(desk.row(target!.id)).toBeHidden();
  await expect(desk.grid.getByText('没有符合条件的案件')).toBeVisible();
  await desk.chooseFilter('状态', '已解决');
  await expect(desk.row(target!.id)).toBeVisible();
  await expect(desk.row(target!.id)).toContainText('已解决');
  await desk.page.getByRole('button', { name: '清除筛选' }).click();
  await desk.search('');

  // Keyboard: j/k move, Enter opens the case, "/" searches.
  await expect(desk.rows().nth(1)).toBeVisible();
  await desk.grid.focus();
  await desk.page.keyboard.press('j');
  await expect(desk.rows().nth(0)).toHaveAttribute('aria-selected', 'true');
  await desk.page.keyboard.press('j');
  await expect(desk.rows().nth(1)).toHaveAttribute('aria-selected', 'true');
  await desk.page.keyboard.press('ArrowUp');
  await expect(desk.rows().nth(0)).toHaveAttribute('aria-selected', 'true');
  await desk.page.keyboard.press('Enter');
  await expect(desk.detail.getByRole('button').first()).toBeFocused();
  await desk.page.keyboard.press('/');
  await expect(desk.searchBox).toBeFocused();

  // The command palette reaches the buckets and the app's settings.
  await desk.page.keyboard.press('Control+K');
  await expect(desk.palette).toBeVisible();
  await desk.page.keyboard.type('已逾期');
  await desk.screenshot('W1-palette');
  await desk.page.keyboard.press('Enter');
  await expect(desk.tab('已逾期')).toHaveAttribute('aria-selected', 'true');
  await desk.runCommand('切换语言');
  await expect(desk.page.getByRole('tab', { name: /^Overdue \d+$/ })).toBeVisible();
  await desk.page.keyboard.press('Control+K');
  await desk.page.keyboard.type('language');
  await desk.page.keyboard.press('Enter');
  await expect(desk.tab('已逾期')).toBeVisible();
  await desk.tab('全部').click();

  // Deadlines count down live and a case moves into "overdue" by itself when its deadline passes.
  const orderNo = `W1-${Date.now()}`;
  await sendOrder(server, {
    platformOrderId: orderNo,
    category: '生鲜',
    itemName: '阳澄湖大闸蟹',
    customerName: '倒计时测试',
    customerPhone: '13800007788',
    shipBy: Date.now() + 20_000,
  });
  await desk.search('倒计时测试');
  const live = desk.rows().first();
  await expect(live).toContainText('还剩', { timeout: 15_000 });
  await expect(live).toContainText('已超时', { timeout: 40_000 });
  await expect(desk.tab('已逾期')).toHaveAttribute('data-count', '1', { timeout: 40_000 });
});

test('W3 take work: claim, release, bulk-claim from a multi-selection; the list shows who holds each case', async ({
  page,
  browser,
  server,
}) => {
  const desk = await openDesk(page, server.url);
  await desk.openFilters();
  await desk.assignee('未认领');
  await expect(desk.rows().nth(5)).toBeVisible();
  const ids = await desk.visibleCaseIds(5);
  const orderNo = async (id: string) =>
    (await desk.row(id).getByRole('gridcell').nth(3).textContent())!.split(' · ')[1]!.trim();
  const numbers = await Promise.all(ids.map(orderNo));

  // Tick one, shift-click a second: the range between them is ticked.
  await desk.checkbox(numbers[0]!).click();
  await desk.checkbox(numbers[2]!).click({ modifiers: ['Shift'] });
  await expect(desk.bulkBar).toContainText('已选 3 个');
  await expect(desk.checkbox(numbers[1]!)).toBeChecked();
  // "x" ticks the current row and unticks it again.
  await desk.row(ids[4]!).click();
  await desk.grid.focus();
  await desk.page.keyboard.press('x');
  await expect(desk.bulkBar).toContainText('已选 4 个');
  await desk.screenshot('W3-bulk');
  await desk.page.keyboard.press('x');
  await expect(desk.bulkBar).toContainText('已选 3 个');

  // Bulk claim: one claim per case, each on its current version.
  await desk.bulkBar.getByRole('button', { name: '认领' }).click();
  await expect(desk.page.getByText('已认领 3 个案件')).toBeVisible();
  await expect(desk.bulkBar).toBeHidden();
  await desk.assignee('我的');
  for (const id of ids.slice(0, 3)) await expect(desk.assigneeCell(id)).toContainText('张伟');
  await expect(desk.row(ids[3]!)).toBeHidden();
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  for (const id of ids.slice(0, 3)) {
    const [row] = await server.database.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.assigneeId).toBe('u-zhangwei');
    const events = await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id));
    expect(events.filter((e) => e.kind === 'claimed')).toHaveLength(1);
  }
  await desk.screenshot('W3-mine');

  // Claim and release one case from the command palette.
  await desk.assignee('全部');
  await desk.search(numbers[3]!);
  await desk.row(ids[3]!).click();
  await desk.runCommand('认领案件');
  await expect(desk.assigneeCell(ids[3]!)).toContainText('张伟');
  await desk.runCommand('释放案件');
  await expect(desk.assigneeCell(ids[3]!)).toHaveText('—', { timeout: 15_000 });
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const [released] = await server.database.db.select().from(cases).where(eq(cases.id, ids[3]!));
  expect(released?.assigneeId).toBeNull();

  // A colleague's list shows who holds each case.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const colleague = await openDesk(await other.newPage(), server.url, 'wangfang');
  await colleague.search(numbers[0]!);
  await expect(colleague.assigneeCell(ids[0]!)).toHaveText('张伟');
  await other.close();
});

/** Records the notifications the page creates (the real ones still go to the browser) and the app badge. */
const RECORD_ALERTS = `(() => {
  window.__notifications = [];
  window.__badges = [];
  const Real = window.Notification;
  if (Real) {
    class Recording extends Real {
      constructor(title, options) {
        super(title, options);
        window.__notifications.push({ title, body: (options && options.body) || '', notification: this });
      }
    }
    Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
    Recording.requestPermission = (...args) => Real.requestPermission(...args);
    window.Notification = Recording;
  }
  navigator.setAppBadge = (n) => { window.__badges.push(n ?? 0); return Promise.resolve(); };
  navigator.clearAppBadge = () => { window.__badges.push(0); return Promise.resolve(); };
})();`;

interface AlertWindow {
  __notifications: { title: string; body: string; notification: EventTarget }[];
  __badges: number[];
}

const titles = (page: Page) =>
  page.evaluate(() => (window as unknown as AlertWindow).__notifications.map((n) => n.title));
const lastBadge = (page: Page) =>
  page.evaluate(() => (window as unknown as AlertWindow).__badges.at(-1) ?? null);

test('W10 never miss a critical case: a desktop notification when it turns overdue, a badge with the overdue count', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    permissions: ['notifications'],
  });
  await context.addInitScript({ content: RECORD_ALERTS });
  const page = await context.newPage();
  const desk = await openDesk(page, server.url);

  // The badge (and the window title) show the number of overdue open cases.
  await expect
    .poll(async () => (await lastBadge(page)) === (await desk.tabCount('已逾期')), { timeout: 40_000 })
    .toBe(true);
  await expect(page).toHaveTitle(/^\(\d+\) /);

  // Settings say which cases alert; the browser already allows notifications.
  await desk.openSettings();
  await expect(desk.settings.getByText('浏览器已允许通知')).toBeVisible();
  await expect(desk.settings.getByText(/生鲜或冷冻商品，或平台罚金不低于 ¥50\.00/)).toBeVisible();
  await desk.screenshot('W10-settings');
  await desk.settings.getByRole('button', { name: '完成' }).click();

  // A fresh order whose deadline passes while the desk is open raises one notification.
  const orderNo = `W10A${Date.now()}`;
  await sendOrder(server, {
    platformOrderId: orderNo,
    category: '生鲜',
    itemName: '阳澄湖大闸蟹',
    customerName: '通知测试',
    customerPhone: '13800005566',
    shipBy: Date.now() + 15_000,
  });
  const title = `案件已逾期：${orderNo}`;
  await expect.poll(() => titles(page), { timeout: 45_000 }).toContain(title);
  const [shown] = await page.evaluate(
    (t) => (window as unknown as AlertWindow).__notifications.filter((n) => n.title === t).map((n) => n.body),
    title,
  );
  expect(shown).toContain('天猫');
  expect(shown).toContain('生鲜 阳澄湖大闸蟹');
  await page.waitForTimeout(4_000);
  expect((await titles(page)).filter((t) => t === title)).toHaveLength(1);

  // Clicking it opens the case.
  await page.evaluate(
    (t) =>
      (window as unknown as AlertWindow).__notifications
        .find((n) => n.title === t)!
        .notification.dispatchEvent(new Event('click')),
    title,
  );
  await expect(page.getByRole('region', { name: `天猫 · ${orderNo}` })).toBeVisible();
  await expect
    .poll(async () => (await lastBadge(page)) === (await desk.tabCount('已逾期')), { timeout: 40_000 })
    .toBe(true);
  await desk.screenshot('W10-opened');

  // Both can be turned off in the settings.
  await desk.openSettings();
  await desk.settings.getByLabel('关键案件逾期时发送桌面通知').uncheck();
  await desk.settings.getByLabel('在窗口和任务栏图标上显示逾期案件数').uncheck();
  await desk.settings.getByRole('button', { name: '完成' }).click();
  await expect.poll(() => lastBadge(page)).toBe(0);
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
  const quiet = `W10B${Date.now()}`;
  await sendOrder(server, {
    platformOrderId: quiet,
    category: '冷冻',
    itemName: '广式虾饺 30只',
    customerName: '静音测试',
    customerPhone: '13800006677',
    shipBy: Date.now() + 10_000,
  });
  await desk.search(quiet);
  await expect(desk.rows().first()).toContainText('已超时', { timeout: 40_000 });
  await page.waitForTimeout(4_000);
  expect(await titles(page)).not.toContain(`案件已逾期：${quiet}`);
  await context.close();
});

test('W11 make it yours: language, theme and density, remembered across restarts', async ({
  page,
  context,
  server,
}) => {
  const desk = await openDesk(page, server.url);
  await desk.openSettings();
  await desk.settings.getByRole('button', { name: 'English' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Dark' }).click();
  await settings.getByRole('button', { name: 'Compact' }).click();
  await expect(settings.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  await desk.screenshot('W11-settings-dark');
  await settings.getByRole('button', { name: 'Done' }).click();

  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(15, 20, 27)');
  const grid = page.getByRole('grid', { name: 'Worklist' });
  await expect(page.getByRole('tab', { name: /^Overdue \d+$/ })).toBeVisible();
  const firstRow = grid
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
    .first();
  expect((await firstRow.boundingBox())?.height).toBe(34);
  // The rows flow one under the other in rank order (they are laid out as a block, not placed one by one).
  const dataRows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  const tops = await dataRows.evaluateAll((els) =>
    els.slice(0, 4).map((el) => el.getBoundingClientRect().top),
  );
  expect(tops.slice(1).map((top, i) => top - tops[i]!)).toEqual([34, 34, 34]);
  await firstRow.click();
  await desk.screenshot('W11-dark');

  // Restart: a new window starts signed out, in English, dark and compact.
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url);
  await expect(again.getByRole('heading', { name: 'Sign in to Overdue Desk' })).toBeVisible();
  expect(await again.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 27)');
  await again.getByRole('textbox', { name: 'Username' }).fill('zhangwei');
  await again.getByLabel('Password').fill('desk2026');
  await again.getByRole('button', { name: 'Sign in' }).click();
  const rows = again
    .getByRole('grid', { name: 'Worklist' })
    .getByRole('row')
    .filter({
      has: again.getByRole('gridcell'),
    });
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  expect((await rows.first().boundingBox())?.height).toBe(34);

  // "System" follows the operating system's light or dark setting.
  await again.getByRole('button', { name: 'Settings' }).click();
  const dialog = again.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'System' }).click();
  await again.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(() => again.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(244, 246, 249)');
  await again.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(() => again.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(15, 20, 27)');
  await dialog.getByRole('button', { name: '中文' }).click();
  const zhDialog = again.getByRole('dialog', { name: '设置' });
  await zhDialog.getByRole('button', { name: '标准' }).click();
  await zhDialog.getByRole('button', { name: '浅色' }).click();
  expect(await again.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(244, 246, 249)',
  );
});

/** The accessible name of the focused element, as far as a keyboard user's screen reader would say it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    const by = el.getAttribute('aria-labelledby');
    const labelled = by
      ? by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    return (el.getAttribute('aria-label') || labelled || el.textContent || '').trim();
  });

/** Presses Tab until the focused control is the one named (keyboard only). */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('W12 keyboard only: from login to a resolved case with a logged customer contact', async ({
  page,
  server,
}) => {
  const [target] = await unclaimedCases(server, 1);
  await page.goto(server.url);
  const desk = new WorklistPage(page);
  await expect(page.getByRole('textbox', { name: '用户名' })).toBeFocused();
  await page.keyboard.type('zhangwei');
  await page.keyboard.press('Tab');
  await page.keyboard.type('desk2026');
  await page.keyboard.press('Enter');
  await desk.waitForCases();

  // Find the case: "/" searches, Enter goes to the first match.
  await page.keyboard.press('/');
  await expect(desk.searchBox).toBeFocused();
  await page.keyboard.type(target!.orderNo);
  await expect(desk.rows()).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(desk.row(target!.id)).toHaveAttribute('aria-selected', 'true');
  await expect(desk.grid).toBeFocused();

  // Claim it from the command palette.
  await desk.runCommand('认领案件');
  await expect(desk.assigneeCell(target!.id)).toContainText('张伟');

  // Log a contact with the customer.
  await desk.runCommand('联系客户');
  const contact = page.getByRole('dialog', { name: /^联系客户/ });
  await expect(contact).toBeVisible();
  await tabTo(page, /^已联系上$/);
  await page.keyboard.press('Space');
  await expect(contact.getByRole('button', { name: '已联系上' })).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, /^记录联系$/);
  await desk.screenshot('W12-contact');
  await page.keyboard.press('Enter');
  await expect(contact).toBeHidden();

  // Resolve it with a cause and an outcome.
  await desk.runCommand('解决案件');
  const resolve = page.getByRole('dialog', { name: '解决案件' });
  await expect(resolve).toBeVisible();
  await tabTo(page, /^原因/);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: '缺货' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, /^结果/);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: '截止前发出' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, /^确认解决$/);
  await desk.screenshot('W12-resolve');
  await page.keyboard.press('Enter');
  await expect(resolve).toBeHidden();

  // The pending count may read 0 for a moment before the resolve reaches the outbox, so wait for the server's
  // answer itself, then for the desk to have nothing pending.
  await expect
    .poll(async () => (await server.database.db.select().from(cases).where(eq(cases.id, target!.id)))[0], {
      timeout: 15_000,
    })
    .toMatchObject({ status: 'resolved', assigneeId: 'u-zhangwei', cause: 'out_of_stock' });
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const events = await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, target!.id));
  expect(events.map((e) => e.kind)).toEqual(
    expect.arrayContaining(['claimed', 'customer_contacted', 'resolved']),
  );
  await desk.screenshot('W12-resolved');
});

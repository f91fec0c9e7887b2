import { and, eq, isNull } from 'drizzle-orm';
import { caseEvents, cases, orders } from '../../server/db/schema';
import { expect, test } from './fixtures';
import { DeskPage, LoginPage } from './pages/desk';

test('a coordinator logs in and sees the prioritised cases', async ({ page, server }) => {
  const response = await page.goto(server.url);
  // The page runs under the strict policy (no inline or foreign scripts) and still works.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
  await new LoginPage(page).login('zhangwei');
  const desk = new DeskPage(page);
  await desk.waitForCases();
  await expect(desk.status.getByText('在线')).toBeVisible();
  // The first row is the most urgent: overdue cases come first.
  await expect(desk.rows().first()).toContainText('已超时');
});

test('offline actions survive a reload, replay exactly once, and reach a colleague live', async ({
  page,
  browser,
  server,
}) => {
  await page.goto(server.url);
  await new LoginPage(page).login('zhangwei');
  const desk = new DeskPage(page);
  await desk.waitForCases();

  // An open case nobody holds, found the way a coordinator would: by its order number.
  const [target] = await server.database.db
    .select({ id: cases.id, orderNo: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(eq(cases.status, 'open'), isNull(cases.assigneeId)))
    .orderBy(cases.shipBy)
    .limit(1);
  const caseId = target!.id;
  const openCase = async (d: DeskPage) => {
    await d.search(target!.orderNo);
    await d.row(caseId).click();
  };

  // A second coordinator watches the same case.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const otherPage = await other.newPage();
  await otherPage.goto(server.url);
  await new LoginPage(otherPage).login('wangfang');
  const otherDesk = new DeskPage(otherPage);
  await otherDesk.waitForCases();

  await page.context().setOffline(true);
  await expect(desk.status.getByText('离线')).toBeVisible();
  await openCase(desk);
  await desk.detail.getByRole('button', { name: '认领' }).click();
  await desk.addNote('仓库A区拣货员请假，已请B区支援');
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '2');
  await expect(desk.detail.getByText('仓库A区拣货员请假，已请B区支援')).toBeVisible();

  // Reload while still offline: the shell comes from the service worker, the data and outbox from IndexedDB.
  await page.reload();
  await desk.waitForCases();
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '2');
  await openCase(desk);
  await expect(desk.detail.getByText('待同步').first()).toBeVisible();
  await expect(desk.detail.getByText('负责人：张伟')).toBeVisible();

  // Colleague still sees the case unclaimed.
  await openCase(otherDesk);
  await expect(otherDesk.detail.getByText('负责人：未认领')).toBeVisible();

  await page.context().setOffline(false);
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });

  // The server holds each action exactly once.
  const events = await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  expect(events.filter((e) => e.kind === 'claimed')).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'note' && e.text === '仓库A区拣货员请假，已请B区支援')).toHaveLength(
    1,
  );

  // And the colleague sees the claim without reloading, within seconds.
  await expect(otherDesk.detail.getByText('负责人：张伟')).toBeVisible({ timeout: 5_000 });
  await expect(otherDesk.detail.getByText('仓库A区拣货员请假，已请B区支援')).toBeVisible({ timeout: 5_000 });
  await other.close();
});

test('an expired session asks for the password again and keeps the pending actions', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await new LoginPage(page).login('zhangwei');
  const desk = new DeskPage(page);
  await desk.waitForCases();
  // The server revokes the session (as at expiry or an admin's revocation).
  const token = await page.evaluate(() => sessionStorage.getItem('desk.token'));
  await page.request.post(`${server.url}/api/auth/logout`, { headers: { authorization: `Bearer ${token}` } });

  await desk.rows().first().click();
  await desk.addNote('会话过期前写的备注');
  const dialog = page.getByRole('dialog', { name: '重新登录' });
  await expect(dialog).toBeVisible();
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '1');
  await dialog.getByLabel('密码').fill('desk2026');
  await dialog.getByRole('button', { name: '登录' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const notes = await server.database.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.text, '会话过期前写的备注'));
  expect(notes).toHaveLength(1);
});

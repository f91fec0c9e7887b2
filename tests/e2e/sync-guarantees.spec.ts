import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { caseEvents, cases, orders } from '../../server/db/schema';
import type { RunningServer } from '../../server/start';
import { expect, test } from './fixtures';
import { DeskPage, LoginPage } from './pages/desk';

async function openDesk(page: Page, url: string, user: string): Promise<DeskPage> {
  await page.goto(url);
  await new LoginPage(page).login(user);
  const desk = new DeskPage(page);
  await desk.waitForCases();
  return desk;
}

async function unclaimedCase(server: RunningServer, skip = 0) {
  const rows = await server.database.db
    .select({ id: cases.id, orderNo: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(eq(cases.status, 'open'), isNull(cases.assigneeId)))
    .orderBy(cases.shipBy)
    .limit(skip + 1);
  return rows[skip]!;
}

async function openCase(desk: DeskPage, c: { id: string; orderNo: string }) {
  await desk.search(c.orderNo);
  await desk.row(c.id).click();
}

test('two windows share one local store and one sync loop; the follower takes over when the leader closes', async ({
  context,
  server,
}) => {
  const first = await context.newPage();
  const leader = await openDesk(first, server.url, 'zhangwei');
  const second = await context.newPage();
  const pulls = { second: 0 };
  second.on('request', (r) => {
    if (r.url().endsWith('/api/sync/pull') || r.url().endsWith('/api/sync/push')) pulls.second++;
  });
  const follower = await openDesk(second, server.url, 'zhangwei');
  expect(pulls.second).toBe(0);

  const target = await unclaimedCase(server);
  await openCase(follower, target);
  await follower.detail.getByRole('button', { name: '认领' }).click();
  await follower.addNote('第二个窗口写的备注');
  // The leader window pushes it; both windows see it applied.
  await expect(follower.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 10_000 });
  await openCase(leader, target);
  await expect(leader.detail.getByText('负责人：张伟')).toBeVisible();
  expect(pulls.second).toBe(0);
  const notes = await server.database.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.text, '第二个窗口写的备注'));
  expect(notes).toHaveLength(1);

  await first.close();
  await follower.addNote('接管后写的备注');
  await expect(follower.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 10_000 });
  expect(pulls.second).toBeGreaterThan(0);
  expect(
    await server.database.db.select().from(caseEvents).where(eq(caseEvents.text, '接管后写的备注')),
  ).toHaveLength(1);
});

test('a claim made offline that lost to a colleague is shown to its author with who and when', async ({
  browser,
  server,
}) => {
  const target = await unclaimedCase(server);
  const aContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const bContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const a = await openDesk(await aContext.newPage(), server.url, 'zhangwei');
  const b = await openDesk(await bContext.newPage(), server.url, 'wangfang');

  await aContext.setOffline(true);
  await openCase(a, target);
  await a.detail.getByRole('button', { name: '认领' }).click();
  await expect(a.detail.getByText('负责人：张伟')).toBeVisible();

  await openCase(b, target);
  await b.detail.getByRole('button', { name: '认领' }).click();
  // The colleague's claim must be on the server before A reconnects (a pending count of 0 can be read before the
  // click has reached the outbox).
  await expect
    .poll(
      async () =>
        (await server.database.db.select().from(cases).where(eq(cases.id, target.id)))[0]?.assigneeId,
    )
    .toBe('u-wangfang');
  await expect(b.pendingCount()).toHaveAttribute('data-count', '0');

  await aContext.setOffline(false);
  await expect(a.detail.getByRole('alert')).toContainText('被拒绝（认领）：王芳 已于', { timeout: 15_000 });
  await expect(a.detail.getByText('负责人：王芳')).toBeVisible();
  await expect(b.detail.getByText('负责人：王芳')).toBeVisible();
  // The outbox says the same, and offers a retry (a coordinator cannot take over).
  await a.page.getByRole('button', { name: '查看操作记录' }).click();
  const outbox = a.page.getByRole('region', { name: '操作记录（发件箱）' });
  await expect(outbox.getByText('被拒绝').first()).toBeVisible();
  await expect(outbox.getByRole('button', { name: '重试' })).toBeVisible();
  await aContext.close();
  await bContext.close();
});

test('a reload in the middle of a push loses nothing and duplicates nothing', async ({ page, server }) => {
  const desk = await openDesk(page, server.url, 'zhangwei');
  const target = await unclaimedCase(server);
  await openCase(desk, target);
  let intercepted = false;
  await page.route('**/api/sync/push', async (route) => {
    // The request reaches the server and commits; the page dies before it hears back.
    await route.fetch();
    intercepted = true;
    await route.abort('connectionreset');
  });
  await desk.addNote('推送途中刷新的备注');
  await expect.poll(() => intercepted).toBe(true);
  await page.unroute('**/api/sync/push');
  await page.reload();
  await desk.waitForCases();
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const notes = await server.database.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.text, '推送途中刷新的备注'));
  expect(notes).toHaveLength(1);
  await openCase(desk, target);
  await expect(desk.detail.getByText('推送途中刷新的备注')).toHaveCount(1);
});

test('a change by one coordinator reaches another within 2 seconds', async ({ browser, server }) => {
  const target = await unclaimedCase(server, 1);
  const aContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const bContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const a = await openDesk(await aContext.newPage(), server.url, 'zhangwei');
  const b = await openDesk(await bContext.newPage(), server.url, 'wangfang');
  await openCase(a, target);
  await openCase(b, target);
  await a.addNote('实时同步测试');
  await expect(b.detail.getByText('实时同步测试')).toBeVisible({ timeout: 2_000 });
  await aContext.close();
  await bContext.close();
});

// W2: understanding a case from its panel alone: the order, both clocks, why it ranks where it does, and every
// event and action with who and when.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { couriers, cases, orders } from '../../server/db/schema';
import { expect, test } from './fixtures';
import { openDesk } from './pages/case-panels';

test('W2 understand a case: order facts, both clocks, why this priority, and a timeline of who did what when', async ({
  page,
  server,
}) => {
  // An open case whose parcel is packed with a waybill (so the pickup clock runs) and nobody holds yet.
  const [target] = await server.database.db
    .select({ id: cases.id, order: orders, carrier: couriers.carrier })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .innerJoin(couriers, eq(couriers.id, orders.courierId))
    .where(
      and(
        eq(cases.status, 'open'),
        isNull(cases.assigneeId),
        isNotNull(orders.pickupBy),
        isNotNull(orders.waybill),
      ),
    )
    .limit(1);
  expect(target, 'the demo world has a packed open case').toBeDefined();
  const o = target!.order;
  const desk = await openDesk(page, server.url, 'zhangwei');
  await desk.openCase({ id: target!.id, orderNo: o.platformOrderId });
  const detail = desk.detail;

  // The order: platform, goods, value, customer and city, courier and waybill.
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(o.platformOrderId);
  await expect(detail).toContainText(o.items[0]!.name);
  await expect(detail).toContainText(
    `¥${(o.valueFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`,
  );
  await expect(detail).toContainText(o.customerName);
  await expect(detail).toContainText(o.city);
  await expect(detail).toContainText(target!.carrier);
  await expect(detail).toContainText(o.waybill!);

  // Both clocks, live: the ship-by deadline and the courier's pickup clock.
  await expect(detail.getByText('发货截止时间')).toBeVisible();
  await expect(detail.getByText('揽收截止')).toBeVisible();
  await expect(detail.getByTestId('countdown')).toHaveText(/还剩|已超时/);

  // Why it ranks here: the shared priority's parts, each with its points.
  await expect(detail.getByText(/^优先级说明 · \d+/)).toBeVisible();
  await expect(detail.getByText(/\+\d+ 分/).first()).toBeVisible();

  // The timeline: order milestones, then what people did, with who and when.
  await detail.getByRole('button', { name: '认领' }).click();
  await desk.addNote('已联系仓库优先拣货');
  const timeline = detail.getByRole('list', { name: '处理记录' });
  await expect(timeline).toContainText('买家付款');
  await expect(timeline).toContainText('打包完成');
  await expect(timeline.getByRole('listitem').filter({ hasText: '张伟 认领了案件' })).toBeVisible();
  const note = timeline.getByRole('listitem').filter({ hasText: '张伟：已联系仓库优先拣货' });
  await expect(note).toBeVisible();
  await expect(note).toContainText(/\d{2}\/\d{2} \d{2}:\d{2}/);
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/screens/W2-case.png' });
});

// Issue 6, the case panel's workflows W4-W9, against a real server with the demo world: each test drives the UI
// by role and name, checks what the server stored, and leaves a screenshot in test-results/screens.
import { and, eq } from 'drizzle-orm';
import { caseEvents, cases, orders, pickers } from '../../server/db/schema';
import { expect, test } from './fixtures';
import { courierById, openCases, openDesk, uniquePickers } from './pages/case-panels';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

test('W4 a lead puts pickers on one case and on ticked cases; a coordinator can only ask', async ({
  page,
  browser,
  server,
}) => {
  const [one, two, three] = await openCases(server, 3);
  const [first, second] = await uniquePickers(server, 'on_shift');
  expect(second, 'the demo floor has two pickers on shift').toBeTruthy();

  const lead = await openDesk(page, server.url, 'lina');
  await lead.openCase(one!);
  await lead.openTab('拣货');
  await expect(lead.detail.getByText('尚未安排拣货员')).toBeVisible();
  await lead.detail.getByRole('button', { name: `安排 ${first!.name}`, exact: true }).click();
  await expect(lead.flags()).toContainText(`拣货员：${first!.name}`);
  await expect(lead.pickerLine(lead.detail, first!.name).first()).toContainText('在拣 1 单');

  // Two more cases ticked, then one picker for both.
  await lead.openCase(two!);
  await lead.detail.getByRole('checkbox', { name: '勾选此案件（批量操作）' }).check();
  await lead.openCase(three!);
  await lead.detail.getByRole('checkbox', { name: '勾选此案件（批量操作）' }).check();
  await lead.openTab('拣货');
  await lead.detail.getByRole('button', { name: '已勾选的 2 个案件' }).click();
  await lead.screenshot('W4-lead-picker-panel');
  await lead.detail.getByRole('button', { name: `安排 ${second!.name}`, exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: `已为 2 个案件安排 ${second!.name}` }),
  ).toBeVisible();
  await expect(lead.flags()).toContainText(`拣货员：${second!.name}`);
  await expect(lead.detail.getByRole('checkbox', { name: '勾选此案件（批量操作）' })).not.toBeChecked();
  await lead.synced();
  const picked = await server.database.db.select({ id: cases.id, pickerId: cases.pickerId }).from(cases);
  const pickerOf = new Map(picked.map((r) => [r.id, r.pickerId]));
  expect([pickerOf.get(one!.id), pickerOf.get(two!.id), pickerOf.get(three!.id)]).toEqual([
    first!.id,
    second!.id,
    second!.id,
  ]);

  // The worklist's bulk bar opens the same assignment for the ticked cases.
  for (const c of [two!, three!]) {
    await lead.search(c.orderNo);
    await lead.grid.getByRole('checkbox', { name: `选择订单 ${c.orderNo}` }).check();
  }
  await page.getByRole('toolbar', { name: '批量操作' }).getByRole('button', { name: '安排拣货员' }).click();
  const assign = lead.dialog('安排拣货员');
  await assign.getByRole('combobox', { name: '拣货员' }).selectOption(first!.id);
  await assign.getByRole('button', { name: '确认安排' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `已为 2 个案件安排 ${first!.name}` })).toBeVisible();
  await lead.synced();
  const reassigned = await server.database.db.select({ id: cases.id, pickerId: cases.pickerId }).from(cases);
  const now = new Map(reassigned.map((r) => [r.id, r.pickerId]));
  expect([now.get(two!.id), now.get(three!.id)]).toEqual([first!.id, first!.id]);

  // A coordinator sees the same floor but cannot assign; asking works.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const coordinatorPage = await other.newPage();
  const coordinator = await openDesk(coordinatorPage, server.url, 'zhangwei');
  await coordinator.openCase(one!);
  await coordinator.openTab('拣货');
  await expect(coordinator.pickerLine(coordinator.detail, first!.name).first()).toBeVisible();
  await expect(coordinator.detail.getByRole('button', { name: /^安排/ })).toHaveCount(0);
  await coordinator.button('请求拣货员').click();
  const ask = coordinator.dialog('请求仓库安排拣货员');
  await expect(ask.getByRole('textbox', { name: '请求内容' })).toHaveValue(new RegExp(one!.orderNo));
  await coordinator.screenshot('W4-coordinator-request');
  await ask.getByRole('button', { name: '发送请求' }).click();
  await expect(coordinator.timeline()).toContainText('张伟 请求安排拣货员');
  await coordinator.synced();
  const asked = await server.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, one!.id), eq(caseEvents.kind, 'picker_requested')));
  expect(asked).toHaveLength(1);

  // The server refuses a coordinator's assignment, whatever the UI does.
  const token = await coordinatorPage.evaluate(() => sessionStorage.getItem('desk.token'));
  const response = await coordinatorPage.request.post(`${server.url}/api/sync/push`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      clientId: `w4-probe-${Date.now()}`,
      protocolVersion: 1,
      mutations: [
        {
          id: 1,
          name: 'assignPicker',
          args: { caseId: two!.id, pickerId: first!.id, baseVersion: 0, override: true },
          clientTime: Date.now(),
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { results: { status: string; refusal?: { code: string } }[] };
  expect(body.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
  const [still] = await server.database.db
    .select({ pickerId: cases.pickerId })
    .from(cases)
    .where(eq(cases.id, two!.id));
  expect(still!.pickerId).toBe(first!.id);
  await other.close();
});

test('W5 a lead marks a picker absent, moves a picker between zones and reassigns the stranded pick', async ({
  page,
  server,
}) => {
  const onShift = await uniquePickers(server, 'on_shift');
  const absentee = onShift[0]!;
  const mover = onShift.find((p) => p.zoneId !== absentee.zoneId);
  expect(mover, 'an on-shift picker in another zone').toBeTruthy();
  const [target] = await server.database.db
    .select({ id: cases.id, orderNo: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(eq(cases.status, 'open'), eq(orders.zoneId, absentee.zoneId)))
    .orderBy(cases.shipBy)
    .limit(1);
  expect(target).toBeTruthy();

  const lead = await openDesk(page, server.url, 'lina');
  await lead.openCase(target!);
  await lead.openTab('拣货');
  await lead.detail.getByRole('button', { name: `安排 ${absentee.name}`, exact: true }).click();
  await expect(lead.flags()).toContainText(`拣货员：${absentee.name}`);

  await lead.button('楼面总览').click();
  const floor = page.getByRole('region', { name: '楼面：拣货区与拣货员' });
  await expect(floor).toBeVisible();
  const zoneGroup = (zoneId: string) =>
    floor.getByRole('group', { name: new RegExp(`^${zoneId.slice(-1)} `) });
  const home = zoneGroup(absentee.zoneId);
  await expect(home).toContainText('已安排 1 单');
  const onShiftBefore = Number(
    (await home.getByTestId('zone-load').textContent())!.match(/在岗 (\d+) 人/)![1],
  );

  // Move a picker from another zone into the absentee's zone.
  await floor.getByRole('combobox', { name: `${mover!.name} 的拣货区` }).selectOption(absentee.zoneId);
  await expect(home.getByRole('listitem', { name: mover!.name, exact: true })).toBeVisible();
  await expect(home.getByTestId('zone-load')).toContainText(`在岗 ${onShiftBefore + 1} 人`);

  // The absentee calls in sick: their pick is flagged, in the floor and in the case panel.
  await floor.getByRole('combobox', { name: `${absentee.name} 的状态` }).selectOption('absent');
  const stranded = floor.getByRole('list', { name: '缺勤拣货员手上的订单' });
  const item = stranded.getByRole('listitem', { name: target!.orderNo });
  await expect(item).toContainText(`拣货员 ${absentee.name} 缺勤，需改派`);
  await expect(home).toContainText('缺勤待改派 1 单');
  await lead.screenshot('W5-floor');
  await page.getByRole('button', { name: '关闭楼面总览' }).click();
  await expect(lead.flags()).toContainText(`拣货员 ${absentee.name} 缺勤，需改派`);
  await lead.screenshot('W5-case-flag');

  // One click hands it to someone on shift in that zone.
  const reassign = lead.flags().getByRole('button', { name: /^改派给 / });
  const newName = (await reassign.textContent())!.replace('改派给 ', '').trim();
  await reassign.click();
  await expect(lead.flags()).toContainText(`拣货员：${newName}`);
  await expect(lead.flags()).not.toContainText('缺勤');
  await lead.button('楼面总览').click();
  await expect(floor.getByText('没有需要改派的订单')).toBeVisible();
  await page.getByRole('button', { name: '关闭楼面总览' }).click();

  await lead.synced();
  const rows = await server.database.db.select().from(pickers);
  const byId = new Map(rows.map((p) => [p.id, p]));
  expect(byId.get(absentee.id)!.status).toBe('absent');
  expect(byId.get(mover!.id)!.zoneId).toBe(absentee.zoneId);
  const [after] = await server.database.db.select().from(cases).where(eq(cases.id, target!.id));
  const taker = byId.get(after!.pickerId!)!;
  expect(taker.name).toBe(newName);
  expect(taker.status).toBe('on_shift');
  expect(taker.zoneId).toBe(absentee.zoneId);
});

test('W6 a coordinator works the courier: cut-off countdown, green channel and a carrier switch', async ({
  page,
  server,
}) => {
  const [target] = await openCases(server, 1);
  const courier = await courierById(server, target!.courierId);
  const desk = await openDesk(page, server.url, 'zhangwei');
  await desk.openCase(target!);
  await desk.openTab('快递');
  const card = desk.detail.getByRole('group', { name: '承运快递' });
  await expect(card).toContainText(courier.carrier);
  await expect(card).toContainText(courier.depot);
  await expect(card).toContainText(courier.contactName);
  await expect(card).toContainText(courier.phone);
  // The next cut-off, counting down (it is always ahead: today's or tomorrow's first).
  await expect(card).toContainText(/下次揽收截止\d{2}:\d{2}（还剩 [^）]+）/);
  const depots = desk.detail.getByRole('table', { name: '全部快递网点' });
  await expect(depots.getByRole('row').filter({ hasText: '中通快递' })).toContainText('爆仓');

  await desk.detail.getByRole('textbox', { name: '申请说明或快递答复（可选）' }).fill('生鲜加急，请优先揽收');
  await desk.button('申请绿色通道').click();
  await expect(desk.detail.getByTestId('green-channel-status')).toHaveText('已申请，等待快递答复');
  await desk.button('记录：快递同意').click();
  await expect(desk.detail.getByTestId('green-channel-status')).toHaveText('快递已同意优先揽收');
  await expect(desk.timeline()).toContainText('张伟 记录了快递答复（同意）');
  await desk.screenshot('W6-courier-panel');

  await desk.button('更换快递').click();
  const dialog = desk.dialog('更换承运快递');
  const choice = dialog.getByRole('combobox', { name: '新快递' });
  const newCourierId = target!.courierId === 'cr-sf' ? 'cr-jdl' : 'cr-sf';
  await choice.selectOption(newCourierId);
  const newCourier = await courierById(server, newCourierId);
  await dialog.getByRole('textbox', { name: '更换原因（可选）' }).fill('原快递网点爆仓');
  await desk.screenshot('W6-switch-dialog');
  await dialog.getByRole('button', { name: '确认更换' }).click();
  await expect(card).toContainText(newCourier.carrier);
  await expect(card).toContainText('已更换快递：需要重新打印面单');
  await expect(desk.flags()).toContainText('已换快递，需重新打单');
  await expect(desk.detail.getByTestId('green-channel-status')).toHaveText('未申请');
  await expect(desk.timeline()).toContainText(`${courier.carrier} → ${newCourier.carrier}`);

  await desk.synced();
  const [row] = await server.database.db
    .select({ needsNewWaybill: cases.needsNewWaybill, courierId: orders.courierId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(eq(cases.id, target!.id));
  expect(row).toEqual({ needsNewWaybill: true, courierId: newCourierId });
  const events = await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, target!.id));
  expect(events.map((e) => e.kind).sort()).toEqual(
    ['carrier_switched', 'green_channel_answered', 'green_channel_requested'].sort(),
  );
});

test('W7 a coordinator fills a template in either language, copies it, and logs each contact attempt', async ({
  page,
  context,
  server,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const [target] = await openCases(server, 1);
  const desk = await openDesk(page, server.url, 'zhangwei');
  await desk.openCase(target!);
  await desk.openTab('客户');
  await expect(desk.detail.getByText('尚未联系上客户')).toBeVisible();
  await desk.button('联系客户').click();
  const dialog = desk.dialog(/^联系客户/);
  const message = dialog.getByRole('textbox', { name: '消息内容' });
  await expect(message).toHaveValue(new RegExp(`您好[\\s\\S]*${target!.orderNo}[\\s\\S]*深表歉意`));
  await dialog.getByRole('combobox', { name: '延误原因' }).selectOption('weather');
  await expect(message).toHaveValue(/原因是受天气影响，运输暂时受阻。/);

  // The customer reads English; the desk stays in Chinese.
  await dialog.getByRole('button', { name: 'English', exact: true }).click();
  await expect(message).toHaveValue(new RegExp(`^Dear .*\\n.*order ${target!.orderNo} did not ship on time`));
  await expect(message).toHaveValue(/What happened: the weather has held up transport\./);
  await expect(dialog.getByRole('button', { name: '复制到剪贴板' })).toBeVisible();
  await dialog.getByRole('button', { name: '复制到剪贴板' }).click();
  await expect(dialog.getByRole('status')).toHaveText('已复制到剪贴板');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await message.inputValue());
  await desk.screenshot('W7-contact-dialog');

  // First attempt: an SMS nobody answered. The case is not "contacted" yet.
  await dialog.getByRole('button', { name: '短信', exact: true }).click();
  await dialog.getByRole('button', { name: '无人接听', exact: true }).click();
  await dialog.getByRole('button', { name: '记录联系' }).click();
  await expect(dialog).toBeHidden();
  const history = desk.detail.getByRole('list', { name: '联系记录' });
  await expect(history).toContainText('张伟 短信 · 无人接听');
  await expect(desk.detail.getByText('尚未联系上客户')).toBeVisible();

  // Second attempt: a call that reached the customer.
  await desk.button('联系客户').click();
  await dialog.getByRole('button', { name: '电话', exact: true }).click();
  await dialog.getByRole('button', { name: '已联系上', exact: true }).click();
  await dialog.getByRole('textbox', { name: '备注（可选）' }).fill('客户同意等待');
  await dialog.getByRole('button', { name: '记录联系' }).click();
  await expect(history).toContainText('张伟 电话 · 已联系上：客户同意等待');
  await expect(desk.flags()).toContainText('已联系客户');
  await expect(desk.timeline()).toContainText('张伟 联系了客户（电话 · 已联系上）：客户同意等待');
  await desk.screenshot('W7-customer-panel');

  // The desk in English shows the same log in English.
  await page.getByRole('button', { name: '切换语言' }).click();
  await desk.detail.getByRole('tab', { name: 'Customer', exact: true }).click();
  await expect(desk.detail.getByRole('list', { name: 'Contact attempts' })).toContainText('Phone · Reached');
  await desk.screenshot('W7-customer-panel-en');

  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const [row] = await server.database.db.select().from(cases).where(eq(cases.id, target!.id));
  expect(row!.customerContacted).toBe(true);
  const contacts = await server.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, target!.id), eq(caseEvents.kind, 'customer_contacted')));
  expect(
    contacts.map((e) => e.detail).sort((a, b) => String(a?.channel).localeCompare(String(b?.channel))),
  ).toEqual([
    { channel: 'phone', outcome: 'reached' },
    { channel: 'sms', outcome: 'no_answer' },
  ]);
});

test('W8 compensation above the limit waits for a lead, the ledger and the penalty avoided show', async ({
  page,
  browser,
  server,
}) => {
  const [target] = await openCases(server, 1, {
    penalty: true,
    platformNot: 'wechat',
    shipByAfter: Date.now() + 6 * 3_600_000,
  });
  const desk = await openDesk(page, server.url, 'zhangwei');
  await desk.openCase(target!);
  await desk.openTab('补偿');
  await expect(desk.detail.getByTestId('penalty')).toHaveText(`罚金风险 ${yuan(target!.penaltyFen)}`);
  await expect(desk.detail.getByText('单笔超过 ¥50.00 需主管审批')).toBeVisible();

  const offer = async (type: string, amount: string, note: string) => {
    await desk.button('提出补偿').click();
    const dialog = desk.dialog('向客户提出补偿');
    await dialog.getByRole('combobox', { name: '补偿类型' }).selectOption(type);
    await dialog.getByRole('textbox', { name: '金额（元）' }).fill(amount);
    await dialog.getByRole('textbox', { name: '说明（可选）' }).fill(note);
    return dialog;
  };
  await (await offer('coupon', '20', '店铺优惠券')).getByRole('button', { name: '确认提出' }).click();
  const cash = await offer('cash', '100', '客户投诉，现金补偿');
  await expect(cash.getByText('金额超过 ¥50.00，提交后需等待主管审批。')).toBeVisible();
  await cash.getByRole('button', { name: '确认提出' }).click();

  const ledger = desk.detail.getByRole('table', { name: '补偿记录' });
  await expect(ledger.getByRole('row').filter({ hasText: '优惠券' })).toContainText('已批准');
  await expect(ledger.getByRole('row').filter({ hasText: '现金' })).toContainText('待审批');
  await expect(desk.detail.getByTestId('ledger-total')).toHaveText('已批准合计 ¥20.00');
  await expect(desk.flags()).toContainText('补偿待审批');
  // A coordinator gets no approve buttons.
  await expect(desk.detail.getByRole('button', { name: /^批准/ })).toHaveCount(0);
  await desk.synced();

  // The lead approves from the approval queue.
  const leadContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const leadPage = await leadContext.newPage();
  const lead = await openDesk(leadPage, server.url, 'lina');
  await lead.openCase(target!);
  await lead.openTab('补偿');
  await lead.button('审批队列（1）').click();
  const queue = leadPage.getByRole('region', { name: '补偿审批队列' });
  const item = queue.getByRole('listitem', { name: `${target!.orderNo} 现金` });
  await expect(item).toContainText('现金 ¥100.00');
  await expect(item).toContainText('张伟 于');
  await expect(item).toContainText('客户投诉，现金补偿');
  await lead.screenshot('W8-approval-queue');
  await item.getByRole('button', { name: `批准 ${target!.orderNo} 现金 ¥100.00` }).click();
  await expect(queue.getByText('没有待审批的补偿')).toBeVisible();
  await leadPage.getByRole('button', { name: '关闭审批队列' }).click();
  await lead.synced();
  await leadContext.close();

  // The coordinator sees the decision arrive, then agrees a delay with the buyer: the penalty is avoided.
  await expect(ledger.getByRole('row').filter({ hasText: '现金' })).toContainText('已批准', {
    timeout: 10_000,
  });
  await expect(ledger.getByRole('row').filter({ hasText: '现金' })).toContainText('李娜 于');
  await expect(desk.detail.getByTestId('ledger-total')).toHaveText('已批准合计 ¥120.00');
  await desk.button('约定延迟').click();
  const delay = desk.dialog('记录买家同意的新发货时间');
  await delay.getByRole('textbox', { name: '买家同意的说明' }).fill('买家同意顺延一天，赠券补偿');
  await delay.getByRole('button', { name: '确认延迟' }).click();
  await expect(desk.detail.getByTestId('penalty')).toHaveText(`已避免罚金 ${yuan(target!.penaltyFen)}`);
  await desk.screenshot('W8-compensation-ledger');

  await desk.synced();
  const [row] = await server.database.db.select().from(cases).where(eq(cases.id, target!.id));
  expect(row!.compensations.map((c) => [c.type, c.amountFen, c.status, c.decidedBy])).toEqual([
    ['coupon', 2000, 'approved', 'u-zhangwei'],
    ['cash', 10_000, 'approved', 'u-lina'],
  ]);
});

test('W9 resolving needs a cause and an outcome; the case leaves the active list and can be reopened', async ({
  page,
  server,
}) => {
  const [target] = await openCases(server, 1);
  const desk = await openDesk(page, server.url, 'zhangwei');
  await desk.openCase(target!);
  await desk.button('解决').click();
  const dialog = desk.dialog('解决案件');
  const submit = dialog.getByRole('button', { name: '确认解决' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('combobox', { name: /^原因/ }).click();
  await page.getByRole('option', { name: '缺货', exact: true }).click();
  await expect(submit).toBeDisabled();
  await dialog.getByRole('combobox', { name: /^结果/ }).click();
  await page.getByRole('option', { name: '截止前发出', exact: true }).click();
  await submit.click();

  const summary = desk.detail.getByRole('group', { name: '处理结果' });
  await expect(summary).toContainText('主要原因缺货');
  await expect(summary).toContainText('结果截止前发出');
  await expect(summary).toContainText('处理人张伟');
  await expect(desk.button('解决')).toHaveCount(0);
  // Gone from the active list: its order number finds no row.
  await expect(desk.row(target!.id)).toHaveCount(0);
  await expect(desk.rows()).toHaveCount(0);
  await desk.synced();
  await desk.screenshot('W9-resolved');

  await summary.getByRole('button', { name: '重新打开', exact: true }).click();
  const reopen = desk.dialog('重新打开案件');
  await expect(reopen.getByRole('button', { name: '确认重新打开' })).toBeDisabled();
  await reopen.getByRole('textbox', { name: '重新打开的原因' }).fill('客户反馈仍未收到发货通知');
  await reopen.getByRole('button', { name: '确认重新打开' }).click();
  await expect(desk.detail.getByRole('group', { name: '处理结果' })).toHaveCount(0);
  await expect(desk.button('解决')).toBeVisible();
  await expect(desk.row(target!.id)).toBeVisible();
  await expect(desk.timeline()).toContainText('张伟 重新打开了案件：客户反馈仍未收到发货通知');
  await desk.screenshot('W9-reopened');

  await desk.synced();
  const [row] = await server.database.db.select().from(cases).where(eq(cases.id, target!.id));
  expect(row!.status).toBe('open');
  const kinds = (
    await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, target!.id))
  ).map((e) => e.kind);
  expect(kinds).toEqual(expect.arrayContaining(['resolved', 'reopened']));
});

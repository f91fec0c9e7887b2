// F14 prevention: the breach forecast per zone and horizon (R3), risk flags (R4) and suggested actions (R5), each
// checked against the server's own answer (captured as the view loads it) and the database.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { cases, couriers, orders, pickers, riskFlags, users, zones } from '../../server/db/schema';
import { writeTransaction } from '../../server/sync/write-tx';
import { expect, test } from './fixtures';
import { DeskPage, LoginPage } from './pages/desk';
import { ForecastView, WAREHOUSE, postFlag, tokenFor, type ForecastAnswer } from './pages/forecast';
import type { Page } from '@playwright/test';
import type { RunningServer } from '../../server/start';

const REASON_ZH = {
  zone_backlog: '拣货积压',
  picker_absent: '拣货员缺勤',
  missed_cutoff: '赶不上揽收',
  risk_flag: '风险标记',
} as const;

/** An instant on the warehouse's wall clock as the CSV import reads it ("2026-11-26 18:00"). */
const wall = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);

/** Each order's case (the open one when there is one), as the view links them. */
async function casesOf(server: RunningServer, orderIds: readonly string[]) {
  if (!orderIds.length) return new Map<string, { id: string; orderNo: string; status: string }>();
  const rows = await server.database.db
    .select({ id: cases.id, orderId: cases.orderId, status: cases.status, orderNo: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(inArray(cases.orderId, [...orderIds]));
  const byOrder = new Map<string, { id: string; orderNo: string; status: string }>();
  for (const r of rows) if (!byOrder.has(r.orderId) || r.status === 'open') byOrder.set(r.orderId, r);
  return byOrder;
}

async function zoneLabels(server: RunningServer): Promise<Map<string | null, string>> {
  const rows = await server.database.db.select().from(zones).where(eq(zones.warehouseId, WAREHOUSE));
  return new Map<string | null, string>([
    [null, '未分区'],
    ...rows.map((z) => [z.id, `${z.code} ${z.name}`] as const),
  ]);
}

/** The worklist's rows, top first, by case id. */
const rowOrder = (page: Page) =>
  page
    .getByRole('grid', { name: '工作列表' })
    .locator('[role="row"][data-case-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id') ?? ''));

test('R3 forecast view: each zone × 2/4/8/24 h shows the server’s due, backlog, capacity and breaches; breaches list their reason and open their case', async ({
  page,
  server,
}) => {
  const { view, answer } = await ForecastView.open(page, server.url, 'zhangwei');
  const f = answer.forecast;
  const labels = await zoneLabels(server);
  expect(f.horizonsHours).toEqual([2, 4, 8, 24]);
  expect(f.zones.length).toBeGreaterThan(1);

  // Every zone, every horizon, every figure, as the server computed it; pickers on shift / absent beside it.
  for (const z of f.zones) {
    const label = labels.get(z.zoneId)!;
    const row = view.zoneRow(label);
    await expect(row).toBeVisible();
    if (z.zoneId !== null)
      await expect(row.getByRole('cell').nth(0)).toHaveText(`${z.pickersOnShift} / ${z.pickersAbsent}`);
    for (const h of z.horizons) {
      expect(await view.figure(label, 'due', h.hours)).toBe(h.due);
      expect(await view.figure(label, 'backlog', h.hours)).toBe(h.backlog);
      expect(await view.figure(label, 'capacity', h.hours)).toBe(h.capacity);
      expect(await view.figure(label, 'breaches', h.hours)).toBe(h.expectedBreaches);
    }
  }
  for (const total of f.totals) {
    expect(await view.figure('合计', 'due', total.hours)).toBe(total.due);
    expect(await view.figure('合计', 'breaches', total.hours)).toBe(total.expectedBreaches);
  }
  // Ground truth for the numbers' meaning: a zone's unfinished orders are its orders not handed over.
  const couriersShown = await server.database.db
    .select({ carrier: couriers.carrier })
    .from(couriers)
    .where(eq(couriers.warehouseId, WAREHOUSE));
  const pickups = view.region.getByRole('list', { name: '快递揽收时间' });
  for (const c of couriersShown) await expect(pickups).toContainText(`${c.carrier} 下次揽收`);

  // The orders expected to breach: the count per window and each row's reason.
  expect(f.breaches.length).toBeGreaterThan(0);
  await expect(
    view.region.getByRole('heading', { name: `预计逾期订单 · ${f.breaches.length}` }),
  ).toBeVisible();
  await view.window('2 小时内');
  const within2 = f.breaches.filter((b) => b.withinHours <= 2);
  await expect(view.region.getByRole('heading', { name: `预计逾期订单 · ${within2.length}` })).toBeVisible();
  await view.window('全部');

  const byOrder = await casesOf(
    server,
    f.breaches.map((b) => b.orderId),
  );
  const target = f.breaches.find((b) => byOrder.get(b.orderId)?.status === 'open');
  expect(target, 'an expected breach has an open case').toBeDefined();
  const kase = byOrder.get(target!.orderId)!;
  const row = view.breachRow(kase.orderNo);
  await expect(row).toContainText(REASON_ZH[target!.reason]);
  await expect(row).toContainText(labels.get(target!.zoneId)!);
  await expect(row).toContainText(target!.region);
  for (const b of f.breaches.slice(0, 10)) {
    const no = byOrder.get(b.orderId)?.orderNo ?? b.orderId;
    await expect(view.breachRow(no)).toContainText(REASON_ZH[b.reason]);
  }

  // Clicking the order opens its case in the worklist, alone and selected.
  await row.getByRole('button', { name: `打开案件 ${kase.orderNo}` }).click();
  await expect(page.getByRole('tab', { name: '工作列表' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: new RegExp(kase.orderNo) })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^全部/ })).toHaveAttribute('data-count', '1');
  await expect(page.locator(`[role="row"][data-case-id="${kase.id}"]`)).toBeVisible();
});

test('R4 risk flags: a lead sets a region flag (stored, lifts a case, named in its priority), imports a CSV with a bad line, lifts the flag; a coordinator only sees them', async ({
  page,
  server,
  browser,
}) => {
  const db = server.database.db;
  await page.goto(server.url);
  await new LoginPage(page).login('lina');
  const desk = new DeskPage(page);
  await desk.waitForCases();

  // A case near the top whose city no case above it shares: a heavy flag on that city must lift it.
  const top = (await rowOrder(page)).slice(0, 12);
  const rows = await db
    .select({ id: cases.id, city: orders.city, region: orders.region, orderNo: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(inArray(cases.id, top));
  const info = new Map(rows.map((r) => [r.id, r]));
  let index = -1;
  for (let i = top.length - 1; i >= 1; i--) {
    const city = info.get(top[i]!)!.city;
    const above = top.slice(0, i).map((id) => info.get(id)!);
    if (above.every((r) => r.city !== city && r.region !== city)) {
      index = i;
      break;
    }
  }
  expect(index, 'a case whose city no case above it shares').toBeGreaterThan(0);
  const lifted = info.get(top[index]!)!;
  const city = lifted.city;

  // The lead sets the flag in the forecast area.
  const view = new ForecastView(page);
  await view.openTab();
  await view.risks.getByRole('button', { name: '添加风险标记' }).click();
  const dialog = page.getByRole('dialog', { name: '添加风险标记' });
  await dialog.getByLabel('地区（省或城市）').fill(city);
  await dialog.getByLabel('加分（默认 60）').fill('300');
  await dialog.getByLabel('说明（可选）').fill('暴雨红色预警');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.flag(`${city} · 降雨`)).toBeVisible();
  await expect(view.flag(`${city} · 降雨`)).toContainText('+300 分');

  // Stored as the lead set it.
  const [lina] = await db.select().from(users).where(eq(users.username, 'lina'));
  const stored = await db.select().from(riskFlags).where(eq(riskFlags.target, city));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    warehouseId: WAREHOUSE,
    scope: 'region',
    kind: 'rain',
    points: 300,
    note: '暴雨红色预警',
    createdBy: lina!.id,
  });
  expect(stored[0]!.endsAt.getTime() - stored[0]!.startsAt.getTime()).toBe(6 * 3_600_000);

  // The affected case rises in the worklist, and its priority explanation names the flag.
  await page.getByRole('tab', { name: '工作列表' }).click();
  await desk.waitForCases();
  await expect.poll(async () => (await rowOrder(page)).indexOf(lifted.id)).toBeLessThan(index);
  await expect.poll(async () => (await rowOrder(page)).indexOf(lifted.id)).toBeGreaterThanOrEqual(0);
  await desk.row(lifted.id).click();
  const detail = page.getByRole('region', { name: new RegExp(lifted.orderNo) });
  const why = detail.getByRole('listitem').filter({ hasText: `风险：${city} · 降雨（至 ` });
  await expect(why).toBeVisible();
  await expect(why).toContainText('+300 分');

  // A coordinator sees the flag but no controls; the server refuses them anyway.
  const other = await browser.newPage();
  const coordinator = await ForecastView.open(other, server.url, 'zhangwei');
  await expect(coordinator.view.flag(`${city} · 降雨`)).toBeVisible();
  await expect(coordinator.view.risks.getByText('风险标记由主管设置')).toBeVisible();
  await expect(coordinator.view.risks.getByRole('button')).toHaveCount(0);
  const refused = await postFlag(server, await tokenFor(server, 'zhangwei'), {
    scope: 'region',
    target: city,
    kind: 'typhoon',
    startsAt: Date.now(),
    endsAt: Date.now() + 3_600_000,
    note: '',
  });
  expect(refused.status).toBe(403);
  await other.close();

  // Import: the good row is stored, the bad one reported with its line and reason.
  await page.getByRole('tab', { name: '预测' }).click();
  const [courier] = await db.select().from(couriers).where(eq(couriers.warehouseId, WAREHOUSE)).limit(1);
  const now = Date.now();
  const csv = [
    'scope,target,kind,starts_at,ends_at,points,note',
    `courier,${courier!.id},depot_overload,${wall(now)},${wall(now + 8 * 3_600_000)},,分拨中心爆仓`,
    `region,杭州,blizzard,${wall(now)},${wall(now + 8 * 3_600_000)},,`,
  ].join('\n');
  await view.risks.getByRole('button', { name: '导入 CSV' }).click();
  const importer = page.getByRole('dialog', { name: '从 CSV 导入风险标记' });
  await importer.getByLabel('选择 CSV 文件').setInputFiles({
    name: 'flags.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(importer.getByLabel('CSV 内容')).toHaveValue(csv);
  await importer.getByRole('button', { name: '导入' }).click();
  await expect(importer.getByRole('status')).toContainText('已导入 1 条，拒绝 1 条');
  await expect(importer.getByRole('status')).toContainText('第 3 行：未知的类型“blizzard”');
  const imported = await db
    .select()
    .from(riskFlags)
    .where(and(eq(riskFlags.scope, 'courier'), eq(riskFlags.target, courier!.id)));
  expect(imported).toHaveLength(1);
  expect(imported[0]).toMatchObject({ kind: 'depot_overload', points: 90, note: '分拨中心爆仓' });
  expect(await db.select().from(riskFlags).where(eq(riskFlags.target, '杭州'))).toHaveLength(0);
  await importer.getByRole('button', { name: '关闭' }).click();
  await expect(view.flag(`${courier!.carrier} · 网点爆仓`)).toBeVisible();

  // Lifting the flag removes it for everyone.
  await view.risks.getByRole('button', { name: `删除风险标记 ${city} · 降雨` }).click();
  await expect(view.flag(`${city} · 降雨`)).toBeHidden();
  expect(await db.select().from(riskFlags).where(eq(riskFlags.target, city))).toHaveLength(0);
});

test('R5 suggested actions: “notify customers” shows its effect and opens exactly those cases; other suggestions show the server’s before → after', async ({
  page,
  server,
}) => {
  const { view, answer } = await ForecastView.open(page, server.url, 'zhangwei');
  const notify = answer.suggestions.find((s) => s.kind === 'notify_customers');
  expect(notify, 'the seeded evening has customers to tell').toBeDefined();
  if (notify?.kind !== 'notify_customers') return;
  const item = view.suggestion(`现在通知 ${notify.orderIds.length} 位客户订单将延误`);
  const hours = notify.effect.meanNoticeHours.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
  await expect(item).toContainText(`平均提前 ${hours} 小时告知客户`);
  for (const s of answer.suggestions.filter((x) => x.kind !== 'notify_customers'))
    await expect(view.suggestions).toContainText(
      `预计逾期 ${s.effect.breachesBefore} → ${s.effect.breachesAfter}，减少 ${s.effect.breachesAvoided} 单（${s.effect.horizonHours} 小时内）`,
    );

  // The cases of those orders, and nothing else, in the worklist.
  const byOrder = await casesOf(server, notify.orderIds);
  expect(byOrder.size).toBeGreaterThan(0);
  await item.getByRole('button', { name: /^查看相关案件：/ }).click();
  await expect(page.getByRole('tab', { name: '工作列表' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /^全部/ })).toHaveAttribute('data-count', String(byOrder.size));
  const shown = await rowOrder(page);
  const expected = new Set([...byOrder.values()].map((c) => c.id));
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(expected.has(id)).toBe(true);
});

test('R5 move pickers: a lead applies the suggested move in one click; the pickers change zone on the server and the forecast follows', async ({
  page,
  server,
}) => {
  const db = server.database.db;
  // Give the quietest zone two extra pickers on shift now, so it can spare some for a zone with a backlog.
  const before = (await (
    await fetch(`${server.url}/api/warehouses/${WAREHOUSE}/forecast`, {
      headers: { authorization: `Bearer ${await tokenFor(server, 'lina')}` },
    })
  ).json()) as ForecastAnswer;
  const quiet = before.forecast.zones
    .filter((z) => z.zoneId !== null)
    .sort((a, b) => a.horizons.at(-1)!.expectedBreaches - b.horizons.at(-1)!.expectedBreaches)[0]!;
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(
      Date.now(),
    ),
  );
  const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
  const spare = await db
    .select()
    .from(pickers)
    .where(and(eq(pickers.zoneId, quiet.zoneId!), ne(pickers.status, 'on_shift')))
    .limit(2);
  await writeTransaction(db, async (scope) => {
    for (const p of spare)
      await scope.tx
        .update(pickers)
        .set({
          status: 'on_shift',
          shiftStart: hh(hour - 1),
          shiftEnd: hh(hour + 8),
          rowVersion: await scope.version(WAREHOUSE),
        })
        .where(eq(pickers.id, p.id));
  });

  // And a rush in another zone: orders due in 10 hours, more than its own pickers can pick before then.
  const busy = before.forecast.zones.find((z) => z.zoneId !== null && z.zoneId !== quiet.zoneId)!;
  const now = Date.now();
  const rush = Array.from({ length: 60 }, (_, i) => ({
    platform: 'tmall',
    platformOrderId: `RUSH-${now}-${i}`,
    category: '服饰',
    valueFen: 9_900,
    items: [{ sku: `SKU-RUSH-${i}`, name: '羽绒服', qty: 1 }],
    customerName: `顾客${i}`,
    customerPhone: `1380000${String(i).padStart(4, '0')}`,
    city: '杭州',
    region: '浙江',
    zoneId: busy.zoneId,
    paidAt: now - 3_600_000,
    promisedShipBy: now + 10 * 3_600_000,
  }));
  const sent = await fetch(`${server.url}/api/warehouses/${WAREHOUSE}/orders/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor(server, 'admin')}`,
    },
    body: JSON.stringify({ orders: rush }),
  });
  expect(sent.status).toBe(200);

  const { view, answer } = await ForecastView.open(page, server.url, 'lina');
  const move = answer.suggestions.find((s) => s.kind === 'move_pickers');
  expect(move, 'a move is suggested once a zone has pickers to spare').toBeDefined();
  if (move?.kind !== 'move_pickers') return;
  const labels = await zoneLabels(server);
  const names = await db.select().from(pickers).where(inArray(pickers.id, move.pickerIds));
  const text = `从${labels.get(move.fromZoneId)}调 ${move.pickerIds.length} 名拣货员到${labels.get(move.toZoneId)}`;
  const item = view.suggestion(new RegExp(`^${text}`));
  for (const p of names) await expect(item).toContainText(p.name);
  await expect(item).toContainText(
    `预计逾期 ${move.effect.breachesBefore} → ${move.effect.breachesAfter}，减少 ${move.effect.breachesAvoided} 单`,
  );
  expect(move.effect.breachesAfter).toBe(move.effect.breachesBefore - move.effect.breachesAvoided);
  const toBefore = answer.forecast.zones.find((z) => z.zoneId === move.toZoneId)!;

  await item.getByRole('button', { name: /^执行：/ }).click();
  await expect(page.getByText(`已安排调动 ${move.pickerIds.length} 名拣货员，同步后生效`)).toBeVisible();
  await expect
    .poll(async () =>
      (await db.select().from(pickers).where(inArray(pickers.id, move.pickerIds))).map((p) => p.zoneId),
    )
    .toEqual(move.pickerIds.map(() => move.toZoneId));

  // The refreshed forecast counts them in their new zone, and the view shows it.
  const after = await view.refresh();
  const toAfter = after.forecast.zones.find((z) => z.zoneId === move.toZoneId)!;
  expect(toAfter.pickersOnShift).toBe(toBefore.pickersOnShift + move.pickerIds.length);
  await expect(view.zoneRow(labels.get(move.toZoneId)!).getByRole('cell').nth(0)).toHaveText(
    `${toAfter.pickersOnShift} / ${toAfter.pickersAbsent}`,
  );
});

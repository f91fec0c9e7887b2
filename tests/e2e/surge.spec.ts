// The surge area (brief F15): R6 the promotion calendar (admins keep it, leads read it) and the capacity plan a
// lead saves; R7 overflow assignment spreading new cases across the coordinators on shift by load. Every value
// is checked against the database the server writes.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { capacityPlan } from '../../server/analytics/capacity';
import {
  caseEvents,
  cases,
  promotions,
  serverMeta,
  syncClients,
  users,
  warehouses,
} from '../../server/db/schema';
import { tickWarehouse } from '../../server/engine/case-engine';
import type { StaffingPlan } from '../../shared/schemas/surge';
import { expect, test } from './fixtures';
import { SurgePage } from './pages/surge';

const WH = 'wh-hz-xs-1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** A wall-clock time in Shanghai (the demo warehouse's zone), as the form takes it and as epoch ms. */
function shanghai(ms: number): { input: string; ms: number } {
  const minute = Math.floor(ms / 60_000) * 60_000;
  const wall = new Date(minute + SHANGHAI).toISOString().slice(0, 16);
  return { input: wall, ms: minute };
}

test('R6 promotion calendar kept by the admin, read by the lead, and the lead saves a capacity plan with shortfalls', async ({
  browser,
  page,
  server,
}) => {
  const db = server.database.db;
  expect(await db.select().from(promotions)).toEqual([]);
  const now = Date.now();
  const from = shanghai(now + 3 * DAY);
  const until = shanghai(now + 4 * DAY);
  const shipBy = shanghai(now + 6 * DAY);

  // The admin adds a promotion for two platforms.
  const admin = await SurgePage.open(page, server.url, 'admin');
  await expect(admin.calendar).toContainText('还没有大促');
  await admin.calendar.getByRole('button', { name: '添加大促' }).click();
  await admin.fillPromotion({
    name: '双12 演练',
    platforms: ['淘宝', '京东'],
    paidFrom: from.input,
    paidUntil: until.input,
    shipBy: shipBy.input,
  });
  await expect.poll(async () => (await db.select().from(promotions)).length).toBe(1);
  const [created] = await db.select().from(promotions);
  expect(created).toMatchObject({ name: '双12 演练', platforms: ['taobao', 'jd'] });
  expect(created!.paidFrom.getTime()).toBe(from.ms);
  expect(created!.paidUntil.getTime()).toBe(until.ms);
  expect(created!.shipBy.getTime()).toBe(shipBy.ms);
  const row = admin.promotionRow(created!.id);
  await expect(row).toContainText('淘宝、京东');
  await expect(row).toContainText('未开始');
  await expect(admin.calendar.getByRole('listitem', { name: /^双12 演练：付款/ })).toBeVisible();

  // Edited in place: same promotion, new name, every platform, a later ship-by.
  const later = shanghai(now + 7 * DAY);
  await row.getByRole('button', { name: '编辑大促 双12 演练' }).click();
  for (const p of ['淘宝', '京东'])
    await page.getByRole('dialog').getByRole('checkbox', { name: p }).uncheck();
  await admin.fillPromotion({
    name: '双12 大促',
    paidFrom: from.input,
    paidUntil: until.input,
    shipBy: later.input,
  });
  await expect
    .poll(async () => (await db.select().from(promotions).where(eq(promotions.id, created!.id)))[0]?.name)
    .toBe('双12 大促');
  const [edited] = await db.select().from(promotions).where(eq(promotions.id, created!.id));
  expect(edited!.platforms).toBeNull();
  expect(edited!.shipBy.getTime()).toBe(later.ms);
  await expect(row).toContainText('全部平台');

  // The lead sees the calendar read-only and plans the promotion's days.
  const leadContext = await browser.newContext();
  const lead = await SurgePage.open(await leadContext.newPage(), server.url, 'lina');
  await expect(lead.promotionRow(created!.id)).toContainText('双12 大促');
  await expect(lead.calendar.getByRole('button', { name: '添加大促' })).toHaveCount(0);
  await expect(lead.calendar.getByRole('button', { name: /^编辑大促/ })).toHaveCount(0);
  await expect(lead.calendar).toContainText('大促日历由管理员维护');

  // The plan starts from the server's estimate for the upcoming promotion: eight times a normal day.
  const estimate = await capacityPlan(db, WH, created!.id, new Date());
  expect(estimate.zones.length).toBeGreaterThan(1);
  await expect(lead.plan.getByRole('combobox', { name: '按哪个大促计划' })).toHaveText('双12 大促');
  await expect(lead.plan).toContainText('尚未保存');
  const [first, second] = estimate.zones;
  await expect(lead.zoneField(first!.zoneId, '预计单量/天')).toHaveValue(String(first!.expectedPerDay));
  await expect(lead.zoneField(first!.zoneId, '拣货员')).toHaveValue(String(first!.pickers));

  // The lead sets the first zone short (2 pickers × 25/h × 8 h = 400 against 1000) and the second ample.
  await lead.zoneField(first!.zoneId, '预计单量/天').fill('1000');
  await lead.zoneField(first!.zoneId, '拣货员').fill('2');
  await lead.zoneField(first!.zoneId, '拣货速度（单/小时）').fill('25');
  await lead.zoneField(second!.zoneId, '预计单量/天').fill('100');
  await lead.zoneField(second!.zoneId, '拣货员').fill('5');
  await expect(lead.zoneRow(first!.zoneId)).toHaveAttribute('data-short', 'true');
  await expect(lead.zoneRow(first!.zoneId)).toContainText('缺 600 单');
  await expect(lead.zoneRow(second!.zoneId)).toHaveAttribute('data-short', 'false');
  await expect(lead.zoneRow(second!.zoneId)).toContainText('产能充足');
  await lead.plan.getByRole('button', { name: /^保存产能计划/ }).click();

  const key = `staffing:${WH}:${created!.id}`;
  await expect
    .poll(async () => (await db.select().from(serverMeta).where(eq(serverMeta.key, key))).length)
    .toBe(1);
  const [stored] = await db.select().from(serverMeta).where(eq(serverMeta.key, key));
  const plan = JSON.parse(stored!.value) as StaffingPlan;
  expect(plan.promotionId).toBe(created!.id);
  expect(plan.updatedBy).toBe('u-lina');
  expect(plan.zones).toEqual(
    estimate.zones.map((z, i) =>
      i === 0
        ? { zoneId: z.zoneId, expectedPerDay: 1000, pickers: 2, picksPerHour: 25 }
        : i === 1
          ? { zoneId: z.zoneId, expectedPerDay: 100, pickers: 5, picksPerHour: 30 }
          : { zoneId: z.zoneId, expectedPerDay: z.expectedPerDay, pickers: z.pickers, picksPerHour: 30 },
    ),
  );
  // The totals line sums each short zone's gap at its own rate (600 / 200 per shift = 3 shifts for zone one).
  const short = plan.zones
    .map((z) => ({
      gap: Math.max(0, z.expectedPerDay - z.pickers * z.picksPerHour * 8),
      per: z.picksPerHour * 8,
    }))
    .filter((z) => z.gap > 0);
  const gap = short.reduce((s, z) => s + z.gap, 0);
  const shifts = short.reduce((s, z) => s + Math.ceil(z.gap / z.per), 0);
  await expect(lead.plan.getByRole('status')).toHaveText(
    `${short.length} 个拣货区产能不足，共缺 ${gap.toLocaleString('zh-CN')} 单/天，需增加 ${shifts.toLocaleString('zh-CN')} 个班次`,
  );

  // Saved on the server: a fresh desk shows the lead's plan, not the estimate.
  await lead.page.reload();
  await lead.page.getByRole('tab', { name: '大促' }).click();
  await expect(lead.plan).toContainText('李娜 保存于');
  await expect(lead.zoneField(first!.zoneId, '拣货员')).toHaveValue('2');
  await expect(lead.zoneRow(first!.zoneId)).toContainText('缺 600 单');
  await leadContext.close();

  // The admin deletes the promotion, after confirming.
  await row.getByRole('button', { name: '删除大促 双12 大促' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除大促 双12 大促' }).click();
  await expect.poll(async () => (await db.select().from(promotions)).length).toBe(0);
  await expect(admin.calendar).toContainText('还没有大促');
});

/** Where greedy least-loaded assignment of `k` cases leaves these loads (ties to the smaller user id). */
function waterfill(loads: ReadonlyMap<string, number>, k: number): Map<string, number> {
  const out = new Map(loads);
  for (let i = 0; i < k; i++) {
    const [id] = [...out].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    out.set(id, out.get(id)! + 1);
  }
  return out;
}

test('R7 overflow assignment: the lead turns it on and new cases go to the coordinators on shift by load', async ({
  page,
  request,
  server,
}) => {
  const db = server.database.db;
  const coordinators = await db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator'));
  const ids = coordinators.map((c) => c.id).sort();
  expect(ids).toEqual(['u-wangfang', 'u-zhangwei']);
  const loadsNow = async () => {
    const rows = await db
      .select({ id: cases.assigneeId, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open')))
      .groupBy(cases.assigneeId);
    return new Map(ids.map((id) => [id, rows.find((r) => r.id === id)?.n ?? 0]));
  };
  const unassigned = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(cases)
        .where(and(eq(cases.warehouseId, WH), eq(cases.status, 'open'), isNull(cases.assigneeId)))
    )[0]!.n;

  // Both coordinators' desks are open (they synced just now), with the loads the seeded day left them.
  for (const id of ids)
    await db.insert(syncClients).values({ clientId: `surge-e2e-${id}`, userId: id, lastSeenAt: new Date() });
  const before = await loadsNow();
  const waitingBefore = await unassigned();

  const surge = await SurgePage.open(page, server.url, 'lina');
  for (const id of ids) {
    await expect(surge.coordinatorRow(id).getByTestId('load-count')).toHaveText(
      before.get(id)!.toLocaleString('zh-CN'),
    );
    await expect(surge.coordinatorRow(id).getByText('在班', { exact: true })).toBeVisible();
  }
  await expect(surge.overflowSwitch()).not.toBeChecked();
  await surge.overflowSwitch().click();
  await expect
    .poll(async () => (await db.select().from(warehouses).where(eq(warehouses.id, WH)))[0]?.autoAssign)
    .toBe(true);
  await expect(surge.overflowSwitch()).toBeChecked();

  // New orders already past their ship-by arrive over REST and open cases.
  const login = await request.post(`${server.url}/api/auth/login`, {
    data: { username: 'admin', password: 'desk2026' },
  });
  const { token } = (await login.json()) as { token: string };
  const paidAt = Date.now() - 3 * DAY;
  const orders = Array.from({ length: 7 }, (_, i) => ({
    platform: 'taobao',
    platformOrderId: `SURGE-E2E-${i}`,
    category: '服饰',
    valueFen: 9900,
    paidAt,
  }));
  const res = await request.post(`${server.url}/api/warehouses/${WH}/orders/batch`, {
    headers: { authorization: `Bearer ${token}` },
    data: { orders },
  });
  expect(res.status()).toBe(200);
  const ingested = (await res.json()) as { new: number; ids: string[] };
  expect(ingested.new).toBe(7);
  const newCases = async () =>
    db
      .select({ id: cases.id, assigneeId: cases.assigneeId })
      .from(cases)
      .where(sql`${cases.orderId} in ${ingested.ids}`);
  expect(await newCases()).toHaveLength(7);

  // The engine's next pass hands out every waiting case (the periodic one may already have run: same result).
  await tickWarehouse(db, WH, Date.now());
  expect(await unassigned()).toBe(0);
  const after = await loadsNow();
  const handedOut =
    [...after.values()].reduce((a, b) => a + b, 0) - [...before.values()].reduce((a, b) => a + b, 0);
  expect(handedOut).toBeGreaterThanOrEqual(7 + waitingBefore);
  expect(after).toEqual(waterfill(before, handedOut));
  const mine = await newCases();
  expect(mine.every((c) => c.assigneeId !== null && ids.includes(c.assigneeId))).toBe(true);
  // Each hand-over is on the case's timeline as the system's.
  const auto = await db
    .select({ detail: caseEvents.detail })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.kind, 'reassigned'),
        isNull(caseEvents.actorId),
        sql`${caseEvents.caseId} in ${mine.map((c) => c.id)}`,
      ),
    );
  expect(auto).toHaveLength(7);
  expect(auto.every((e) => e.detail?.auto === true)).toBe(true);

  // The lead's load table shows the new load.
  await surge.load.getByRole('button', { name: '刷新' }).click();
  for (const id of ids)
    await expect(surge.coordinatorRow(id).getByTestId('load-count')).toHaveText(
      after.get(id)!.toLocaleString('zh-CN'),
    );
  await expect(surge.load.getByTestId('surge-unassigned')).toHaveText('待分配的未认领案件：0');

  // Off again: a case that opens now stays unassigned.
  await surge.overflowSwitch().click();
  await expect
    .poll(async () => (await db.select().from(warehouses).where(eq(warehouses.id, WH)))[0]?.autoAssign)
    .toBe(false);
  await request.post(`${server.url}/api/warehouses/${WH}/orders`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ...orders[0], platformOrderId: 'SURGE-E2E-OFF' },
  });
  await tickWarehouse(db, WH, Date.now());
  expect(await unassigned()).toBe(1);
});

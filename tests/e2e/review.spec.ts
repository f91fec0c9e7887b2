// R1/R2: the review area (brief F13) against a real server on the seeded demo world. R1: the dashboards draw
// the server's figures, each table view shows the same numbers as the analytics answer (and that answer agrees
// with the database), and a drill lands on exactly the cases behind a figure. R2: CSV and XLSX exports parsed
// back and checked against the server, and the handover report with its print action in browser mode.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import type { Dashboard } from '../../server/analytics/dashboard';
import type { Handover } from '../../server/analytics/handover';
import { cases, orders } from '../../server/db/schema';
import type { RunningServer } from '../../server/start';
import { CAUSE_LABELS, PLATFORM_LABELS } from '../../shared/i18n/labels';
import type { Compensation } from '../../shared/schemas/case';
import type { Cause, Platform } from '../../shared/schemas/enums';
import { formatDuration, formatMoney, translator } from '../../renderer/i18n/format';
import { expect, test } from './fixtures';
import { openDesk } from './pages/case-panels';
import { parseCsv, ReviewPage } from './pages/review';

const zh = translator('zh-CN');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString('zh-CN');
const platformZh = (p: string) => PLATFORM_LABELS[p as Platform]?.['zh-CN'] ?? p;
const causeZh = (c: string) => CAUSE_LABELS[c as Cause]?.['zh-CN'] ?? c;

const CARD_NAMES = [
  '逾期率趋势',
  '原因帕累托',
  '逾期时段热力图（星期 × 小时）',
  '按平台',
  '按快递',
  '按品类',
  '按拣货区',
  '按地区',
  '处理时长',
  '补偿与罚金',
  '平台考核（48 小时发货 / 72 小时揽收）',
];

/** The ids of the cases of the warehouse opened in [from, to) on one platform: ground truth for a drill. */
async function casesOpenedOn(server: RunningServer, d: Dashboard, platform: string) {
  const db = server.database.db;
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(
      and(
        gte(cases.openedAt, new Date(d.period.from)),
        lt(cases.openedAt, new Date(d.period.to)),
        eq(orders.platform, platform as Platform),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Approved cash and coupon offers on one closed case each and a pending one on the first, offered an hour ago. */
async function giveCompensations(server: RunningServer): Promise<{ cash: string; coupon: string }> {
  const db = server.database.db;
  const closed = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.status, 'closed'))
    .orderBy(cases.id)
    .limit(2);
  expect(closed).toHaveLength(2);
  const at = Date.now() - 3_600_000;
  const offer = (
    id: string,
    type: Compensation['type'],
    amountFen: number,
    approved: boolean,
  ): Compensation => ({
    id,
    type,
    amountFen,
    status: approved ? 'approved' : 'pending_approval',
    offeredBy: 'u-zhangwei',
    offeredAt: at,
    decidedBy: approved ? 'u-lina' : null,
    decidedAt: approved ? at : null,
    note: '',
  });
  const [cash, coupon] = [closed[0]!.id, closed[1]!.id];
  await db
    .update(cases)
    .set({
      compensations: [offer('comp-e2e-1', 'cash', 8_800, true), offer('comp-e2e-3', 'cash', 30_000, false)],
    })
    .where(eq(cases.id, cash));
  await db
    .update(cases)
    .set({ compensations: [offer('comp-e2e-2', 'coupon', 2_000, true)] })
    .where(eq(cases.id, coupon));
  return { cash, coupon };
}

/** The case ids the worklist grid has on screen (it is virtualised: the first screenful). */
async function gridCaseIds(page: Page): Promise<string[]> {
  const rows = page.getByRole('grid', { name: '工作列表' }).locator('[role="row"][data-case-id]');
  await expect(rows.first()).toBeVisible();
  return Promise.all((await rows.all()).map(async (r) => (await r.getAttribute('data-case-id')) ?? ''));
}

async function loadBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // ExcelJS types its input as an ArrayBuffer; a Node Buffer is a view into one.
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

async function sheetRows(workbook: ExcelJS.Workbook, name: string): Promise<unknown[][]> {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, `sheet ${name}`).toBeDefined();
  const out: unknown[][] = [];
  sheet!.eachRow((row) => {
    // ExcelJS rows are 1-based with an empty slot 0.
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

async function expectChartDrawn(chart: Locator) {
  await expect(chart.locator('svg').first()).toBeVisible();
}

test('R1 the dashboards draw the seeded world, and each table view shows the numbers of the server’s analytics answer', async ({
  page,
  server,
}) => {
  // The demo world offers no compensation yet: two closed cases get offers an hour ago (two approved, one
  // awaiting a lead), before the desk first syncs, so the money dashboard has real figures to show.
  const comped = await giveCompensations(server);
  const { review, analytics } = await ReviewPage.open(page, server.url, 'lina');
  const d = (await analytics.json()) as Dashboard;
  expect(d.compensation).toEqual({
    offers: 3,
    approvedFen: 8_800 + 2_000,
    pendingFen: 30_000,
    byType: [
      { type: 'cash', count: 1, fen: 8_800 },
      { type: 'coupon', count: 1, fen: 2_000 },
    ],
  });

  // The answer agrees with the database: cases opened in the period per platform.
  const db = server.database.db;
  const perPlatform = await db
    .select({ platform: orders.platform, n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(gte(cases.openedAt, new Date(d.period.from)), lt(cases.openedAt, new Date(d.period.to))))
    .groupBy(orders.platform);
  expect(new Map(d.breakdowns.platform.map((b) => [b.key, b.cases]))).toEqual(
    new Map(perPlatform.map((r) => [r.platform, r.n])),
  );

  // Platform scores against the orders: of those paid in the period whose outcome is known (handed over, or
  // 72 h gone by), the share handed over within 48 h.
  const scored = await db
    .select({
      platform: orders.platform,
      n: sql<number>`count(*)::int`,
      within48: sql<number>`(count(*) filter (where ${orders.handedOverAt} <= ${orders.paidAt} + interval '48 hours'))::int`,
    })
    .from(orders)
    .where(
      and(
        gte(orders.paidAt, new Date(d.period.from)),
        lt(orders.paidAt, new Date(d.period.to)),
        sql`${orders.status} <> 'cancelled'`,
        sql`(${orders.handedOverAt} is not null or ${orders.paidAt} + interval '72 hours' <= ${new Date(d.period.to)})`,
      ),
    )
    .groupBy(orders.platform);
  expect(new Map(d.platformScores.map((x) => [x.platform, [x.orders, x.shippedWithin48h]]))).toEqual(
    new Map(scored.map((r) => [r.platform, [r.n, Math.round((r.within48 / r.n) * 10_000) / 10_000]])),
  );

  // The seeded world has something in every dashboard (otherwise the rest would prove little).
  expect(d.overdueRate.some((r) => r.overdueCases > 0)).toBe(true);
  expect(d.causePareto.length).toBeGreaterThan(0);
  expect(d.heatmap.length).toBeGreaterThan(0);
  expect(d.timeToResolve.cases).toBeGreaterThan(0);
  expect(d.penalties.avoidedFen + d.penalties.incurredFen).toBeGreaterThan(0);
  expect(d.platformScores.length).toBeGreaterThan(0);

  for (const name of CARD_NAMES) await expect(review.card(name)).toBeVisible();

  // Charts: drawn, with the server's days, causes and platforms on their axes.
  const rate = review.card('逾期率趋势');
  await expectChartDrawn(review.chart(rate));
  // The chart labels every day up to ten, then every k-th (the table view below lists them all).
  const step = Math.max(1, Math.ceil(d.overdueRate.length / 10));
  for (const [i, r] of d.overdueRate.entries())
    if (i % step === 0) await expect(review.chart(rate)).toContainText(r.day.slice(5));
  const pareto = review.card('原因帕累托');
  await expectChartDrawn(review.chart(pareto));
  await expect(review.chart(pareto)).toContainText(causeZh(d.causePareto[0]!.cause));
  const byPlatform = review.card('按平台');
  await expectChartDrawn(review.chart(byPlatform));
  for (const b of d.breakdowns.platform)
    await expect(review.chart(byPlatform)).toContainText(platformZh(b.key));
  const scores = review.card(/^平台考核/);
  await expectChartDrawn(review.chart(scores));
  await expect(review.chart(scores)).toContainText('平台门槛 95%');
  // The heat map: one cell per weekday × hour, each titled with its count.
  const heat = review.card(/^逾期时段热力图/);
  const top = [...d.heatmap].sort((a, b) => b.breaches - a.breaches)[0]!;
  const weekday = zh(`weekday.${top.weekday}` as Parameters<typeof zh>[0]);
  await expect(heat.getByTitle(`${weekday} ${top.hour} 时：${top.breaches} 个逾期`)).toBeVisible();
  await expect(heat).toContainText(`最多 ${top.breaches} 个`);
  // Tiles: the median, p90 and money in the locale's format.
  const resolve = review.card('处理时长');
  await expect(resolve).toContainText(formatDuration(d.timeToResolve.medianMinutes! * 60_000, zh));
  await expect(resolve).toContainText(formatDuration(d.timeToResolve.p90Minutes! * 60_000, zh));
  await expect(resolve).toContainText(count(d.timeToResolve.cases));
  const money = review.card('补偿与罚金');
  await expect(money).toContainText(formatMoney(d.penalties.avoidedFen, 'zh-CN'));
  await expect(money).toContainText(formatMoney(d.penalties.incurredFen, 'zh-CN'));

  // Table views: the same numbers as the answer, row for row.
  expect(await review.tableRows(await review.showTable(rate))).toEqual(
    d.overdueRate.map((r) => [
      r.day,
      count(r.dueOrders),
      count(r.overdueCases),
      pct(r.rate),
      r.overdueCases > 0 ? '查看案件' : '',
    ]),
  );
  expect(await review.tableRows(await review.showTable(pareto))).toEqual(
    d.causePareto.map((c) => [causeZh(c.cause), count(c.count), pct(c.share), pct(c.cumulative), '查看案件']),
  );
  for (const [name, dimension] of [
    ['按平台', 'platform'],
    ['按快递', 'courier'],
    ['按品类', 'category'],
    ['按拣货区', 'zone'],
    ['按地区', 'region'],
  ] as const) {
    const rows = await review.tableRows(await review.showTable(review.card(name)));
    expect(rows, name).toEqual(
      d.breakdowns[dimension].map((b) => [
        dimension === 'platform' ? platformZh(b.key) : b.key,
        count(b.cases),
        count(b.overdue),
        count(b.late),
        pct(b.lateRate),
        '查看案件',
      ]),
    );
  }
  expect(await review.tableRows(await review.showTable(heat))).toEqual(
    d.heatmap
      .filter((h) => h.breaches > 0)
      .map((h) => [
        zh(`weekday.${h.weekday}` as Parameters<typeof zh>[0]),
        String(h.hour),
        count(h.breaches),
        '查看案件',
      ]),
  );
  expect(await review.tableRows(await review.showTable(scores))).toEqual(
    d.platformScores.map((s) => [
      platformZh(s.platform),
      count(s.orders),
      pct(s.shippedWithin48h),
      pct(s.pickedUpWithin72h),
      pct(s.threshold),
      s.shippedWithin48h >= s.threshold && s.pickedUpWithin72h >= s.threshold ? '达标' : '未达标',
      '查看案件',
    ]),
  );
  await expect(money).toContainText(formatMoney(10_800, 'zh-CN'));
  await expect(money).toContainText(formatMoney(30_000, 'zh-CN'));
  const moneyRows = await review.tableRows(await review.showTable(money));
  expect(moneyRows).toEqual([
    ['补偿：现金', formatMoney(8_800, 'zh-CN'), '1', '查看案件'],
    ['补偿：优惠券', formatMoney(2_000, 'zh-CN'), '1', '查看案件'],
    ['已批准补偿', formatMoney(10_800, 'zh-CN'), '', ''],
    ['待审批补偿', formatMoney(30_000, 'zh-CN'), '', ''],
    [
      '避免的平台罚金',
      formatMoney(d.penalties.avoidedFen, 'zh-CN'),
      '',
      d.penalties.avoidedFen ? '查看案件' : '',
    ],
    [
      '产生的平台罚金',
      formatMoney(d.penalties.incurredFen, 'zh-CN'),
      '',
      d.penalties.incurredFen ? '查看案件' : '',
    ],
  ]);
  // The cash row opens the one case with the approved cash offer.
  await money.getByRole('button', { name: '查看“补偿：现金”的案件' }).click();
  await expect(review.worklistCount()).toHaveText('共 1 个');
  expect(await gridCaseIds(page)).toEqual([comped.cash]);
});

test('R1 in English the dashboards speak English and format numbers, money and dates for the locale', async ({
  page,
  server,
}) => {
  const { review, analytics } = await ReviewPage.open(page, server.url, 'lina');
  const d = (await analytics.json()) as Dashboard;
  await page.getByRole('button', { name: '切换语言' }).click();
  const area = page.getByRole('region', { name: 'Review', exact: true });
  await expect(area.getByRole('tab', { name: 'Dashboards' })).toBeVisible();
  const en = translator('en');
  const money = area.getByRole('region', { name: 'Compensation and penalties', exact: true });
  await expect(money).toContainText(formatMoney(d.penalties.avoidedFen, 'en'));
  const resolve = area.getByRole('region', { name: 'Time to resolve', exact: true });
  await expect(resolve).toContainText(formatDuration(d.timeToResolve.medianMinutes! * 60_000, en));
  const byPlatform = area.getByRole('region', { name: 'By platform', exact: true });
  await byPlatform.getByRole('button', { name: 'Table', exact: true }).click();
  const rows = await review.tableRows(byPlatform.getByRole('table'));
  expect(rows).toEqual(
    d.breakdowns.platform.map((b) => [
      PLATFORM_LABELS[b.key as Platform].en,
      b.cases.toLocaleString('en'),
      b.overdue.toLocaleString('en'),
      b.late.toLocaleString('en'),
      pct(b.lateRate),
      'Cases',
    ]),
  );
  // The period in the warehouse's time, written the English way (month/day).
  const from = new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
  }).format(d.period.from);
  await expect(area).toContainText(from);
});

test('R1 a drill from a table row, a heat-map cell or a chart’s bar lands on exactly the cases behind the figure', async ({
  page,
  server,
}) => {
  const { review, analytics } = await ReviewPage.open(page, server.url, 'lina');
  const d = (await analytics.json()) as Dashboard;

  // A breakdown row: the platform with the most cases.
  const first = d.breakdowns.platform[0]!;
  const expected = await casesOpenedOn(server, d, first.key);
  expect(expected.size).toBe(first.cases);
  const table = await review.showTable(review.card('按平台'));
  await table.getByRole('button', { name: `查看“按平台：${platformZh(first.key)}”的案件` }).click();
  await expect(review.grid).toBeVisible();
  await expect(review.drillBanner()).toContainText(
    `按平台：${platformZh(first.key)} · ${first.cases} 个案件`,
  );
  await expect(review.worklistCount()).toHaveText(`共 ${first.cases} 个`);
  const shown = await gridCaseIds(page);
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(expected.has(id), `case ${id} is one of the figure's`).toBe(true);

  // Back to the review (it keeps its place), then a heat-map cell: the cases that turned overdue then.
  await review.drillBanner().getByRole('button', { name: '返回' }).click();
  const heat = review.card(/^逾期时段热力图/);
  await expect(heat).toBeVisible();
  const top = [...d.heatmap].sort((a, b) => b.breaches - a.breaches)[0]!;
  const weekday = zh(`weekday.${top.weekday}` as Parameters<typeof zh>[0]);
  await heat.getByTitle(`${weekday} ${top.hour} 时：${top.breaches} 个逾期`).click();
  await expect(review.worklistCount()).toHaveText(`共 ${top.breaches} 个`);
  const overdueThen = await server.database.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        gte(cases.overdueAt, new Date(d.period.from)),
        lt(cases.overdueAt, new Date(d.period.to)),
        sql`extract(isodow from ${cases.overdueAt} at time zone 'Asia/Shanghai') = ${top.weekday}`,
        sql`extract(hour from ${cases.overdueAt} at time zone 'Asia/Shanghai') = ${top.hour}`,
      ),
    );
  const overdueIds = new Set(overdueThen.map((r) => r.id));
  expect(overdueIds.size).toBe(top.breaches);
  for (const id of await gridCaseIds(page)) expect(overdueIds.has(id)).toBe(true);

  // A chart's bar: the Pareto's first (the most frequent cause) opens the cases closed with that cause.
  await review.drillBanner().getByRole('button', { name: '返回' }).click();
  const pareto = review.chart(review.card('原因帕累托'));
  // The bars are SVG without roles; MUI X names them by class.
  await pareto.locator('rect.MuiBarChart-element').first().click();
  const topCause = d.causePareto[0]!;
  await expect(review.drillBanner()).toContainText(
    `原因：${causeZh(topCause.cause)} · ${topCause.count} 个案件`,
  );
  await expect(review.worklistCount()).toHaveText(`共 ${topCause.count} 个`);
  const closedWith = await server.database.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.cause, topCause.cause),
        gte(cases.closedAt, new Date(d.period.from)),
        lt(cases.closedAt, new Date(d.period.to)),
      ),
    );
  expect(closedWith).toHaveLength(topCause.count);
  const causeIds = new Set(closedWith.map((r) => r.id));
  for (const id of await gridCaseIds(page)) expect(causeIds.has(id)).toBe(true);

  // Clearing the drill gives the ordinary worklist back.
  await review.drillBanner().getByRole('button', { name: '清除钻取' }).click();
  await expect(review.drillBanner()).toHaveCount(0);
  await expect(review.worklistCount()).not.toHaveText(`共 ${topCause.count} 个`);
});

test('R2 a dashboard exports to CSV and XLSX, and every dashboard to one workbook, with the server’s figures', async ({
  page,
  server,
}) => {
  const { review, analytics } = await ReviewPage.open(page, server.url, 'lina');
  const d = (await analytics.json()) as Dashboard;

  // One dashboard as CSV: a header and the server's rows, percentages as a person reads them.
  const byPlatform = review.card('按平台');
  const csv = await review.download(review.exportButton(byPlatform, '按平台'), 'CSV');
  expect(csv.file.suggestedFilename()).toMatch(/^按平台-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(parseCsv(csv.bytes.toString('utf8'))).toEqual([
    ['平台', '案件数', '曾逾期', '延迟发出', '延迟率'],
    ...d.breakdowns.platform.map((b) => [
      platformZh(b.key),
      String(b.cases),
      String(b.overdue),
      String(b.late),
      pct(b.lateRate),
    ]),
  ]);

  // The same dashboard as XLSX: numbers stay numbers.
  const xlsx = await review.download(review.exportButton(byPlatform, '按平台'), 'Excel（XLSX）');
  expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
  const one = await loadBook(xlsx.bytes);
  expect(one.worksheets.map((s) => s.name)).toEqual(['按平台']);
  expect(await sheetRows(one, '按平台')).toEqual([
    ['平台', '案件数', '曾逾期', '延迟发出', '延迟率'],
    ...d.breakdowns.platform.map((b) => [platformZh(b.key), b.cases, b.overdue, b.late, b.lateRate]),
  ]);

  // Every dashboard: one sheet each, money in yuan.
  const all = await review.download(
    page.getByRole('button', { name: '导出复盘看板', exact: true }),
    'Excel（XLSX）',
  );
  const book = await loadBook(all.bytes);
  // Sheet names as Excel takes them: no "/", at most 31 characters.
  const sheetOf = (n: string) => n.replace(/\//g, ' ').slice(0, 31);
  expect(book.worksheets.map((s) => s.name)).toEqual(CARD_NAMES.map(sheetOf));
  const causes = await sheetRows(book, '原因帕累托');
  expect(causes.slice(1)).toEqual(
    d.causePareto.map((c) => [causeZh(c.cause), c.count, c.share, c.cumulative]),
  );
  const rate = await sheetRows(book, '逾期率趋势');
  expect(rate.slice(1)).toEqual(d.overdueRate.map((r) => [r.day, r.dueOrders, r.overdueCases, r.rate]));
  const money = await sheetRows(book, '补偿与罚金');
  expect(money).toContainEqual(['避免的平台罚金', d.penalties.avoidedFen / 100]);
  expect(money).toContainEqual(['产生的平台罚金', d.penalties.incurredFen / 100]);
  const scores = await sheetRows(book, sheetOf(CARD_NAMES.at(-1)!));
  expect(scores.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
    d.platformScores.map((s) => [platformZh(s.platform), s.orders, s.shippedWithin48h, s.pickedUpWithin72h]),
  );
});

test('R2 the worklist’s current view (a drill-down) exports to CSV and XLSX row for row', async ({
  page,
  server,
}) => {
  const { review, analytics } = await ReviewPage.open(page, server.url, 'lina');
  const d = (await analytics.json()) as Dashboard;
  const last = d.breakdowns.platform.at(-1)!;
  const expected = await casesOpenedOn(server, d, last.key);
  const table = await review.showTable(review.card('按平台'));
  await table.getByRole('button', { name: `查看“按平台：${platformZh(last.key)}”的案件` }).click();
  await expect(review.worklistCount()).toHaveText(`共 ${last.cases} 个`);

  const orderNos = new Set(
    (
      await server.database.db
        .select({ no: orders.platformOrderId })
        .from(cases)
        .innerJoin(orders, eq(orders.id, cases.orderId))
        .where(sql`${cases.id} in ${[...expected]}`)
    ).map((r) => r.no),
  );
  const exportButton = page.getByRole('button', { name: '导出工作列表', exact: true });
  const csv = parseCsv((await review.download(exportButton, 'CSV')).bytes.toString('utf8'));
  expect(csv[0]).toEqual([
    '优先级',
    '订单号',
    '平台',
    '商品',
    '品类',
    '客户',
    '地区',
    '发货截止',
    '状态',
    '负责人',
    '原因',
  ]);
  expect(csv.length - 1).toBe(last.cases);
  expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(orderNos);
  for (const r of csv.slice(1)) {
    expect(r[2]).toBe(platformZh(last.key));
    expect(r[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }

  const book = await loadBook((await review.download(exportButton, 'Excel（XLSX）')).bytes);
  const rows = await sheetRows(book, '工作列表');
  expect(rows.length - 1).toBe(last.cases);
  expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(orderNos);
});

test('R2 the handover report shows what came in, what was done, what is open and why, who holds what, and prints', async ({
  page,
  server,
}) => {
  // 张伟 claims an open case and says why it is still open.
  const [target] = await server.database.db
    .select({ id: cases.id, no: orders.platformOrderId })
    .from(cases)
    .innerJoin(orders, eq(orders.id, cases.orderId))
    .where(and(eq(cases.status, 'open'), sql`${cases.assigneeId} is null`))
    .orderBy(cases.shipBy)
    .limit(1);
  expect(target).toBeDefined();
  const desk = await openDesk(page, server.url, 'zhangwei');
  const review = new ReviewPage(page);
  await desk.openCase({ id: target!.id, orderNo: target!.no });
  await desk.button('认领').click();
  const why = '等顺丰补发面单，预计两小时内发出';
  await desk.addNote(why);
  // Both actions have reached the server before the report is asked for.
  await expect(desk.pendingCount()).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const [claimed] = await server.database.db
    .select({ assignee: cases.assigneeId })
    .from(cases)
    .where(eq(cases.id, target!.id));
  expect(claimed?.assignee).toBe('u-zhangwei');

  await page.getByRole('tab', { name: '复盘', exact: true }).click();
  const h = (await (await review.openHandover()).json()) as Handover;
  const report = review.report();
  await expect(report).toContainText('杭州萧山一号仓 交接班报告');

  // What came in: the count and one row per case.
  const cameIn = review.reportPart('一、新进案件');
  await expect(cameIn).toContainText(`本时段新进 ${h.cameIn} 个案件`);
  if (h.cameIn > 0) await expect(cameIn.locator('tbody tr')).toHaveCount(h.cameIn);
  // What was done: 张伟's claim and note among the actions, with the closing counts.
  const done = review.reportPart('二、已处理');
  await expect(done).toContainText(
    `人工解决 ${h.closed.resolved} 个 · 按时发出 ${h.closed.shipped} 个 · 延迟发出 ${h.closed.shippedLate} 个 · 订单取消 ${h.closed.cancelled} 个`,
  );
  const doneRows = await review.tableRows(done.getByRole('table'));
  expect(doneRows).toEqual(
    h.actions.map((a) => [expect.any(String) as unknown as string, a.actor ?? '系统', count(a.count)]),
  );
  expect(h.actions.some((a) => a.actor === '张伟' && a.kind === 'claimed')).toBe(true);
  expect(doneRows).toContainEqual(['认领了案件', '张伟', expect.any(String)]);
  // What is still open and why: our case, held by 张伟, with his note as the reason.
  const open = review.reportPart('三、仍未结束及原因');
  const ours = open.getByRole('row').filter({ hasText: target!.no });
  await expect(ours).toContainText('张伟');
  await expect(ours).toContainText(why);
  const openTotal = h.byHolder.reduce((s, b) => s + b.open, 0);
  await expect(open).toContainText(`${openTotal} 个案件仍未结束`);
  // Who holds what, against the database.
  const [held] = await server.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.status, 'open'), eq(cases.assigneeId, 'u-zhangwei')));
  const holders = await review.tableRows(review.reportPart('四、谁负责什么').getByRole('table'));
  expect(holders).toContainEqual(['张伟', count(held!.n)]);

  // Print in browser mode: window.print is called with the report as the document, and the print media shows
  // only the print sheet.
  await page.evaluate(() => {
    const w = window as unknown as { printed: { title: string; sheet: string }[] };
    w.printed = [];
    window.print = () => {
      w.printed.push({
        title: document.title,
        sheet: document.querySelector('[data-print-sheet]')?.textContent ?? '',
      });
    };
  });
  await page.getByRole('button', { name: '打印 / 导出 PDF' }).click();
  const printed = await page.evaluate(
    () => (window as unknown as { printed: { title: string; sheet: string }[] }).printed,
  );
  expect(printed).toHaveLength(1);
  expect(printed[0]!.title).toContain('交接班报告');
  expect(printed[0]!.sheet).toContain(why);
  expect(printed[0]!.sheet).toContain(`本时段新进 ${h.cameIn} 个案件`);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-print-sheet]');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('article')).toContainText(why);
  await expect(sheet.getByRole('button')).toHaveCount(0);
  await expect(review.grid).toBeHidden();
  await expect(page.getByRole('tab', { name: '复盘', exact: true })).toBeHidden();
});

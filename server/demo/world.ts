// Generates the demo world (a pure function of seed and time): one Hangzhou warehouse with zones, pickers on
// three shifts, six couriers, demo users and a couple of thousand orders whose deadlines are spread around
// "now" so cases open, turn overdue and close as the clock runs.
import type { OrderInput } from '../../shared/schemas/order-input';
import { DEFAULT_PLATFORM_RULES } from '../../shared/rules/platform-defaults';
import { ruleFor } from '../../shared/rules/platform-rules';
import type { Courier, Picker, Warehouse, Zone } from '../../shared/schemas/directory';
import type { OrderStatus, Platform, Role } from '../../shared/schemas/enums';
import { HOUR_MS, MINUTE_MS } from '../../shared/rules/clocks';
import { CATEGORIES, CITIES, COURIERS, GIVEN_NAMES, PLATFORM_MIX, SHIFTS, SURNAMES, ZONES } from './catalog';
import { Random } from './random';

export const DEMO_WAREHOUSE_ID = 'wh-hz-xs-1';
export const DEMO_PASSWORD = 'desk2026';

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** A demo order as the outside world would send it, plus the deadline the rules will give it (for tests). */
export interface DemoOrder extends OrderInput {
  expectedShipBy: number;
}

const RULE_WINDOW_H = (platform: Platform, category: string): number =>
  ruleFor(DEFAULT_PLATFORM_RULES, platform, category)?.shipWithinHours ?? 48;

export interface DemoWorld {
  warehouse: Warehouse;
  zones: Zone[];
  pickers: Picker[];
  couriers: Courier[];
  users: DemoUser[];
  orders: DemoOrder[];
}

export const DEMO_USERS: readonly Omit<DemoUser, 'password'>[] = [
  { id: 'u-zhangwei', username: 'zhangwei', displayName: '张伟', role: 'coordinator' },
  { id: 'u-wangfang', username: 'wangfang', displayName: '王芳', role: 'coordinator' },
  { id: 'u-lina', username: 'lina', displayName: '李娜', role: 'lead' },
  { id: 'u-admin', username: 'admin', displayName: '系统管理员', role: 'admin' },
];

const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
const mobile = (r: Random) => `1${r.pick(['35', '38', '39', '58', '86', '88', '77', '99'])}${r.digits(8)}`;

function platformOrderId(r: Random, platform: Platform, paidAt: number): string {
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return `3${r.digits(18)}`;
    case 'jd':
      return r.digits(12);
    case 'pdd': {
      const d = new Date(paidAt + 8 * HOUR_MS).toISOString();
      return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${r.digits(15)}`;
    }
    case 'douyin':
      return `69${r.digits(17)}`;
    case 'wechat':
      return `37${r.digits(17)}`;
    default:
      return `OD${r.digits(10)}`;
  }
}

/** Minutes of the day at the warehouse (UTC+8) for a given instant. */
const minuteOfDay = (t: number) => Math.floor(((t + 8 * HOUR_MS) % (24 * HOUR_MS)) / MINUTE_MS);
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

function onShift(start: string, end: string, now: number): boolean {
  const m = minuteOfDay(now);
  const s = toMinutes(start);
  const e = toMinutes(end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

type Phase = 'history' | 'overdue' | 'soon' | 'later';

export function buildDemoWorld(options: { seed: number; now: number; orders: number }): DemoWorld {
  const r = new Random(options.seed);
  const { now } = options;
  const warehouse: Warehouse = {
    id: DEMO_WAREHOUSE_ID,
    name: '杭州萧山一号仓',
    city: '杭州',
    timezone: 'Asia/Shanghai',
  };
  const zones: Zone[] = ZONES.map((z) => ({
    id: `${DEMO_WAREHOUSE_ID}-z${z.code}`,
    warehouseId: warehouse.id,
    ...z,
  }));
  const zoneId = (code: string) => `${DEMO_WAREHOUSE_ID}-z${code}`;

  const pickers: Picker[] = [];
  for (const zone of ZONES) {
    for (let i = 0; i < 4; i++) {
      const [shiftStart, shiftEnd] = SHIFTS[i % SHIFTS.length]!;
      const working = onShift(shiftStart, shiftEnd, now);
      const status = !working ? 'off' : r.chance(0.1) ? 'absent' : r.chance(0.12) ? 'break' : 'on_shift';
      pickers.push({
        id: `pk-${zone.code}${i + 1}`,
        warehouseId: warehouse.id,
        zoneId: zoneId(zone.code),
        name: personName(r),
        phone: mobile(r),
        radio: `${zone.code}区 ${i + 1} 号频道`,
        status,
        shiftStart,
        shiftEnd,
      });
    }
  }

  const couriers: Courier[] = COURIERS.map((c, i) => ({
    id: `cr-${c.key}`,
    warehouseId: warehouse.id,
    carrier: c.carrier,
    depot: c.depot,
    contactName: personName(r) + (i % 2 ? '（站点主管）' : '（调度）'),
    phone: mobile(r),
    pickupCutoffs: [...c.cutoffs],
    status: c.key === 'zto' ? 'overloaded' : 'normal',
  }));

  const users = DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD }));

  const orders: DemoOrder[] = [];
  for (let n = 0; n < options.orders; n++) {
    const platform = r.weighted(PLATFORM_MIX);
    const category = r.weighted(CATEGORIES.map((c) => [c, c.weight] as const));
    const phase = r.weighted<Phase>([
      ['history', 35],
      ['overdue', 10],
      ['soon', 35],
      ['later', 20],
    ]);
    const offsetH =
      phase === 'history'
        ? -12 - r.next() * 60
        : phase === 'overdue'
          ? -(5 / 60) - r.next() * 9
          : phase === 'soon'
            ? 5 / 60 + r.next() * 24
            : 24 + r.next() * 36;
    // Pick the deadline, then the payment time that gives it under the platform's rule for the category.
    const shipBy = Math.round((now + offsetH * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const paidAt = shipBy - RULE_WINDOW_H(platform, category.label) * HOUR_MS;
    const qty = r.weighted([
      [1, 70],
      [2, 20],
      [3, 10],
    ] as const);
    const unitYuan = r.int(category.price[0], category.price[1]);
    const [city, region] = r.weighted(CITIES.map(([c, p, w]) => [[c, p] as const, w] as const));
    const courier = r.pick(couriers);
    let status: OrderStatus =
      phase === 'history' ? 'paid' : r.pick(['paid', 'picking', 'picked', 'packed'] as const);
    let handedOverAt: number | null = null;
    let cancelledAt: number | null = null;
    if (phase === 'history') {
      if (r.chance(0.03)) {
        status = 'cancelled';
        cancelledAt = shipBy - r.int(1, 20) * HOUR_MS;
      } else {
        status = 'handed_over';
        handedOverAt = r.chance(0.8)
          ? shipBy - r.int(6, 600) * MINUTE_MS
          : shipBy + r.int(12, 20 * 60) * MINUTE_MS;
        handedOverAt = Math.min(handedOverAt, now - 10 * MINUTE_MS);
      }
    }
    // Milestones up to the order's step; the status follows from them.
    const step = ['paid', 'picking', 'picked', 'packed', 'handed_over'].indexOf(status);
    const at = (minutes: number) => Math.min(paidAt + minutes * MINUTE_MS, now - MINUTE_MS);
    const packed = step >= 3 ? at(r.int(600, 900)) : null;
    orders.push({
      platform,
      platformOrderId: platformOrderId(r, platform, paidAt),
      category: category.label,
      valueFen: unitYuan * qty * 100,
      currency: 'CNY',
      items: [{ sku: `${category.key.toUpperCase()}-${r.digits(5)}`, name: r.pick(category.products), qty }],
      customerName: personName(r),
      customerPhone: mobile(r),
      city,
      region,
      zoneId: zoneId(category.zone),
      courierId: courier.id,
      waybill: packed !== null ? `${courier.id.slice(3).toUpperCase()}${r.digits(12)}` : null,
      vip: r.chance(0.06),
      paidAt,
      promisedShipBy: null,
      pickingStartedAt: step >= 1 ? at(r.int(30, 240)) : null,
      pickedAt: step >= 2 ? at(r.int(240, 600)) : null,
      packedAt: packed,
      waybillAt: packed,
      handedOverAt,
      cancelledAt,
      expectedShipBy: shipBy,
    });
  }
  return { warehouse, zones, pickers, couriers, users, orders };
}

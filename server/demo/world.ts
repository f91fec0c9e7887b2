// Generates the demo world (a pure function of seed and time): one Hangzhou warehouse with zones, pickers on
// three shifts, six couriers, demo users and a couple of thousand orders whose deadlines are spread around
// "now" so cases open, turn overdue and close as the clock runs. The surge world is the same warehouse on a
// Double 11 night: a promotion with its own ship-by date, eight times the orders, two pickers missing per shift
// and rain, with the ZTO depot overloaded (as it is on a normal day too).
import type { OrderInput } from '../../shared/schemas/order-input';
import { DEFAULT_PLATFORM_RULES } from '../../shared/rules/platform-defaults';
import { resolveDeadline, ruleFor, type Promotion } from '../../shared/rules/platform-rules';
import type { Courier, Picker, Warehouse, Zone } from '../../shared/schemas/directory';
import type { OrderStatus, Platform, Role } from '../../shared/schemas/enums';
import { HOUR_MS, MINUTE_MS } from '../../shared/rules/clocks';
import { COURIERS, DEMO_WAREHOUSE_ID, SHIFTS, ZONES } from './catalog';
import { mobile, orderFacts, personName, pickCourier, pickKind, waybillFor, zoneIdOf } from './orders';
import { promoOrders } from './promo-orders';
import { Random } from './random';
import { SURGE_FACTOR } from './rhythm';
import { rosterAt } from './roster';
import { endOfNextDay } from './time';

export { DEMO_WAREHOUSE_ID } from './catalog';
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

export interface DemoWorld {
  warehouse: Warehouse;
  zones: Zone[];
  pickers: Picker[];
  couriers: Courier[];
  users: DemoUser[];
  orders: DemoOrder[];
  /** The Double 11 drill in the surge world; null on a normal day. */
  promotion: Promotion | null;
}

export const DEMO_USERS: readonly Omit<DemoUser, 'password'>[] = [
  { id: 'u-zhangwei', username: 'zhangwei', displayName: '张伟', role: 'coordinator' },
  { id: 'u-wangfang', username: 'wangfang', displayName: '王芳', role: 'coordinator' },
  { id: 'u-lina', username: 'lina', displayName: '李娜', role: 'lead' },
  { id: 'u-admin', username: 'admin', displayName: '系统管理员', role: 'admin' },
];

export const DEMO_PROMOTION_ID = 'promo-demo-double11';

/** Paid from two days ago to a day from now; ships by 23:59 on the day after the window closes. */
export function demoPromotion(now: number): Promotion {
  const paidUntil = now + 24 * HOUR_MS;
  return {
    id: DEMO_PROMOTION_ID,
    name: '双11 大促演练',
    platforms: null,
    paidFrom: now - 48 * HOUR_MS,
    paidUntil,
    shipBy: endOfNextDay(paidUntil),
  };
}

const RULE_WINDOW_H = (platform: Platform, category: string): number =>
  ruleFor(DEFAULT_PLATFORM_RULES, platform, category)?.shipWithinHours ?? 48;

type Phase = 'history' | 'overdue' | 'soon' | 'later';

export interface WorldOptions {
  seed: number;
  now: number;
  /** Orders of a normal day; a surge world adds (SURGE_FACTOR - 1) times as many promotion orders. */
  orders: number;
  surge?: boolean;
}

export function buildDemoWorld(options: WorldOptions): DemoWorld {
  const r = new Random(options.seed);
  const { now } = options;
  const surge = options.surge ?? false;
  const warehouse: Warehouse = {
    id: DEMO_WAREHOUSE_ID,
    name: '杭州萧山一号仓',
    city: '杭州',
    timezone: 'Asia/Shanghai',
  };
  const zones: Zone[] = ZONES.map((z) => ({ id: zoneIdOf(z.code), warehouseId: warehouse.id, ...z }));

  const pickers: Picker[] = [];
  for (const zone of ZONES) {
    for (let i = 0; i < 4; i++) {
      const [shiftStart, shiftEnd] = SHIFTS[i % SHIFTS.length]!;
      pickers.push({
        id: `pk-${zone.code}${i + 1}`,
        warehouseId: warehouse.id,
        zoneId: zoneIdOf(zone.code),
        name: personName(r),
        phone: mobile(r),
        radio: `${zone.code}区 ${i + 1} 号频道`,
        status: 'off',
        shiftStart,
        shiftEnd,
      });
    }
  }
  const roster = rosterAt(options.seed, pickers, now, surge);
  for (const p of pickers) p.status = roster.get(p.id) ?? 'off';

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
  const promotion = surge ? demoPromotion(now) : null;
  const shipByOf = (o: OrderInput) =>
    resolveDeadline(o, DEFAULT_PLATFORM_RULES, promotion ? [promotion] : []).shipBy ?? o.paidAt;

  const orders: DemoOrder[] = [];
  for (let n = 0; n < options.orders; n++) {
    const { platform, category } = pickKind(r);
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
    // Pick the deadline, then the payment time that gives it under the platform's rule for the category; a
    // deadline further out than the rule's window would need a payment in the future, so it is pulled in.
    const windowH = RULE_WINDOW_H(platform, category.label);
    const slack = 0.25 + r.next() * 3;
    const shipBy = Math.round((now + Math.min(offsetH, windowH - slack) * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const paidAt = shipBy - windowH * HOUR_MS;
    const facts = orderFacts(r, platform, category, paidAt);
    const courierId = pickCourier(r, platform, category.label);
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
    const order: OrderInput = {
      ...facts,
      courierId,
      waybill: packed !== null ? waybillFor(r, courierId) : null,
      pickingStartedAt: step >= 1 ? at(r.int(30, 240)) : null,
      pickedAt: step >= 2 ? at(r.int(240, 600)) : null,
      packedAt: packed,
      waybillAt: packed,
      handedOverAt,
      cancelledAt,
    };
    orders.push({ ...order, expectedShipBy: shipByOf(order) });
  }
  if (promotion) {
    const extra = promoOrders({
      seed: options.seed,
      now,
      count: (SURGE_FACTOR - 1) * options.orders,
      promotion,
      pickers,
      couriers,
    });
    orders.push(...extra.map((o) => ({ ...o, expectedShipBy: shipByOf(o) })));
  }
  return { warehouse, zones, pickers, couriers, users, orders, promotion };
}

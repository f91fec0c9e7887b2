// One demo order as a platform would send it: who bought what, where it goes, which zone picks it and which
// courier takes it. The seeded world and the simulator's new orders both come from here.
import type { OrderInput } from '../../shared/schemas/order-input';
import type { Platform } from '../../shared/schemas/enums';
import { HOUR_MS } from '../../shared/rules/clocks';
import {
  CATEGORIES,
  CITIES,
  COURIER_MIX,
  DEMO_WAREHOUSE_ID,
  GIVEN_NAMES,
  PLATFORM_MIX,
  SURNAMES,
  type CategorySpec,
} from './catalog';
import type { Random } from './random';

export const zoneIdOf = (code: string): string => `${DEMO_WAREHOUSE_ID}-z${code}`;
export const courierIdOf = (key: string): string => `cr-${key}`;

export const personName = (r: Random): string => r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
export const mobile = (r: Random): string =>
  `1${r.pick(['35', '38', '39', '58', '86', '88', '77', '99'])}${r.digits(8)}`;

/** Order numbers in each platform's own format (a coordinator recognises the platform from the number). */
export function platformOrderId(r: Random, platform: Platform, paidAt: number): string {
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

export function pickKind(r: Random): { platform: Platform; category: CategorySpec } {
  const platform = r.weighted(PLATFORM_MIX);
  const category = r.weighted(CATEGORIES.map((c) => [c, c.weight] as const));
  return { platform, category };
}

/** A paid order with nothing done to it yet (no courier until it is packed). */
export function orderFacts(
  r: Random,
  platform: Platform,
  category: CategorySpec,
  paidAt: number,
): OrderInput {
  const qty = r.weighted([
    [1, 70],
    [2, 20],
    [3, 10],
  ] as const);
  const unitYuan = r.int(category.price[0], category.price[1]);
  const [city, region] = r.weighted(CITIES.map(([c, p, w]) => [[c, p] as const, w] as const));
  return {
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
    zoneId: zoneIdOf(category.zone),
    courierId: null,
    waybill: null,
    vip: r.chance(0.06),
    paidAt,
    promisedShipBy: null,
    pickingStartedAt: null,
    pickedAt: null,
    packedAt: null,
    waybillAt: null,
    handedOverAt: null,
    cancelledAt: null,
  };
}

/** The courier an order ships with, by platform and category. */
export function pickCourier(r: Random, platform: string, category: string): string {
  if (platform === 'jd' && r.chance(0.8)) return courierIdOf('jdl');
  if ((category.includes('生鲜') || category.includes('冷冻')) && r.chance(0.7)) return courierIdOf('sf');
  return courierIdOf(r.weighted(COURIER_MIX));
}

export const waybillFor = (r: Random, courierId: string): string =>
  `${courierId.slice(3).toUpperCase()}${r.digits(12)}`;

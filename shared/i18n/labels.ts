// Human labels for the shared vocabularies, in both languages the product speaks. Shared so the server's
// exports and the UI use the same words.
import type { Cause, Outcome, Perishability, Platform } from '../schemas/enums';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const CAUSE_LABELS: Labels<Cause> = {
  out_of_stock: { 'zh-CN': '缺货', en: 'Out of stock' },
  pick_error: { 'zh-CN': '拣货错误', en: 'Picking error' },
  mis_sort: { 'zh-CN': '分拣错误', en: 'Mis-sorted' },
  picker_absent: { 'zh-CN': '拣货员缺勤', en: 'Picker absent' },
  short_staffed: { 'zh-CN': '人手不足', en: 'Short-staffed' },
  packing_backlog: { 'zh-CN': '打包积压', en: 'Packing backlog' },
  courier_missed_pickup: { 'zh-CN': '快递漏揽', en: 'Courier missed pickup' },
  courier_depot_overload: { 'zh-CN': '快递网点爆仓', en: 'Courier depot overloaded' },
  weather: { 'zh-CN': '天气原因', en: 'Weather' },
  address_issue: { 'zh-CN': '地址问题', en: 'Address issue' },
  system_error: { 'zh-CN': '系统故障', en: 'System error' },
  merchant_delay: { 'zh-CN': '商家延误', en: 'Merchant delay' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const OUTCOME_LABELS: Labels<Outcome> = {
  saved: { 'zh-CN': '截止前发出', en: 'Shipped before the deadline' },
  shipped_late: { 'zh-CN': '延迟发出', en: 'Shipped late' },
  delay_agreed: { 'zh-CN': '买家同意延迟', en: 'Buyer agreed to a delay' },
  order_cancelled: { 'zh-CN': '订单取消', en: 'Order cancelled' },
  refunded: { 'zh-CN': '已退款', en: 'Refunded' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const PLATFORM_LABELS: Labels<Platform> = {
  taobao: { 'zh-CN': '淘宝', en: 'Taobao' },
  tmall: { 'zh-CN': '天猫', en: 'Tmall' },
  jd: { 'zh-CN': '京东', en: 'JD' },
  pdd: { 'zh-CN': '拼多多', en: 'Pinduoduo' },
  douyin: { 'zh-CN': '抖店', en: 'Douyin' },
  wechat: { 'zh-CN': '微信小店', en: 'WeChat Shop' },
  own: { 'zh-CN': '自营商城', en: 'Own shop' },
  olist: { 'zh-CN': 'Olist', en: 'Olist' },
};

export const PERISHABILITY_LABELS: Labels<Perishability> = {
  fresh: { 'zh-CN': '生鲜', en: 'Fresh' },
  frozen: { 'zh-CN': '冷冻', en: 'Frozen' },
  food: { 'zh-CN': '食品', en: 'Food' },
  sensitive: { 'zh-CN': '敏感品', en: 'Sensitive' },
  durable: { 'zh-CN': '耐用品', en: 'Durable' },
};

// The seed platform rules, from public platform pages gathered in the domain research (domain-anchors.md).
// Figures marked confirmed: false come from one secondary source or conflict between sources: verify before
// relying on them. Admins edit the live rules through the API; these only seed an empty database.
import type { PlatformRule } from './platform-rules';

const rule = (
  r: Omit<PlatformRule, 'maxDelayNegotiations' | 'negotiationMinLeadHours'> & Partial<PlatformRule>,
): PlatformRule => ({
  maxDelayNegotiations: null,
  negotiationMinLeadHours: null,
  ...r,
});

const PLATFORM_DEFAULTS: readonly PlatformRule[] = [
  rule({
    id: 'taobao-default',
    platform: 'taobao',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: null,
    penalty: { kind: 'share', rate: 0.05, minFen: 500, maxFen: 3000 },
    source: '淘宝规则 延迟发货: 5% of the price, at least 5 and at most 30 yuan (other pages say 10%, 5-100)',
    confirmed: false,
  }),
  rule({
    id: 'tmall-default',
    platform: 'tmall',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: 72,
    penalty: { kind: 'share', rate: 0.3, minFen: 0, maxFen: 50000 },
    source: '天猫 发货管理规范: ship within 48 h; 30% of the paid amount, at most 500 yuan, paid as points',
    confirmed: true,
  }),
  rule({
    id: 'jd-default',
    platform: 'jd',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: 72,
    penalty: { kind: 'share', rate: 0.3, minFen: 0, maxFen: 50000 },
    source:
      '京东 POP: waybill within 48 h, first scan within 72 h; 30% at most 500 yuan (third-party source)',
    confirmed: false,
  }),
  rule({
    id: 'pdd-default',
    platform: 'pdd',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: 24,
    penalty: { kind: 'fixed', fen: 300 },
    source:
      '拼多多: ship within 48 h; 3 yuan coupon per late order (suspended from Dec 2022 per one source); no pickup scan within 24 h of the waybill counts as fake shipment',
    confirmed: false,
  }),
  rule({
    id: 'douyin-default',
    platform: 'douyin',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: null,
    penalty: {
      kind: 'tiered',
      tiers: [
        { belowFen: 300, formula: { kind: 'none' } },
        { belowFen: 30000, formula: { kind: 'fixed', fen: 300 } },
        { belowFen: null, formula: { kind: 'share', rate: 0.01, minFen: 0, maxFen: 3000 } },
      ],
    },
    source:
      '抖店 延迟揽收: items up to 3 yuan nothing, 3-300 yuan 3 yuan, from 300 yuan 1% at most 30 yuan; force-majeure areas exempt',
    confirmed: false,
  }),
  rule({
    id: 'wechat-default',
    platform: 'wechat',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: null,
    penalty: { kind: 'none' },
    maxDelayNegotiations: 3,
    negotiationMinLeadHours: 4,
    source:
      '微信小店: ordinary goods within 48 h, beyond 15 days must be pre-sale; delay negotiation at most 3 times, at least 4 h before the latest ship time; buyer chases become 催发货 tickets',
    confirmed: true,
  }),
  rule({
    id: 'own-default',
    platform: 'own',
    category: null,
    shipWithinHours: 48,
    pickupWithinHours: null,
    penalty: { kind: 'none' },
    source: 'own shop: our own promise of 48 h',
    confirmed: true,
  }),
  rule({
    id: 'olist-default',
    platform: 'olist',
    category: null,
    shipWithinHours: 72,
    pickupWithinHours: null,
    penalty: { kind: 'none' },
    source: 'Olist orders carry their own shipping_limit_date; this default is only used without one',
    confirmed: false,
  }),
];

const penaltyOf = (platform: PlatformRule['platform']) =>
  PLATFORM_DEFAULTS.find((r) => r.platform === platform)?.penalty ?? { kind: 'none' as const };

export const DEFAULT_PLATFORM_RULES: readonly PlatformRule[] = [
  ...PLATFORM_DEFAULTS,
  // Fresh food ships the same or next day on every platform we serve (our own service level, not a platform
  // figure), with the platform's usual penalty.
  ...(['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'wechat', 'own'] as const).map((platform) =>
    rule({
      id: `${platform}-fresh`,
      platform,
      category: '生鲜',
      shipWithinHours: 24,
      pickupWithinHours: 12,
      penalty: penaltyOf(platform),
      source: 'warehouse service level for fresh goods (24 h); penalty as the platform default',
      confirmed: false,
    }),
  ),
];

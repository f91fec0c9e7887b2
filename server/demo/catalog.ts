// Names, places and products for a believable Hangzhou e-commerce warehouse. Data only.
import type { Perishability, Platform } from '../../shared/schemas/enums';

export const DEMO_WAREHOUSE_ID = 'wh-hz-xs-1';

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '雪',
  '婷',
  '浩',
  '宇',
  '欣怡',
];

/** [city, province/region, weight] */
export const CITIES: readonly (readonly [string, string, number])[] = [
  ['杭州', '浙江', 14],
  ['宁波', '浙江', 6],
  ['温州', '浙江', 5],
  ['上海', '上海', 12],
  ['苏州', '江苏', 6],
  ['南京', '江苏', 5],
  ['北京', '北京', 9],
  ['广州', '广东', 7],
  ['深圳', '广东', 7],
  ['成都', '四川', 5],
  ['武汉', '湖北', 4],
  ['西安', '陕西', 3],
  ['长沙', '湖南', 3],
  ['郑州', '河南', 3],
  ['合肥', '安徽', 3],
  ['福州', '福建', 2],
  ['昆明', '云南', 2],
  ['乌鲁木齐', '新疆', 1],
  ['拉萨', '西藏', 1],
  ['哈尔滨', '黑龙江', 2],
];

export interface CategorySpec {
  key: string;
  label: string;
  perishability: Perishability;
  zone: string;
  weight: number;
  /** Typical price range in yuan. */
  price: readonly [number, number];
  products: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    key: 'fresh',
    label: '生鲜',
    perishability: 'fresh',
    zone: 'A',
    weight: 12,
    price: [39, 399],
    products: [
      '阳澄湖大闸蟹 8只装',
      '智利车厘子 2斤',
      '海南妃子笑荔枝 3斤',
      '舟山带鱼 1kg',
      '有机菠菜 500g',
      '麒麟西瓜 1个',
    ],
  },
  {
    key: 'frozen',
    label: '冷冻',
    perishability: 'frozen',
    zone: 'A',
    weight: 6,
    price: [29, 259],
    products: ['湾仔码头水饺 1kg', '澳洲牛排 套餐 10片', '哈根达斯 冰淇淋 4杯', '广式虾饺 30只'],
  },
  {
    key: 'food',
    label: '食品',
    perishability: 'food',
    zone: 'B',
    weight: 16,
    price: [15, 199],
    products: [
      '三只松鼠 每日坚果 30袋',
      '西湖龙井 250g',
      '五常大米 5kg',
      '良品铺子 零食大礼包',
      '金华火腿 1kg',
    ],
  },
  {
    key: 'baby_formula',
    label: '母婴奶粉',
    perishability: 'sensitive',
    zone: 'C',
    weight: 10,
    price: [199, 899],
    products: ['飞鹤星飞帆 3段 700g', '爱他美 卓萃 2段 900g', '惠氏启赋 1段 810g', '帮宝适 纸尿裤 L码 2包'],
  },
  {
    key: 'apparel',
    label: '服饰',
    perishability: 'durable',
    zone: 'D',
    weight: 20,
    price: [49, 699],
    products: ['羽绒服 女款 中长款', '纯棉T恤 3件装', '运动鞋 男款 42码', '羊绒围巾', '牛仔裤 直筒'],
  },
  {
    key: 'daily_goods',
    label: '日用百货',
    perishability: 'durable',
    zone: 'E',
    weight: 18,
    price: [9, 199],
    products: ['维达抽纸 24包', '蓝月亮洗衣液 3kg', '乐扣保鲜盒 6件套', '舒适达牙膏 3支装', '收纳箱 3个装'],
  },
  {
    key: 'electronics',
    label: '数码家电',
    perishability: 'durable',
    zone: 'F',
    weight: 10,
    price: [99, 5999],
    products: ['小米手环 9', '华为 FreeBuds 耳机', '美的 电饭煲 4L', '罗技 无线鼠标', '充电宝 20000mAh'],
  },
  {
    key: 'beauty',
    label: '美妆个护',
    perishability: 'durable',
    zone: 'F',
    weight: 8,
    price: [59, 1299],
    products: ['兰蔻 小黑瓶精华 50ml', '完美日记 口红套装', '欧莱雅 面霜 50ml', '花西子 散粉'],
  },
];

export const PLATFORM_MIX: readonly (readonly [Platform, number])[] = [
  ['taobao', 30],
  ['tmall', 20],
  ['jd', 15],
  ['pdd', 15],
  ['douyin', 12],
  ['wechat', 5],
  ['own', 3],
];

export const ZONES = [
  { code: 'A', name: '生鲜冷链区' },
  { code: 'B', name: '食品区' },
  { code: 'C', name: '母婴区' },
  { code: 'D', name: '服饰区' },
  { code: 'E', name: '日用百货区' },
  { code: 'F', name: '数码美妆区' },
] as const;

/** The six couriers that collect from the warehouse, with their daily pickup cut-offs (local time). */
export const COURIERS = [
  { key: 'sf', carrier: '顺丰速运', depot: '萧山机场营业部', cutoffs: ['11:00', '17:00', '21:30'] },
  { key: 'zto', carrier: '中通快递', depot: '萧山新街分拨中心', cutoffs: ['12:00', '18:30'] },
  { key: 'yto', carrier: '圆通速递', depot: '萧山经济开发区网点', cutoffs: ['11:30', '18:00'] },
  { key: 'sto', carrier: '申通快递', depot: '萧山城厢网点', cutoffs: ['12:30', '19:00'] },
  { key: 'yunda', carrier: '韵达速递', depot: '萧山宁围网点', cutoffs: ['13:00', '19:30'] },
  { key: 'jdl', carrier: '京东物流', depot: '杭州萧山分拣中心', cutoffs: ['10:30', '15:30', '22:00'] },
] as const;

/** Three shifts; a picker is on shift when the warehouse clock is inside their window. */
export const SHIFTS = [
  ['06:00', '14:00'],
  ['14:00', '22:00'],
  ['22:00', '06:00'],
] as const;

/** Which courier a parcel goes with: JD orders mostly by JD Logistics, fresh and frozen mostly by SF cold chain. */
export const COURIER_MIX: readonly (readonly [string, number])[] = [
  ['zto', 25],
  ['yto', 20],
  ['yunda', 18],
  ['sto', 15],
  ['sf', 12],
  ['jdl', 10],
];

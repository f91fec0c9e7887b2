import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MappingError, parseMapping, type MappingFileInput } from './mapping';
import { compileMapping, parseMoney, RowError } from './row-mapper';

/** A shop's order export, the way a Chinese back office writes it. */
const SHOP: MappingFileInput = {
  timezone: 'Asia/Shanghai',
  fields: {
    platform: { kind: 'constant', value: 'pdd' },
    platformOrderId: { kind: 'text', column: '订单号' },
    paidAt: { kind: 'time', column: ['支付时间', '下单时间'] },
    promisedShipBy: { kind: 'time', column: '承诺发货时间' },
    status: {
      kind: 'status',
      column: '状态',
      map: { 待发货: 'paid', 已发货: 'handed_over', 已取消: 'cancelled', 处理中: null },
    },
    valueFen: { kind: 'money', column: '实付金额' },
    currency: { kind: 'constant', value: 'CNY' },
    category: { kind: 'split', column: '类目', by: '>', take: -1 },
    city: { kind: 'join', columns: ['省', '市'], with: ' ' },
    customerName: { kind: 'text', column: '收件人', default: '匿名' },
    customerPhone: { kind: 'text', column: '手机', slice: [-4, 11], prefix: '尾号' },
    vip: { kind: 'boolean', column: '会员' },
    waybill: { kind: 'text', column: '运单号' },
    items: {
      kind: 'item',
      sku: { kind: 'text', column: 'SKU' },
      name: { kind: 'text', column: '商品', default: 'unknown' },
      qty: { kind: 'number', column: '数量' },
    },
  },
};
const HEADER = [
  '订单号',
  '支付时间',
  '下单时间',
  '承诺发货时间',
  '状态',
  '实付金额',
  '类目',
  '省',
  '市',
  '收件人',
  '手机',
  '会员',
  '运单号',
  'SKU',
  '商品',
  '数量',
];
const row = (over: Record<string, string> = {}): string[] => {
  const base: Record<string, string> = {
    订单号: 'P1001',
    支付时间: '2024-06-18 10:00:00',
    下单时间: '2024-06-18 09:58:00',
    承诺发货时间: '2024-06-20 10:00:00',
    状态: '待发货',
    实付金额: '129.90',
    类目: '食品>生鲜>水果',
    省: '浙江',
    市: '杭州',
    收件人: '王芳',
    手机: '13800001234',
    会员: '是',
    运单号: '',
    SKU: 'F-1',
    商品: '车厘子',
    数量: '2',
  };
  return HEADER.map((h) => over[h] ?? base[h] ?? '');
};
const mapper = compileMapping(parseMapping(SHOP, 'test'), HEADER, 'Asia/Shanghai');
const rejectReason = (r: string[]) => {
  try {
    mapper(r);
  } catch (err) {
    if (err instanceof RowError) return err.message;
    throw err;
  }
  return null;
};

describe('compileMapping', () => {
  it('maps every kind of field', () => {
    expect(mapper(row())).toMatchObject({
      platform: 'pdd',
      platformOrderId: 'P1001',
      paidAt: Date.parse('2024-06-18T02:00:00Z'),
      promisedShipBy: Date.parse('2024-06-20T02:00:00Z'),
      status: 'paid',
      valueFen: 12990,
      currency: 'CNY',
      category: '水果',
      city: '浙江 杭州',
      customerName: '王芳',
      customerPhone: '尾号1234',
      vip: true,
      waybill: null,
      items: [{ sku: 'F-1', name: '车厘子', qty: 2 }],
      handedOverAt: null,
    });
  });

  it('falls back to the next column, to defaults, and leaves a null-mapped status to the milestones', () => {
    const r = mapper(row({ 支付时间: '', 收件人: '', 状态: '处理中', 数量: '0', 省: '', 会员: '' }));
    expect(r.paidAt).toBe(Date.parse('2024-06-18T01:58:00Z'));
    expect(r.customerName).toBe('匿名');
    expect(r.status).toBeUndefined();
    expect(r.items).toEqual([]);
    expect(r.city).toBe('杭州');
    expect(r.vip).toBe(false);
  });

  it('rejects a bad row with a reason a person can act on', () => {
    expect(rejectReason(row({ 订单号: '  ' }))).toBe('missing order id');
    expect(rejectReason(row({ 支付时间: '', 下单时间: '' }))).toBe('missing paid time');
    expect(rejectReason(row({ 承诺发货时间: '2024-02-30 10:00:00' }))).toBe(
      'unparseable date "2024-02-30 10:00:00" in 承诺发货时间',
    );
    // An unparseable first column is an error, not a reason to fall back to the next one.
    expect(rejectReason(row({ 支付时间: 'soon' }))).toBe('unparseable date "soon" in 支付时间');
    expect(rejectReason(row({ 状态: '丢件' }))).toBe('unknown status "丢件"');
    expect(rejectReason(row({ 实付金额: '12,99' }))).toBe('invalid amount "12,99" in 实付金额');
    expect(rejectReason(row({ 数量: 'two' }))).toBe('invalid number "two" in 数量');
    expect(rejectReason(row({ 订单号: 'x'.repeat(65) }))).toMatch(/^platformOrderId: /);
  });

  it('names the columns the file lacks', () => {
    expect(() => compileMapping(parseMapping(SHOP, 'test'), HEADER.slice(1), 'UTC')).toThrow(
      /the file has no column "订单号"/,
    );
  });
});

describe('parseMapping', () => {
  const refuse = (json: unknown) => () => parseMapping(json, 'm.json');

  it('refuses a field filled by a kind that cannot produce its type', () => {
    const bad = { fields: { ...SHOP.fields, paidAt: { kind: 'text', column: '支付时间' } } };
    expect(refuse(bad)).toThrow(MappingError);
    expect(refuse(bad)).toThrow(/paidAt/);
  });

  it('refuses unknown fields, missing required fields and unknown zones', () => {
    expect(refuse({ fields: { ...SHOP.fields, shipBy: { kind: 'time', column: 'x' } } })).toThrow(/shipBy/);
    const { paidAt: _, ...noPaid } = SHOP.fields;
    expect(refuse({ fields: noPaid })).toThrow(/paidAt/);
    expect(refuse({ ...SHOP, timezone: 'China/Beijing' })).toThrow(/IANA/);
    expect(
      refuse({
        ...SHOP,
        fields: { ...SHOP.fields, status: { kind: 'status', column: 's', map: { a: 'lost' } } },
      }),
    ).toThrow(/status/);
  });
});

describe('parseMoney', () => {
  it('reads decimals exactly into minor units', () => {
    expect(parseMoney('72.89')).toBe(7289);
    expect(parseMoney('0.10')).toBe(10);
    expect(parseMoney('1234')).toBe(123400);
    expect(parseMoney('0.005')).toBe(1);
    expect(parseMoney('0.004')).toBe(0);
    expect(parseMoney('-1.5')).toBe(-150);
    expect(parseMoney('1,5', 2, ',')).toBe(150);
    expect(parseMoney('1,299.00')).toBe(129900);
    expect(parseMoney('1.299,00', 2, ',')).toBe(129900);
    expect(parseMoney('12,99')).toBeNull();
    expect(parseMoney('12.3', 0)).toBe(12);
    for (const bad of ['', 'abc', '1e3', '1.2.3', '¥12', '1 000']) expect(parseMoney(bad), bad).toBeNull();
  });

  it('agrees with round(x * 100) for every amount with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (cents) => {
        expect(parseMoney((cents / 100).toFixed(2))).toBe(cents);
      }),
    );
  });
});

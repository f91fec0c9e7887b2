import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../../shared/test-data';
import { defaultPromiseDate, fillTemplate, likelyCause, type TemplateFacts } from './templates';

const facts: TemplateFacts = {
  customerName: '王芳',
  platform: 'tmall',
  orderNo: '3000000000000000001',
  cause: 'out_of_stock',
  date: Date.UTC(2026, 4, 14, 10, 0), // 18:00 in Shanghai
  dateKind: 'ship',
  currency: 'CNY',
  compensations: [
    { type: 'coupon', amountFen: 2000 },
    { type: 'gift', amountFen: 0 },
  ],
  timeZone: 'Asia/Shanghai',
};

describe('customer templates', () => {
  it('fills the Chinese apology with the reason, the new date and the compensation', () => {
    const text = fillTemplate('full', 'zh-CN', facts);
    expect(text).toContain('王芳您好');
    expect(text).toContain('天猫购买的订单（3000000000000000001）');
    expect(text).toContain('原因是您购买的商品在本仓暂时缺货');
    expect(text).toContain('预计 5月14日 18:00 前发出');
    expect(text).toContain('一张 ¥20.00 的优惠券、一份小礼品');
  });

  it('fills the English one whatever the desk language is', () => {
    const text = fillTemplate('full', 'en', { ...facts, dateKind: 'arrival' });
    expect(text).toContain('Dear 王芳,');
    expect(text).toContain('your Tmall order 3000000000000000001 did not ship on time');
    expect(text).toContain('bringing stock in from another one');
    expect(text).toContain('reach you by May 14 at 18:00');
    expect(text).toMatch(/a CN¥20\.00 coupon, a small gift/);
  });

  it('leaves the compensation out when none was approved, and has a short SMS form', () => {
    const none = { ...facts, compensations: [] };
    expect(fillTemplate('full', 'zh-CN', none)).not.toContain('为表歉意');
    expect(fillTemplate('short', 'zh-CN', none)).toBe(
      '【天猫】王芳您好，抱歉订单3000000000000000001发货延误：您购买的商品在本仓暂时缺货，我们正在从其他仓库调货。预计5月14日 18:00前发出。',
    );
    expect(fillTemplate('short', 'en', facts)).toMatch(
      /^Tmall: Sorry 王芳, .* We are adding .*coupon, a small gift as an apology\.$/,
    );
  });

  it('promises the agreed date, else the deadline ahead, else a day from now', () => {
    const now = Date.UTC(2026, 10, 11, 0, 30);
    const agreed = sampleCase({
      shipBy: now + 5 * 3_600_000,
      pauses: [{ kind: 'buyer_agreed', at: now, by: 'u', from: now, to: now + 5 * 3_600_000, note: '' }],
    });
    expect(defaultPromiseDate(agreed, now)).toBe(now + 5 * 3_600_000);
    expect(defaultPromiseDate(sampleCase({ shipBy: now + 1000 }), now)).toBe(now + 1000);
    expect(defaultPromiseDate(sampleCase({ shipBy: now - 1000 }), now)).toBe(Date.UTC(2026, 10, 12, 1, 0));
  });

  it('explains the recorded cause, else what the floor and depot say', () => {
    const depot = { pickerAbsent: false, depotStatus: 'normal' as const };
    expect(likelyCause(sampleCase({ cause: 'weather' }), depot)).toBe('weather');
    expect(likelyCause(sampleCase(), { ...depot, pickerAbsent: true })).toBe('picker_absent');
    expect(likelyCause(sampleCase(), { ...depot, depotStatus: 'overloaded' })).toBe('courier_depot_overload');
    expect(likelyCause(sampleCase(), depot)).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { formatCountdown, formatMoney, translator } from './format';
import { en, zh } from './messages';

const zhT = translator('zh-CN');
const enT = translator('en');
const MIN = 60_000;

describe('formatting', () => {
  it('counts down and up in Chinese and English', () => {
    expect(formatCountdown(80 * MIN, 0, zhT)).toBe('还剩 1 小时 20 分');
    expect(formatCountdown(-6 * 60 * MIN, 0, zhT)).toBe('已超时 6 小时');
    expect(formatCountdown(45 * MIN, 0, enT)).toBe('45 min left');
    expect(formatCountdown(-3 * 24 * 60 * MIN, 0, enT)).toBe('3 d 0 h overdue');
  });

  it('formats money as yuan for the locale', () => {
    expect(formatMoney(1_234_56, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(990, 'en')).toMatch(/CN¥9\.90/);
  });

  it('has an English text for every Chinese one', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.values(en).every((v) => v.length > 0)).toBe(true);
  });
});

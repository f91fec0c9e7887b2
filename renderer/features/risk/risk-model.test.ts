import { describe, expect, it } from 'vitest';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { translator } from '../../i18n/format';
import { currentFlags, flagName, fromWallInput, importReason, toWallInput, windowOk } from './risk-model';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 11, 2, 0); // 10:00 in Shanghai

const flag = (id: string, startsAt: number, endsAt: number, over: Partial<RiskFlag> = {}): RiskFlag => ({
  id,
  warehouseId: 'wh',
  scope: 'region',
  target: '浙江',
  kind: 'rain',
  startsAt,
  endsAt,
  points: 60,
  note: '',
  createdBy: null,
  ...over,
});

describe('currentFlags', () => {
  it('drops ended flags and lists the running ones before the upcoming ones', () => {
    const flags = [flag('up', T + H, T + 2 * H), flag('ended', T - 3 * H, T - H), flag('run', T - H, T + H)];
    expect(currentFlags(flags, T).map((f) => f.id)).toEqual(['run', 'up']);
  });
});

describe('flagName', () => {
  it('names a courier flag by its carrier and translates the kind', () => {
    const t = translator('zh-CN');
    const f = flag('f', T, T + H, { scope: 'courier', target: 'cr-zto', kind: 'depot_overload' });
    expect(flagName(f, (id) => (id === 'cr-zto' ? '中通' : undefined), t)).toBe('中通 · 网点爆仓');
    expect(flagName(flag('g', T, T + H), () => undefined, translator('en'))).toBe('浙江 · Rain');
  });
});

describe('wall-clock inputs', () => {
  it('reads and writes the warehouse’s wall clock whatever the desk’s zone', () => {
    expect(toWallInput(T, 'Asia/Shanghai')).toBe('2026-11-11T10:00');
    expect(fromWallInput('2026-11-11T10:00', 'Asia/Shanghai')).toBe(T);
    expect(fromWallInput('2026-11-11T10:00', 'America/Sao_Paulo')).toBe(T + 11 * H);
    expect(fromWallInput('soon', 'Asia/Shanghai')).toBeNull();
  });

  it('accepts windows that end after they start and last at most 14 days', () => {
    expect(windowOk(T, T + H)).toBe(true);
    expect(windowOk(T, T)).toBe(false);
    expect(windowOk(T, T + 15 * 24 * H)).toBe(false);
  });
});

describe('importReason', () => {
  it('puts the server’s reasons in the desk’s language and keeps the ones it does not know', () => {
    const t = translator('zh-CN');
    expect(importReason('unknown kind "blizzard"', t)).toBe(
      '未知的类型“blizzard”（可用 rain、typhoon、snow、depot_overload、traffic、other）',
    );
    expect(importReason('a risk window is at most 14 days', t)).toBe(t('risk.invalidWindow'));
    expect(importReason('something new', t)).toBe('something new');
  });
});

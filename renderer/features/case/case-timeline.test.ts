import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../../shared/test-data';
import { translator } from '../../i18n/format';
import { buildTimeline, eventDetail, type DetailContext } from './case-timeline';

const ctx = (locale: 'zh-CN' | 'en'): DetailContext => ({
  t: translator(locale),
  money: (fen) => `¥${(fen / 100).toFixed(2)}`,
  picker: (id) => ({ 'pk-A1': '李强' })[id],
  courier: (id) => ({ 'cr-sf': '顺丰速运', 'cr-zto': '中通快递' })[id],
  person: (id) => (id === 'u-lina' ? '李娜' : null),
});

describe('timeline details', () => {
  it('says how the customer was contacted and what came of it', () => {
    const entry = { kind: 'customer_contacted' as const, detail: { channel: 'phone', outcome: 'reached' } };
    expect(eventDetail(entry, ctx('zh-CN'))).toBe('（电话 · 已联系上）');
    expect(eventDetail(entry, ctx('en'))).toBe(' (Phone · Reached)');
  });

  it('names the compensation, the picker and the carriers', () => {
    expect(
      eventDetail(
        {
          kind: 'compensation_offered',
          detail: { type: 'cash', amountFen: 10_000, status: 'pending_approval' },
        },
        ctx('zh-CN'),
      ),
    ).toBe('（现金 ¥100.00 · 待审批）');
    expect(eventDetail({ kind: 'picker_assigned', detail: { from: null, to: 'pk-A1' } }, ctx('zh-CN'))).toBe(
      '（→ 李强）',
    );
    expect(
      eventDetail({ kind: 'carrier_switched', detail: { from: 'cr-zto', to: 'cr-sf' } }, ctx('zh-CN')),
    ).toBe('（中通快递 → 顺丰速运）');
    expect(eventDetail({ kind: 'note', detail: null }, ctx('zh-CN'))).toBe('');
  });

  it('merges order milestones and events, oldest first', () => {
    const c = sampleCase();
    const entries = buildTimeline(c, [
      {
        event: {
          id: 'e1',
          caseId: c.id,
          warehouseId: c.warehouseId,
          kind: 'note',
          actorId: 'u-lina',
          at: c.openedAt + 1,
          text: '已催仓库',
          detail: null,
        },
        pending: true,
      },
    ]);
    expect(entries.map((e) => e.kind)).toEqual(['paid', 'opened', 'note']);
    expect(entries.at(-1)?.pending).toBe(true);
  });
});

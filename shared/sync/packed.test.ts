import { describe, expect, it } from 'vitest';
import { CaseEvent, CaseView, OrderFacts } from '../schemas/case';
import { sampleCase } from '../test-data';
import type { Change } from './entities';
import { packChange, unpackChange, type PackedChange } from './packed';

const packText = (changes: Change[]) => JSON.stringify(changes.map(packChange));
const unpackText = (text: string) => (JSON.parse(text) as PackedChange[]).map(unpackChange);

// Every field set, and no two fields of one type alike: a value read from the wrong position cannot pass.
const full: CaseView = sampleCase({
  id: 'case-9',
  warehouseId: 'wh-9',
  orderId: 'order-9',
  platform: 'jd',
  platformOrderId: 'JD-42',
  status: 'resolved',
  shipBy: 1_001,
  deadlineSource: 'promotion',
  pickupBy: 1_002,
  pauses: [{ kind: 'buyer_agreed', at: 1_003, by: 'u-1', from: 1_001, to: 1_004, note: '买家同意' }],
  penaltyFen: 1_005,
  delayRule: { max: 2, minLeadMinutes: 30 },
  openedAt: 1_006,
  overdueAt: 1_007,
  closedAt: 1_008,
  assigneeId: 'u-2',
  claimedAt: 1_009,
  cause: 'out_of_stock',
  causes: ['out_of_stock', 'courier_missed_pickup'],
  outcome: 'shipped_late',
  lateMinutes: 17,
  customerContacted: true,
  pickerId: 'p-3',
  greenChannel: {
    status: 'accepted',
    requestedAt: 1_010,
    requestedBy: 'u-2',
    answeredAt: 1_011,
    note: '加急',
  },
  needsNewWaybill: true,
  compensations: [
    {
      id: 'comp-1',
      type: 'coupon',
      amountFen: 1_012,
      status: 'approved',
      offeredBy: 'u-2',
      offeredAt: 1_013,
      decidedBy: 'u-4',
      decidedAt: 1_014,
      note: '优惠券',
    },
  ],
  compensationLimitFen: 1_015,
  version: 18,
});
full.order = {
  status: 'handed_over',
  category: '生鲜',
  perishability: 'fresh',
  valueFen: 1_016,
  currency: 'BRL',
  items: [
    { sku: 'S-1', name: '车厘子', qty: 2 },
    { sku: 'S-2', name: '冰袋', qty: 3 },
  ],
  customerName: '李雷',
  customerPhone: '13900000000',
  city: '成都',
  region: '四川',
  zoneId: 'zone-f',
  courierId: 'cr-jd',
  waybill: 'JD0001',
  paidAt: 1_017,
  pickingStartedAt: 1_018,
  pickedAt: 1_019,
  packedAt: 1_020,
  waybillAt: 1_021,
  handedOverAt: 1_022,
  cancelledAt: 1_023,
  vip: true,
};

const event: CaseEvent = {
  id: 'ev-1',
  caseId: 'case-9',
  warehouseId: 'wh-9',
  kind: 'customer_contacted',
  actorId: 'u-2',
  at: 1_024,
  text: '电话联系',
  detail: { channel: 'phone', reached: true, minutes: 3, extra: null },
};

describe('packed changes', () => {
  it('brings back every field of a case, its order and an event exactly', () => {
    // The schemas parse strictly enough to catch a value of the wrong type in a field.
    expect(CaseView.parse(full)).toEqual(full);
    const changes: Change[] = [
      { op: 'put', kind: 'case', value: full },
      { op: 'put', kind: 'event', value: event },
    ];
    const back = unpackText(packText(changes));
    expect(back).toEqual(changes);
    const [c, e] = back as [Extract<Change, { kind: 'case' }>, Extract<Change, { kind: 'event' }>];
    // A field added to a schema and not packed would be missing here.
    expect(Object.keys(c.value).sort()).toEqual(Object.keys(CaseView.shape).sort());
    expect(Object.keys(c.value.order).sort()).toEqual(Object.keys(OrderFacts.shape).sort());
    expect(Object.keys(e.value).sort()).toEqual(Object.keys(CaseEvent.shape).sort());
  });

  it('keeps other changes as they are, in their order, and stores a case in well under half the text', () => {
    const changes: Change[] = [
      {
        op: 'put',
        kind: 'person',
        value: { id: 'u-2', warehouseId: 'wh-9', displayName: '王芳', role: 'lead' },
      },
      { op: 'put', kind: 'case', value: full },
      { op: 'del', kind: 'case', id: 'case-1' },
      { op: 'del', kind: 'event', id: 'ev-0' },
    ];
    expect(changes.map(packChange).map((p) => Array.isArray(p))).toEqual([false, true, false, false]);
    expect(unpackText(packText(changes))).toEqual(changes);
    const plain = JSON.stringify(sampleCase()).length;
    expect(JSON.stringify(packChange({ op: 'put', kind: 'case', value: sampleCase() })).length).toBeLessThan(
      plain / 2,
    );
  });

  it('refuses a packed change it does not know', () => {
    expect(() => unpackChange([7, 'x'] as never)).toThrow('unknown packed change 7');
  });
});

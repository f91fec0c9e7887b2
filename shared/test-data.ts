// Builders for tests: a plausible case with any field overridden.
import type { CaseView } from './schemas/case';
import type { RiskFlag } from './schemas/risk';
import type { Perishability } from './schemas/enums';

export interface SampleCaseOptions extends Partial<Omit<CaseView, 'order'>> {
  perishability?: Perishability;
  valueFen?: number;
}

export function sampleCase(options: SampleCaseOptions = {}): CaseView {
  const { perishability = 'durable', valueFen = 19_900, ...rest } = options;
  return {
    id: 'case-1',
    warehouseId: 'wh-1',
    orderId: 'order-1',
    platform: 'tmall',
    platformOrderId: '3000000000000000001',
    status: 'open',
    shipBy: Date.UTC(2026, 10, 11, 4, 0),
    deadlineSource: 'platform_default',
    pickupBy: null,
    pauses: [],
    penaltyFen: 0,
    delayRule: { max: null, minLeadMinutes: null },
    openedAt: Date.UTC(2026, 10, 10, 16, 0),
    overdueAt: null,
    closedAt: null,
    assigneeId: null,
    claimedAt: null,
    cause: null,
    causes: [],
    outcome: null,
    lateMinutes: null,
    customerContacted: false,
    pickerId: null,
    greenChannel: null,
    needsNewWaybill: false,
    compensations: [],
    compensationLimitFen: 5_000,
    version: 0,
    ...rest,
    order: {
      status: 'paid',
      category: '服饰',
      perishability,
      valueFen,
      currency: 'CNY',
      items: [{ sku: 'AP-1', name: '羽绒服', qty: 1 }],
      customerName: '王芳',
      customerPhone: '13812345678',
      city: '杭州',
      region: '浙江',
      zoneId: 'zone-d',
      courierId: 'cr-sf',
      waybill: null,
      paidAt: Date.UTC(2026, 10, 9, 4, 0),
      pickingStartedAt: null,
      pickedAt: null,
      packedAt: null,
      waybillAt: null,
      handedOverAt: null,
      cancelledAt: null,
      vip: false,
    },
  };
}

/** A case with some order fields changed. */
export const withOrder = (c: CaseView, order: Partial<CaseView['order']>): CaseView => ({
  ...c,
  order: { ...c.order, ...order },
});

const HOUR = 3_600_000;

/** A rain flag on 浙江 in warehouse wh-1, from an hour before `now` to six hours after, worth 60 points. */
export const sampleRiskFlag = (now: number, over: Partial<RiskFlag> = {}): RiskFlag => ({
  id: 'f-rain',
  warehouseId: 'wh-1',
  scope: 'region',
  target: '浙江',
  kind: 'rain',
  startsAt: now - HOUR,
  endsAt: now + 6 * HOUR,
  points: 60,
  note: '',
  createdBy: null,
  ...over,
});

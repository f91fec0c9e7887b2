// The compact form of changes a desk stores by the hundred thousand: a case or an event as an array of its
// values in a fixed order, without the property names. Names are most of a case's JSON (1,100 characters as
// objects, 440 packed) and parsing is about proportional to the text, so a desk's stored log reads and parses
// in less than half the time (docs/performance.md). Every other change (directory rows, deletions) stays as it
// is; a packed change is told apart by being an array, and its first element says what it holds.
//
// The positions are part of the stored format. Changing them, or adding a field, means a new PACK_FORMAT: a
// desk that finds records of another format drops its stored server data and pulls again (never the outbox).
import type { CaseEvent, CaseView, OrderFacts, OrderItem } from '../schemas/case';
import type { Change } from './entities';
import type { PullResponse } from './protocol';

/** Version of the packed positions below. */
export const PACK_FORMAT = 1;

const CASE = 1;
const EVENT = 2;

type C = CaseView;
type O = OrderFacts;

type PackedOrder = [
  O['status'],
  O['category'],
  O['perishability'],
  O['valueFen'],
  O['currency'],
  [sku: string, name: string, qty: number][],
  O['customerName'],
  O['customerPhone'],
  O['city'],
  O['region'],
  O['zoneId'],
  O['courierId'],
  O['waybill'],
  O['paidAt'],
  O['pickingStartedAt'],
  O['pickedAt'],
  O['packedAt'],
  O['waybillAt'],
  O['handedOverAt'],
  O['cancelledAt'],
  O['vip'],
];

type PackedCase = [
  typeof CASE,
  C['id'],
  C['warehouseId'],
  C['orderId'],
  C['platform'],
  C['platformOrderId'],
  C['status'],
  C['shipBy'],
  C['deadlineSource'],
  C['pickupBy'],
  C['pauses'],
  C['penaltyFen'],
  C['delayRule']['max'],
  C['delayRule']['minLeadMinutes'],
  C['openedAt'],
  C['overdueAt'],
  C['closedAt'],
  C['assigneeId'],
  C['claimedAt'],
  C['cause'],
  C['causes'],
  C['outcome'],
  C['lateMinutes'],
  C['customerContacted'],
  C['pickerId'],
  C['greenChannel'],
  C['needsNewWaybill'],
  C['compensations'],
  C['compensationLimitFen'],
  C['version'],
  PackedOrder,
];

type E = CaseEvent;
type PackedEvent = [
  typeof EVENT,
  E['id'],
  E['caseId'],
  E['warehouseId'],
  E['kind'],
  E['actorId'],
  E['at'],
  E['text'],
  E['detail'],
];

export type PackedChange = PackedCase | PackedEvent | Change;

type PlainPage = Extract<PullResponse, { type: 'page' }>;

/** A pull page as sent to a client that asked for `packed`: its changes packed, 2.5 times less JSON. */
export type PackedPage = Omit<PlainPage, 'changes'> & { packed: number; changes: PackedChange[] };

/** What a pull may answer: a plain or a packed page, or a reset. */
export type PulledPage = PullResponse | PackedPage;

export const isPacked = (page: PulledPage): page is PackedPage => 'packed' in page;

export function packPage(page: PlainPage): PackedPage {
  return { ...page, packed: PACK_FORMAT, changes: page.changes.map(packChange) };
}

const packItem = (i: OrderItem): [string, string, number] => [i.sku, i.name, i.qty];
const unpackItem = (i: [string, string, number]): OrderItem => ({ sku: i[0], name: i[1], qty: i[2] });

function packOrder(o: OrderFacts): PackedOrder {
  return [
    o.status,
    o.category,
    o.perishability,
    o.valueFen,
    o.currency,
    o.items.map(packItem),
    o.customerName,
    o.customerPhone,
    o.city,
    o.region,
    o.zoneId,
    o.courierId,
    o.waybill,
    o.paidAt,
    o.pickingStartedAt,
    o.pickedAt,
    o.packedAt,
    o.waybillAt,
    o.handedOverAt,
    o.cancelledAt,
    o.vip,
  ];
}

// Object literals (not a loop over a name list): V8 builds them from one boilerplate, several times faster.
function unpackOrder(p: PackedOrder): OrderFacts {
  return {
    status: p[0],
    category: p[1],
    perishability: p[2],
    valueFen: p[3],
    currency: p[4],
    items: p[5].map(unpackItem),
    customerName: p[6],
    customerPhone: p[7],
    city: p[8],
    region: p[9],
    zoneId: p[10],
    courierId: p[11],
    waybill: p[12],
    paidAt: p[13],
    pickingStartedAt: p[14],
    pickedAt: p[15],
    packedAt: p[16],
    waybillAt: p[17],
    handedOverAt: p[18],
    cancelledAt: p[19],
    vip: p[20],
  };
}

function packCase(c: CaseView): PackedCase {
  return [
    CASE,
    c.id,
    c.warehouseId,
    c.orderId,
    c.platform,
    c.platformOrderId,
    c.status,
    c.shipBy,
    c.deadlineSource,
    c.pickupBy,
    c.pauses,
    c.penaltyFen,
    c.delayRule.max,
    c.delayRule.minLeadMinutes,
    c.openedAt,
    c.overdueAt,
    c.closedAt,
    c.assigneeId,
    c.claimedAt,
    c.cause,
    c.causes,
    c.outcome,
    c.lateMinutes,
    c.customerContacted,
    c.pickerId,
    c.greenChannel,
    c.needsNewWaybill,
    c.compensations,
    c.compensationLimitFen,
    c.version,
    packOrder(c.order),
  ];
}

function unpackCase(p: PackedCase): CaseView {
  return {
    id: p[1],
    warehouseId: p[2],
    orderId: p[3],
    platform: p[4],
    platformOrderId: p[5],
    status: p[6],
    shipBy: p[7],
    deadlineSource: p[8],
    pickupBy: p[9],
    pauses: p[10],
    penaltyFen: p[11],
    delayRule: { max: p[12], minLeadMinutes: p[13] },
    openedAt: p[14],
    overdueAt: p[15],
    closedAt: p[16],
    assigneeId: p[17],
    claimedAt: p[18],
    cause: p[19],
    causes: p[20],
    outcome: p[21],
    lateMinutes: p[22],
    customerContacted: p[23],
    pickerId: p[24],
    greenChannel: p[25],
    needsNewWaybill: p[26],
    compensations: p[27],
    compensationLimitFen: p[28],
    version: p[29],
    order: unpackOrder(p[30]),
  };
}

const packEvent = (e: CaseEvent): PackedEvent => [
  EVENT,
  e.id,
  e.caseId,
  e.warehouseId,
  e.kind,
  e.actorId,
  e.at,
  e.text,
  e.detail,
];

const unpackEvent = (p: PackedEvent): CaseEvent => ({
  id: p[1],
  caseId: p[2],
  warehouseId: p[3],
  kind: p[4],
  actorId: p[5],
  at: p[6],
  text: p[7],
  detail: p[8],
});

export function packChange(change: Change): PackedChange {
  if (change.op === 'put' && change.kind === 'case') return packCase(change.value);
  if (change.op === 'put' && change.kind === 'event') return packEvent(change.value);
  return change;
}

export function unpackChange(packed: PackedChange): Change {
  if (!Array.isArray(packed)) return packed;
  if (packed[0] === CASE) return { op: 'put', kind: 'case', value: unpackCase(packed) };
  if (packed[0] === EVENT) return { op: 'put', kind: 'event', value: unpackEvent(packed) };
  throw new Error(`unknown packed change ${String((packed as unknown[])[0])}`);
}

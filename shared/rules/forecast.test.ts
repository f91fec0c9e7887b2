import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskFlag } from '../schemas/risk';
import {
  forecastBreaches,
  movePickers,
  normalizeHorizons,
  RISK_PICKUP_DELAY_MINUTES,
  suggestActions,
  switchCarrier,
  type CourierWindow,
  type ForecastInput,
  type ForecastOrder,
  type ForecastPicker,
  type ForecastStage,
  type ZoneCapacity,
} from './forecast';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const MIN = 60_000;
const HOUR = 3_600_000;

const picker = (
  id: string,
  status: ForecastPicker['status'] = 'on_shift',
  hoursLeft = 8,
): ForecastPicker => ({
  pickerId: id,
  status,
  shifts: [{ from: NOW - 2 * HOUR, to: NOW + hoursLeft * HOUR }],
});

const zone = (zoneId: string, pickers: ForecastPicker[], rate: number, packMinutes = 0): ZoneCapacity => ({
  zoneId,
  ratePerPickerHour: rate,
  pickers,
  packMinutes,
});

const order = (orderId: string, dueInHours: number, extra: Partial<ForecastOrder> = {}): ForecastOrder => ({
  orderId,
  zoneId: 'A',
  courierId: null,
  region: '浙江',
  city: '杭州',
  shipBy: NOW + Math.round(dueInHours * 60) * MIN,
  stage: 'paid',
  ...extra,
});

const input = (over: Partial<ForecastInput>): ForecastInput => ({
  now: NOW,
  horizonsHours: [2, 4, 8, 24],
  orders: [],
  zones: [],
  couriers: [],
  risks: [],
  ...over,
});

const flag = (over: Partial<RiskFlag>): RiskFlag => ({
  id: 'rf-1',
  warehouseId: 'wh',
  scope: 'region',
  target: '浙江',
  kind: 'rain',
  startsAt: NOW,
  endsAt: NOW + 3 * HOUR,
  points: 60,
  note: '',
  createdBy: null,
  ...over,
});

describe('forecastBreaches', () => {
  it('works a zone earliest-deadline-first at pickers × rate and lists what cannot make it', () => {
    // One picker at 4 orders an hour: the first four of six orders due in an hour make it, two do not.
    const orders = [1, 2, 3, 4, 5, 6].map((n) => order(`o${n}`, 1));
    const f = forecastBreaches(input({ orders, zones: [zone('A', [picker('p1')], 4)], horizonsHours: [2] }));
    expect(f.zones).toEqual([
      {
        zoneId: 'A',
        pickersOnShift: 1,
        pickersAbsent: 0,
        ratePerPickerHour: 4,
        open: 6,
        overdue: 0,
        horizons: [{ hours: 2, due: 6, backlog: 6, capacity: 8, expectedBreaches: 2 }],
      },
    ]);
    expect(f.breaches.map((b) => [b.orderId, b.reason, b.expectedLateMinutes])).toEqual([
      ['o5', 'zone_backlog', 15],
      ['o6', 'zone_backlog', 30],
    ]);
    expect(f.totals).toEqual([{ hours: 2, due: 6, expectedBreaches: 2 }]);
  });

  it('adds the packing time and counts orders already picked or packed as no picking work', () => {
    const f = forecastBreaches(
      input({
        orders: [
          order('packed', 0.5, { stage: 'packed' }),
          order('picked', 0.5, { stage: 'picked' }), // 45 min of packing: 15 min late
          order('paid', 2),
        ],
        zones: [zone('A', [picker('p1')], 60, 45)],
      }),
    );
    expect(f.breaches.map((b) => [b.orderId, b.expectedLateMinutes])).toEqual([['picked', 15]]);
    expect(f.zones[0]!.horizons[0]).toMatchObject({ due: 3, backlog: 1 });
  });

  it('blames an absent picker when the zone would cope with them at work', () => {
    const orders = [1, 2, 3, 4, 5, 6].map((n) => order(`o${n}`, 1));
    const f = forecastBreaches(
      input({ orders, zones: [zone('A', [picker('p1'), picker('p2', 'absent')], 4)], horizonsHours: [2] }),
    );
    expect(f.zones[0]).toMatchObject({ pickersOnShift: 1, pickersAbsent: 1 });
    expect(f.breaches.map((b) => b.reason)).toEqual(['picker_absent', 'picker_absent']);
    // An absent picker's next shift counts: capacity comes back.
    const later: ForecastPicker = {
      ...picker('p2', 'absent'),
      shifts: [
        { from: NOW - HOUR, to: NOW + HOUR },
        { from: NOW + HOUR, to: NOW + 9 * HOUR },
      ],
    };
    const g = forecastBreaches(input({ orders, zones: [zone('A', [later], 4)], horizonsHours: [4] }));
    expect(g.zones[0]!.horizons[0]!.capacity).toBe(12);
  });

  it('says missed_cutoff when the order is ready in time but no pickup comes before the deadline', () => {
    const courier: CourierWindow = {
      courierId: 'sf',
      status: 'normal',
      pickups: [NOW + 30 * MIN, NOW + 5 * HOUR],
    };
    const f = forecastBreaches(
      input({
        orders: [
          order('early', 2, { courierId: 'sf', stage: 'packed' }),
          order('late', 2, { courierId: 'sf' }), // picked at +1 h: the +30 min truck has left
        ],
        zones: [zone('A', [picker('p1')], 1)],
        couriers: [courier],
      }),
    );
    expect(f.breaches).toMatchObject([
      {
        orderId: 'late',
        reason: 'missed_cutoff',
        expectedReadyAt: NOW + HOUR,
        expectedHandoverAt: NOW + 5 * HOUR,
        expectedLateMinutes: 180,
        withinHours: 2,
      },
    ]);
  });

  it('picks for the truck: an order whose last pickup comes first is picked first', () => {
    // Both due in 3 h; one picker does one an hour. The SF order's last pickup is in 1 h, the other's courier
    // comes when called, so picking the SF order first saves both.
    const f = forecastBreaches(
      input({
        orders: [order('a', 3, { courierId: null }), order('b', 3, { courierId: 'sf' })],
        zones: [zone('A', [picker('p1')], 1)],
        couriers: [{ courierId: 'sf', status: 'normal', pickups: [NOW + HOUR, NOW + 10 * HOUR] }],
      }),
    );
    expect(f.breaches).toEqual([]);
  });

  it('delays flagged pickups and says risk_flag when the flag alone makes the order late', () => {
    const orders = [
      order('o1', 0.5, { stage: 'packed' }),
      order('o2', 0.5, { stage: 'packed', region: '江苏' }),
    ];
    const f = forecastBreaches(input({ orders, risks: [flag({})] }));
    expect(f.breaches).toMatchObject([
      {
        orderId: 'o1',
        reason: 'risk_flag',
        riskFlagIds: ['rf-1'],
        expectedLateMinutes: RISK_PICKUP_DELAY_MINUTES.rain - 30,
      },
    ]);
    // A courier flag touches that courier's orders only; a flag that has ended touches nothing.
    const byCourier = forecastBreaches(
      input({
        orders: [order('o1', 2, { stage: 'packed', courierId: 'zto' }), order('o2', 2, { stage: 'packed' })],
        risks: [flag({ scope: 'courier', target: 'zto', kind: 'depot_overload' })],
      }),
    );
    expect(byCourier.breaches.map((b) => [b.orderId, b.reason])).toEqual([['o1', 'risk_flag']]);
    const ended = forecastBreaches(
      input({ orders, risks: [flag({ startsAt: NOW - 3 * HOUR, endsAt: NOW })] }),
    );
    expect(ended.breaches).toEqual([]);
  });

  it('a parcel waits for a later pickup when the flagged one would arrive later still', () => {
    // Pickups at +1 h (inside a typhoon: +6 h) and +3 h (after it): the +3 h pickup takes it.
    const f = forecastBreaches(
      input({
        orders: [order('o1', 4, { stage: 'packed', courierId: 'sf' })],
        couriers: [{ courierId: 'sf', status: 'normal', pickups: [NOW + HOUR, NOW + 3 * HOUR] }],
        risks: [flag({ kind: 'typhoon', endsAt: NOW + 2 * HOUR })],
      }),
    );
    expect(f.breaches).toEqual([]);
  });

  it('a courier on call collects once the flag is over when that is sooner than the delayed pickup', () => {
    // Rain until +30 min (60 min delay): called now it comes at +60 min, called at +30 min it comes then;
    // with rain until +50 min, the parcel due at +45 min leaves at +50 min at best.
    const f = forecastBreaches(
      input({
        orders: [order('o1', 0.75, { stage: 'packed' })],
        risks: [flag({ endsAt: NOW + 30 * MIN })],
      }),
    );
    expect(f.breaches).toEqual([]);
    const g = forecastBreaches(
      input({ orders: [order('o1', 0.75, { stage: 'packed' })], risks: [flag({ endsAt: NOW + 50 * MIN })] }),
    );
    expect(g.breaches).toMatchObject([{ orderId: 'o1', reason: 'risk_flag', expectedLateMinutes: 5 }]);
  });

  it('a suspended depot collects nothing: late by an unknown amount', () => {
    const f = forecastBreaches(
      input({
        orders: [order('o1', 3, { stage: 'packed', courierId: 'zto' })],
        couriers: [{ courierId: 'zto', status: 'suspended', pickups: [NOW + HOUR] }],
      }),
    );
    expect(f.breaches).toMatchObject([
      { orderId: 'o1', reason: 'missed_cutoff', expectedHandoverAt: null, expectedLateMinutes: null },
    ]);
  });

  it('counts overdue orders apart, works them first, and does not forecast them', () => {
    const f = forecastBreaches(
      input({
        orders: [order('over', -1), order('due', 1)],
        zones: [zone('A', [picker('p1')], 1)],
      }),
    );
    expect(f.zones[0]).toMatchObject({ open: 2, overdue: 1 });
    expect(f.breaches.map((b) => b.orderId)).toEqual(['due']); // the overdue one took the first hour
  });

  it('does not bind orders outside any described zone to a capacity', () => {
    const f = forecastBreaches(
      input({
        orders: [order('x1', 1, { zoneId: null }), order('x2', 1, { zoneId: 'nowhere' })],
        defaultPackMinutes: 40,
      }),
    );
    expect(f.zones).toHaveLength(1);
    expect(f.zones[0]).toMatchObject({ zoneId: null, open: 2, pickersOnShift: 0 });
    expect(f.zones[0]!.horizons[0]).toEqual({
      hours: 2,
      due: 2,
      backlog: 2,
      capacity: null,
      expectedBreaches: 0,
    });
    expect(f.breaches.map((b) => b.orderId)).toEqual([]);
    const g = forecastBreaches(
      input({ orders: [order('x1', 0.5, { zoneId: null })], defaultPackMinutes: 45 }),
    );
    expect(g.breaches.map((b) => [b.orderId, b.expectedLateMinutes])).toEqual([['x1', 15]]);
  });

  it('a zone without anyone on shift cannot pick at all', () => {
    const f = forecastBreaches(
      input({ orders: [order('o1', 3)], zones: [zone('A', [picker('p1', 'off')], 10)], horizonsHours: [4] }),
    );
    expect(f.breaches).toMatchObject([{ orderId: 'o1', reason: 'zone_backlog', expectedLateMinutes: null }]);
    expect(f.zones[0]!.horizons[0]!.capacity).toBe(0);
  });

  it('normalizes the horizons', () => {
    expect(normalizeHorizons([24, 2, 2, -1, Number.NaN, 8])).toEqual([2, 8, 24]);
    expect(normalizeHorizons([])).toEqual([2, 4, 8, 24]);
  });
});

describe('suggestActions', () => {
  const busy = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => order(`a${n}`, 1.5));
  const base = input({
    orders: [...busy, order('b1', 6, { zoneId: 'B' })],
    zones: [
      zone('A', [picker('pa')], 2),
      zone('B', [picker('pb1', 'on_shift', 8), picker('pb2', 'on_shift', 3)], 2),
    ],
  });

  it('moves pickers from a quiet zone, with the effect of re-running the forecast', () => {
    const f = forecastBreaches(base);
    expect(f.breaches).toHaveLength(5);
    const moves = suggestActions(f, base).filter((s) => s.kind === 'move_pickers');
    expect(moves).toHaveLength(1);
    const move = moves[0]!;
    if (move.kind !== 'move_pickers') throw new Error('unreachable');
    expect(move).toMatchObject({ fromZoneId: 'B', toZoneId: 'A' });
    // The picker with the most shift left goes first; the effect is what a re-run of the forecast says.
    expect(move.pickerIds[0]).toBe('pb1');
    const after = forecastBreaches(movePickers(base, 'B', 'A', move.pickerIds));
    expect(move.effect).toMatchObject({
      horizonHours: 24,
      breachesBefore: 5,
      breachesAfter: after.breaches.length,
      breachesAvoided: 5 - after.breaches.length,
    });
    expect(move.effect.breachesAvoided).toBeGreaterThan(0);
  });

  it('switches a region to a carrier that still collects in time, and notifies the customers left over', () => {
    const orders = [
      order('z1', 2, { stage: 'packed', courierId: 'zto' }),
      order('z2', 2, { stage: 'packed', courierId: 'zto', region: '江苏' }),
      order('lost', 0.25, { stage: 'paid' }), // nobody can pick it in 15 minutes
    ];
    const world = input({
      orders,
      zones: [zone('A', [picker('p1', 'off')], 4)],
      couriers: [
        { courierId: 'zto', status: 'suspended', pickups: [NOW + HOUR] },
        { courierId: 'yto', status: 'overloaded', pickups: [NOW + HOUR] },
        { courierId: 'sf', status: 'normal', pickups: [NOW + HOUR] },
      ],
    });
    const f = forecastBreaches(world);
    expect(f.breaches.map((b) => b.orderId)).toEqual(['lost', 'z1', 'z2']);
    const s = suggestActions(f, world);
    const switches = s.filter((x) => x.kind === 'switch_carrier');
    expect(switches.map((x) => [x.region, x.fromCourierId, x.toCourierId, x.effect.breachesAvoided])).toEqual(
      [
        ['江苏', 'zto', 'sf', 1],
        ['浙江', 'zto', 'sf', 1],
      ],
    );
    expect(forecastBreaches(switchCarrier(world, '浙江', 'zto', 'sf')).breaches).toHaveLength(2);
    const notify = s.find((x) => x.kind === 'notify_customers');
    expect(notify).toMatchObject({
      orderIds: ['lost'],
      effect: { breachesAvoided: 0, meanNoticeHours: 0.3 },
    });
    expect(s.at(-1)?.kind).toBe('notify_customers');
  });

  it('suggests nothing when nothing will breach', () => {
    const world = input({ orders: [order('o1', 10)], zones: [zone('A', [picker('p1')], 4)] });
    expect(suggestActions(forecastBreaches(world), world)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over random warehouses

const minutes = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((m) => m * MIN);
const STAGES: ForecastStage[] = ['paid', 'paid', 'picking', 'picked', 'packed'];

const arbPicker = (id: string) =>
  fc
    .record({
      status: fc.constantFrom('on_shift', 'on_shift', 'break', 'absent', 'off'),
      startedAgo: minutes(0, 480),
      left: minutes(1, 600),
      next: fc.option(fc.record({ in: minutes(0, 900), length: minutes(60, 600) }), { nil: undefined }),
    })
    .map((p): ForecastPicker => ({
      pickerId: id,
      status: p.status,
      shifts: [
        { from: NOW - p.startedAgo, to: NOW + p.left },
        ...(p.next ? [{ from: NOW + p.left + p.next.in, to: NOW + p.left + p.next.in + p.next.length }] : []),
      ],
    }));

const arbZone = (zoneId: string) =>
  fc
    .record({
      pickers: fc.integer({ min: 0, max: 3 }),
      rate: fc.integer({ min: 1, max: 12 }),
      pack: fc.integer({ min: 0, max: 120 }),
    })
    .chain(({ pickers, rate, pack }) =>
      fc
        .tuple(...Array.from({ length: pickers }, (_, i) => arbPicker(`${zoneId}-p${i}`)))
        .map((ps): ZoneCapacity => zone(zoneId, ps, rate, pack)),
    );

const arbCourier = (courierId: string) =>
  fc
    .record({
      status: fc.constantFrom('normal', 'normal', 'overloaded', 'suspended'),
      pickups: fc.option(fc.uniqueArray(minutes(0, 60 * 60), { maxLength: 6 }), { nil: null }),
    })
    .map((c): CourierWindow => ({
      courierId,
      status: c.status,
      pickups: c.pickups ? c.pickups.map((p) => NOW + p).sort((a, b) => a - b) : null,
    }));

const arbFlag = (id: string) =>
  fc
    .record({
      scope: fc.constantFrom('region' as const, 'courier' as const),
      regionTarget: fc.constantFrom('浙江', '杭州', '江苏'),
      courierTarget: fc.constantFrom('c0', 'c1', 'c2'),
      kind: fc.constantFrom('rain' as const, 'typhoon' as const, 'depot_overload' as const),
      from: minutes(-120, 600),
      length: minutes(1, 600),
    })
    .map((f) =>
      flag({
        id,
        scope: f.scope,
        target: f.scope === 'region' ? f.regionTarget : f.courierTarget,
        kind: f.kind,
        startsAt: NOW + f.from,
        endsAt: NOW + f.from + f.length,
      }),
    );

const arbOrder = (orderId: string) =>
  fc
    .record({
      zoneId: fc.constantFrom<string | null>('A', 'A', 'B', null),
      courierId: fc.constantFrom<string | null>('c0', 'c1', 'c2', null),
      region: fc.constantFrom('浙江', '江苏'),
      due: minutes(-180, 30 * 60),
      stage: fc.constantFrom(...STAGES),
      ready: minutes(-60, 240),
    })
    .map((o): ForecastOrder => {
      const base: ForecastOrder = {
        orderId,
        zoneId: o.zoneId,
        courierId: o.courierId,
        region: o.region,
        city: o.region === '浙江' ? '杭州' : '南京',
        shipBy: NOW + o.due,
        stage: o.stage,
      };
      // As the server does: a not-before time only for orders past picking.
      return o.stage === 'picked' || o.stage === 'packed' ? { ...base, readyNotBefore: NOW + o.ready } : base;
    });

const arbWorld = fc
  .record({
    zones: fc.tuple(arbZone('A'), arbZone('B')),
    couriers: fc.tuple(arbCourier('c0'), arbCourier('c1'), arbCourier('c2')),
    flags: fc
      .integer({ min: 0, max: 2 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbFlag(`f${i}`)))),
    orders: fc
      .integer({ min: 0, max: 25 })
      .chain((n) =>
        fc.tuple(...Array.from({ length: n }, (_, i) => arbOrder(`o${String(i).padStart(2, '0')}`))),
      ),
  })
  .map((w): ForecastInput =>
    input({
      horizonsHours: [2, 4, 8, 24, 40],
      orders: w.orders,
      zones: w.zones,
      couriers: w.couriers,
      risks: w.flags,
    }),
  );

const breachIds = (i: ForecastInput) => new Set(forecastBreaches(i).breaches.map((b) => b.orderId));
const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

describe('forecast invariants', () => {
  it('more pickers, a higher rate or a picker back from absence never make an order breach', () => {
    fc.assert(
      fc.property(
        arbWorld,
        fc.constantFrom(0, 1),
        fc.constantFrom('add', 'rate', 'return'),
        (w, zi, change) => {
          const z = w.zones[zi]!;
          const better: ZoneCapacity =
            change === 'add'
              ? { ...z, pickers: [...z.pickers, picker(`${z.zoneId}-extra`, 'on_shift', 5)] }
              : change === 'rate'
                ? { ...z, ratePerPickerHour: z.ratePerPickerHour * 2 }
                : {
                    ...z,
                    pickers: z.pickers.map((p) =>
                      p.status === 'absent' ? { ...p, status: 'on_shift' as const } : p,
                    ),
                  };
          const after = breachIds({ ...w, zones: w.zones.map((x, i) => (i === zi ? better : x)) });
          expect(subset(after, breachIds(w))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an extra order never makes another order’s forecast better', () => {
    fc.assert(
      fc.property(arbWorld, arbOrder('extra'), (w, extra) => {
        const before = breachIds(w);
        const after = breachIds({ ...w, orders: [...w.orders, extra] });
        after.delete('extra');
        expect(subset(before, after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a later deadline for one order never raises the number of expected breaches', () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), minutes(1, 12 * 60), (w, pick, later) => {
        const future = w.orders.filter((o) => o.shipBy > NOW);
        fc.pre(future.length > 0);
        const target = future[pick % future.length]!;
        const wide = { ...w, horizonsHours: [1000] };
        const moved = {
          ...wide,
          orders: w.orders.map((o) => (o === target ? { ...o, shipBy: o.shipBy + later } : o)),
        };
        expect(forecastBreaches(moved).breaches.length).toBeLessThanOrEqual(
          forecastBreaches(wide).breaches.length,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('due orders and breaches only grow with the horizon; breaches are due orders', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const f = forecastBreaches(w);
        for (const z of f.zones)
          z.horizons.forEach((h, i) => {
            expect(h.expectedBreaches).toBeLessThanOrEqual(h.due);
            const prev = z.horizons[i - 1];
            if (prev) {
              expect(h.due).toBeGreaterThanOrEqual(prev.due);
              expect(h.expectedBreaches).toBeGreaterThanOrEqual(prev.expectedBreaches);
              expect(h.backlog).toBeGreaterThanOrEqual(prev.backlog);
              if (h.capacity !== null && prev.capacity !== null)
                expect(h.capacity).toBeGreaterThanOrEqual(prev.capacity);
            }
          });
        expect(f.breaches.length).toBe(f.totals.at(-1)!.expectedBreaches);
        for (const b of f.breaches) {
          expect(b.shipBy).toBeGreaterThan(NOW);
          if (b.expectedLateMinutes !== null) expect(b.expectedLateMinutes).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every suggestion’s effect is what re-running the forecast with it applied gives', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const f = forecastBreaches(w);
        for (const s of suggestActions(f, w)) {
          expect(s.effect.breachesBefore).toBe(f.breaches.length);
          if (s.kind === 'notify_customers') {
            expect(s.orderIds.length).toBeGreaterThan(0);
            continue;
          }
          const applied =
            s.kind === 'move_pickers'
              ? movePickers(w, s.fromZoneId, s.toZoneId, s.pickerIds)
              : switchCarrier(w, s.region, s.fromCourierId, s.toCourierId);
          const after = forecastBreaches(applied).breaches;
          expect(s.effect.breachesAvoided).toBeGreaterThan(0);
          expect(s.effect.breachesAfter).toBe(after.length);
          const afterIds = new Set(after.map((b) => b.orderId));
          for (const id of s.effect.savedOrderIds) expect(afterIds.has(id)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStatus, earliest, type Milestones } from './order-status';

const none: Milestones = {
  pickingStartedAt: null,
  pickedAt: null,
  packedAt: null,
  handedOverAt: null,
  cancelledAt: null,
};
type Field = keyof Milestones;
const FIELDS: Field[] = ['pickingStartedAt', 'pickedAt', 'packedAt', 'handedOverAt', 'cancelledAt'];

const apply = (m: Milestones, [field, at]: [Field, number]): Milestones => ({
  ...m,
  [field]: earliest(m[field], at),
});

describe('order status from milestones', () => {
  it('is the furthest step reached', () => {
    expect(deriveStatus(none)).toBe('paid');
    expect(deriveStatus({ ...none, pickingStartedAt: 1 })).toBe('picking');
    expect(deriveStatus({ ...none, pickingStartedAt: 1, pickedAt: 2, packedAt: 3 })).toBe('packed');
    expect(deriveStatus({ ...none, packedAt: 3, handedOverAt: 4 })).toBe('handed_over');
    expect(deriveStatus({ ...none, cancelledAt: 5 })).toBe('cancelled');
  });

  it('counts a parcel that left before the cancellation as handed over, and one cancelled first as cancelled', () => {
    expect(deriveStatus({ ...none, handedOverAt: 4, cancelledAt: 9 })).toBe('handed_over');
    expect(deriveStatus({ ...none, handedOverAt: 9, cancelledAt: 4 })).toBe('cancelled');
  });

  it('ends in the same state whatever order the events arrive in, and with duplicates', () => {
    const event = fc.tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (events, random) => {
        const shuffled = [...events, ...events.slice(0, 3)]
          .map((e) => ({ e, k: random.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const a = events.reduce(apply, none);
        const b = shuffled.reduce(apply, none);
        expect(b).toEqual(a);
        expect(deriveStatus(b)).toBe(deriveStatus(a));
      }),
    );
  });
});

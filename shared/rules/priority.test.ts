import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERISHABILITY } from '../schemas/enums';
import { sampleCase } from '../test-data';
import { compareByPriority, priority, priorityScore } from './priority';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const HOUR = 3_600_000;
const offsetMs = fc.integer({ min: -48 * HOUR, max: 48 * HOUR });
const fen = fc.integer({ min: 0, max: 10_000_000 });

describe('priority', () => {
  it('explains itself: the score is the sum of its parts', () => {
    const c = sampleCase({
      shipBy: NOW - 2 * HOUR,
      perishability: 'fresh',
      valueFen: 50_000,
      penaltyFen: 3000,
    });
    const p = priority(c, NOW);
    expect(p.score).toBe(p.parts.reduce((s, x) => s + x.points, 0));
    expect(p.parts.map((x) => x.reason)).toEqual(['overdue', 'perishability', 'penalty', 'value']);
    expect(p.parts[0]).toMatchObject({ reason: 'overdue', detail: 120 });
  });

  it('never ranks a later deadline higher, all else equal', () => {
    fc.assert(
      fc.property(
        offsetMs,
        offsetMs,
        fc.constantFrom(...PERISHABILITY),
        fen,
        (a, b, perishability, valueFen) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const pe = priority(sampleCase({ shipBy: NOW + early, perishability, valueFen }), NOW);
          const pl = priority(sampleCase({ shipBy: NOW + late, perishability, valueFen }), NOW);
          expect(pl.score).toBeLessThanOrEqual(pe.score);
        },
      ),
    );
  });

  it('never ranks a perishable order below a durable one, all else equal', () => {
    const perishable = fc.constantFrom(
      'fresh' as const,
      'frozen' as const,
      'food' as const,
      'sensitive' as const,
    );
    fc.assert(
      fc.property(offsetMs, perishable, fen, (offset, perishability, valueFen) => {
        const p = priority(sampleCase({ shipBy: NOW + offset, perishability, valueFen }), NOW);
        const d = priority(sampleCase({ shipBy: NOW + offset, perishability: 'durable', valueFen }), NOW);
        expect(p.score).toBeGreaterThan(d.score);
      }),
    );
  });

  it('never ranks a larger penalty or a larger order lower, all else equal', () => {
    fc.assert(
      fc.property(offsetMs, fen, fen, fen, (offset, p1, p2, value) => {
        const [small, large] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const low = sampleCase({ shipBy: NOW + offset, valueFen: value, penaltyFen: small });
        const high = sampleCase({ shipBy: NOW + offset, valueFen: value, penaltyFen: large });
        expect(priority(high, NOW).score).toBeGreaterThanOrEqual(priority(low, NOW).score);
        const cheap = sampleCase({ shipBy: NOW + offset, valueFen: small });
        const dear = sampleCase({ shipBy: NOW + offset, valueFen: large });
        expect(priority(dear, NOW).score).toBeGreaterThanOrEqual(priority(cheap, NOW).score);
      }),
    );
  });

  it('moves with time alone: the same case scores higher as its deadline nears', () => {
    const c = sampleCase({ shipBy: NOW + 10 * HOUR });
    const scores = [0, 3, 6, 9, 11].map((h) => priority(c, NOW + h * HOUR).score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('ranks a broken promise above a kept one, and shows risk flags as parts', () => {
    const pause = {
      kind: 'buyer_agreed' as const,
      at: NOW - 5 * HOUR,
      by: 'u1',
      from: NOW - 4 * HOUR,
      to: NOW - HOUR,
      note: '',
    };
    const broken = priority(sampleCase({ shipBy: NOW - HOUR, pauses: [pause] }), NOW);
    expect(broken.parts.map((p) => p.reason)).toContain('promise_broken');
    const kept = priority(sampleCase({ shipBy: NOW + HOUR, pauses: [{ ...pause, to: NOW + HOUR }] }), NOW);
    expect(kept.parts.map((p) => p.reason)).toContain('promise');
    const risky = priority(sampleCase(), NOW, { risks: [{ label: '杭州 暴雨', points: 80 }] });
    expect(risky.parts.at(-1)).toEqual({ reason: 'risk', points: 80, detail: '杭州 暴雨' });
  });

  it('has a fast score that always equals the explained one', () => {
    const pause = fc.record({
      kind: fc.constantFrom('buyer_agreed' as const, 'force_majeure' as const),
      at: fc.constant(0),
      by: fc.constant(null),
      from: fc.constant(0),
      to: fc.integer({ min: NOW - 48 * HOUR, max: NOW + 48 * HOUR }),
      note: fc.constant(''),
    });
    fc.assert(
      fc.property(
        offsetMs,
        fc.constantFrom(...PERISHABILITY),
        fen,
        fen,
        fc.boolean(),
        fc.boolean(),
        fc.array(pause, { maxLength: 3 }),
        (offset, perishability, valueFen, penaltyFen, customerContacted, vip, pauses) => {
          const c = sampleCase({
            shipBy: NOW + offset,
            perishability,
            valueFen,
            penaltyFen,
            customerContacted,
            pauses,
          });
          const v = { ...c, order: { ...c.order, vip } };
          expect(priorityScore(v, NOW)).toBe(priority(v, NOW).score);
        },
      ),
    );
  });

  it('orders by score, then deadline, then id', () => {
    const rows = [
      { score: 10, shipBy: 5, id: 'b' },
      { score: 20, shipBy: 9, id: 'c' },
      { score: 10, shipBy: 5, id: 'a' },
      { score: 10, shipBy: 1, id: 'z' },
    ];
    expect(rows.sort(compareByPriority).map((r) => r.id)).toEqual(['c', 'z', 'a', 'b']);
  });
});

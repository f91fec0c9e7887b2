import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERISHABILITY } from '../schemas/enums';
import { sampleCase } from '../test-data';
import { compareByPriority, priority } from './priority';

const NOW = Date.UTC(2026, 10, 11, 2, 0);
const HOUR = 3_600_000;
const offsetMs = fc.integer({ min: -48 * HOUR, max: 48 * HOUR });
const fen = fc.integer({ min: 0, max: 10_000_000 });

describe('priority', () => {
  it('explains itself: the score is the sum of its parts', () => {
    const p = priority(
      sampleCase({ shipBy: NOW - 2 * HOUR, perishability: 'fresh', valueFen: 50_000 }),
      NOW,
      { penaltyFen: 3000 },
    );
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
          const pe = priority(sampleCase({ shipBy: NOW + early, perishability, valueFen }), NOW, {
            penaltyFen: 0,
          });
          const pl = priority(sampleCase({ shipBy: NOW + late, perishability, valueFen }), NOW, {
            penaltyFen: 0,
          });
          expect(pl.score).toBeLessThanOrEqual(pe.score);
        },
      ),
    );
  });

  it('never ranks a perishable order below a durable one, all else equal', () => {
    fc.assert(
      fc.property(
        offsetMs,
        fc.constantFrom('fresh', 'frozen', 'food', 'sensitive' as const),
        fen,
        (offset, perishability, valueFen) => {
          const perishable = priority(sampleCase({ shipBy: NOW + offset, perishability, valueFen }), NOW, {
            penaltyFen: 0,
          });
          const durable = priority(
            sampleCase({ shipBy: NOW + offset, perishability: 'durable', valueFen }),
            NOW,
            { penaltyFen: 0 },
          );
          expect(perishable.score).toBeGreaterThan(durable.score);
        },
      ),
    );
  });

  it('never ranks a larger penalty or a larger order lower, all else equal', () => {
    fc.assert(
      fc.property(offsetMs, fen, fen, fen, (offset, p1, p2, value) => {
        const c = sampleCase({ shipBy: NOW + offset, valueFen: value });
        const [small, large] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(priority(c, NOW, { penaltyFen: large }).score).toBeGreaterThanOrEqual(
          priority(c, NOW, { penaltyFen: small }).score,
        );
        const cheap = sampleCase({ shipBy: NOW + offset, valueFen: small });
        const dear = sampleCase({ shipBy: NOW + offset, valueFen: large });
        expect(priority(dear, NOW, { penaltyFen: 0 }).score).toBeGreaterThanOrEqual(
          priority(cheap, NOW, { penaltyFen: 0 }).score,
        );
      }),
    );
  });

  it('moves with time alone: the same case scores higher as its deadline nears', () => {
    const c = sampleCase({ shipBy: NOW + 10 * HOUR });
    const scores = [0, 3, 6, 9, 11].map((h) => priority(c, NOW + h * HOUR, { penaltyFen: 0 }).score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
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

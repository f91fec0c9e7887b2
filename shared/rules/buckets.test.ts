import { describe, expect, it } from 'vitest';
import { bucketOf } from './buckets';

const H = 3_600_000;

describe('bucketOf', () => {
  it('puts a case in the tightest bucket that holds its deadline', () => {
    const now = 1_000 * H;
    expect(bucketOf(now, now)).toBe('overdue');
    expect(bucketOf(now - 1, now)).toBe('overdue');
    expect(bucketOf(now + 1, now)).toBe('due_4h');
    expect(bucketOf(now + 4 * H, now)).toBe('due_4h');
    expect(bucketOf(now + 4 * H + 1, now)).toBe('due_12h');
    expect(bucketOf(now + 12 * H + 1, now)).toBe('due_24h');
    expect(bucketOf(now + 24 * H + 1, now)).toBe('later');
  });
});

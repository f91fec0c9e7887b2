import { describe, expect, it } from 'vitest';
import { perishabilityOf } from './perishability';

describe('perishabilityOf', () => {
  it('classes the demo categories and Olist names', () => {
    expect(perishabilityOf('生鲜')).toBe('fresh');
    expect(perishabilityOf('冷冻')).toBe('frozen');
    expect(perishabilityOf('食品')).toBe('food');
    expect(perishabilityOf('母婴奶粉')).toBe('sensitive');
    expect(perishabilityOf('服饰')).toBe('durable');
    expect(perishabilityOf('food_drink')).toBe('food');
    expect(perishabilityOf('flowers')).toBe('fresh');
    expect(perishabilityOf('diapers_and_hygiene')).toBe('sensitive');
    expect(perishabilityOf('')).toBe('durable');
  });

  it('handles a mixed parcel as its most perishable part', () => {
    expect(perishabilityOf('bed_bath_table|baby')).toBe('sensitive');
    expect(perishabilityOf('auto|drinks|baby')).toBe('food');
    expect(perishabilityOf('furniture_decor|housewares')).toBe('durable');
  });
});

// Perishability class from a category name (Chinese demo labels or Olist's English names, several joined by
// "|"): the most perishable of the parts wins, so a mixed parcel is handled as its most urgent item.
import { PERISHABILITY, type Perishability } from '../schemas/enums';

const KEYWORDS: readonly (readonly [Perishability, readonly string[]])[] = [
  ['fresh', ['生鲜', '鲜花', '水果', '蔬菜', '海鲜', 'fresh', 'flowers']],
  ['frozen', ['冷冻', '冷链', 'frozen']],
  ['food', ['食品', '零食', '酒水', 'food', 'drinks', 'food_drink']],
  ['sensitive', ['母婴', '奶粉', '婴', 'baby', 'diapers_and_hygiene', 'formula']],
];

function classOf(part: string): Perishability {
  const p = part.trim().toLowerCase();
  for (const [cls, words] of KEYWORDS) if (words.some((w) => p === w || p.includes(w))) return cls;
  return 'durable';
}

export function perishabilityOf(category: string): Perishability {
  const parts = category.split('|').filter((p) => p.trim());
  let best: Perishability = 'durable';
  for (const part of parts) {
    const cls = classOf(part);
    if (PERISHABILITY.indexOf(cls) < PERISHABILITY.indexOf(best)) best = cls;
  }
  return best;
}

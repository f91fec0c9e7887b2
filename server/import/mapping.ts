// The column-mapping file for `import --format csv`: JSON that says, for each OrderInput field, which CSV
// column(s) fill it and how to read them. Each field accepts only the kinds that can produce its type, so a
// mapping that would put a city into a timestamp is refused before a single row is read. The built-in Olist
// mapping (olist.ts) is written in this same format.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { OrderStatus } from '../../shared/schemas/enums';
import { isTimeZone } from './zoned-time';

/** A column name, or several: the first one that is not empty in the row is used. */
const Column = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Constant = z.strictObject({
  kind: z.literal('constant'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
const Text = z.strictObject({
  kind: z.literal('text'),
  column: Column,
  /** Keep characters [start, end) of the value. */
  slice: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** Put in front of a non-empty value. */
  prefix: z.string().optional(),
  /** Used when the column is empty. */
  default: z.string().optional(),
});
/** Several columns into one text, empty ones left out (e.g. province + city). */
const Join = z.strictObject({
  kind: z.literal('join'),
  columns: z.array(z.string().min(1)).min(1),
  with: z.string().default(' '),
});
/** One column holding several values: take one of them (0-based, negative from the end) or all, re-joined. */
const Split = z.strictObject({
  kind: z.literal('split'),
  column: Column,
  by: z.string().min(1),
  take: z.union([z.number().int(), z.literal('all')]).default('all'),
  join: z.string().default('|'),
});
const Decimal = z.enum(['.', ',']).default('.');
const NumberValue = z.strictObject({ kind: z.literal('number'), column: Column, decimal: Decimal });
/** A decimal amount in major units (yuan, reais) stored as integer minor units (fen, centavos). */
const Money = z.strictObject({
  kind: z.literal('money'),
  column: Column,
  decimal: Decimal,
  minorDigits: z.number().int().min(0).max(4).default(2),
});
/** A wall-clock time "YYYY-MM-DD HH:MM[:SS]" in the import's time zone. */
const Time = z.strictObject({ kind: z.literal('time'), column: Column });
/** Source value → our status; a value not in the map rejects the row; null leaves the status to the milestones. */
const Status = z.strictObject({
  kind: z.literal('status'),
  column: Column,
  map: z.record(z.string(), OrderStatus.nullable()),
});
const Bool = z.strictObject({
  kind: z.literal('boolean'),
  column: Column,
  true: z.array(z.string()).default(['1', 'true', 'yes', 'y', 't', '是']),
});

const TextLike = z.discriminatedUnion('kind', [Constant, Text, Join, Split]);
const Numeric = z.discriminatedUnion('kind', [Constant, NumberValue, Money]);
const Timestamp = z.discriminatedUnion('kind', [Constant, Time]);
/** One summary line item (sku, name, qty); no item when qty is empty or 0. */
const Item = z.strictObject({ kind: z.literal('item'), sku: TextLike, name: TextLike, qty: Numeric });

export type ValueSpec = z.output<
  typeof TextLike | typeof Numeric | typeof Timestamp | typeof Status | typeof Bool
>;
export type ItemSpec = z.output<typeof Item>;

const Fields = z.strictObject({
  platform: TextLike,
  platformOrderId: TextLike,
  paidAt: Timestamp,
  status: z.discriminatedUnion('kind', [Constant, Status]).optional(),
  category: TextLike.optional(),
  valueFen: Numeric.optional(),
  currency: TextLike.optional(),
  items: Item.optional(),
  customerName: TextLike.optional(),
  customerPhone: TextLike.optional(),
  city: TextLike.optional(),
  region: TextLike.optional(),
  zoneId: TextLike.optional(),
  courierId: TextLike.optional(),
  waybill: TextLike.optional(),
  vip: z.discriminatedUnion('kind', [Constant, Bool]).optional(),
  promisedShipBy: Timestamp.optional(),
  pickingStartedAt: Timestamp.optional(),
  pickedAt: Timestamp.optional(),
  packedAt: Timestamp.optional(),
  waybillAt: Timestamp.optional(),
  handedOverAt: Timestamp.optional(),
  cancelledAt: Timestamp.optional(),
});

export const MappingFile = z.strictObject({
  description: z.string().optional(),
  delimiter: z.string().length(1).default(','),
  /** The zone the file's wall-clock times are in, unless --tz says otherwise. */
  timezone: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
  /**
   * true: an order without its own ship-by time gets one from the platform rules (paid time + window).
   * false: it has no deadline, as the file says (the Olist mapping: the deadline is shipping_limit_date).
   */
  deadlineRules: z.boolean().default(true),
  /** Columns no field uses that must still hold a valid time where they are not empty. */
  validateTimes: z.array(z.string().min(1)).default([]),
  fields: Fields,
});
export type MappingFile = z.output<typeof MappingFile>;
export type MappingFileInput = z.input<typeof MappingFile>;
export type MappedField = keyof MappingFile['fields'];

/** The mapping cannot be used: bad JSON, a wrong shape, or columns the file does not have. */
export class MappingError extends Error {}

export function parseMapping(json: unknown, source: string): MappingFile {
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success)
    throw new MappingError(`mapping ${source} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function loadMapping(path: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new MappingError(`cannot read mapping ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MappingError(`mapping ${path} is not JSON: ${(err as Error).message}`);
  }
  return parseMapping(json, path);
}

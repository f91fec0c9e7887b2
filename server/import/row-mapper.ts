// Turns a mapping file plus a CSV header into a function from a row to a validated OrderInput. Column names
// are resolved to positions once, so a row costs a few array reads. A row that cannot become an order throws
// RowError with a reason a person can act on ("missing order id", "unknown status \"lost\"").
import { OrderInput } from '../../shared/schemas/order-input';
import { MappingError, type ItemSpec, type MappedField, type MappingFile, type ValueSpec } from './mapping';
import { parseWallClock, zonedToEpoch } from './zoned-time';

export class RowError extends Error {}

type Value = string | number | boolean | null;
type Getter = (row: readonly string[]) => Value;

export type RowMapper = (row: readonly string[]) => OrderInput;

// Whole part (optionally grouped in thousands: "1,299.00", "1.299,00" or "1 299,00") and fraction.
const DECIMAL = {
  '.': /^[-+]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/,
  ',': /^[-+]?(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d*))?$/,
} as const;

/** "72.89" → 7289 with 2 minor digits; exact on the digits (no binary float), halves round away from zero. */
export function parseMoney(text: string, minorDigits = 2, decimal: '.' | ',' = '.'): number | null {
  const m = DECIMAL[decimal].exec(text);
  if (!m) return null;
  const frac = (m[2] ?? '').padEnd(minorDigits + 1, '0');
  const whole = Number((m[1] ?? '').replace(/[,. ]/g, ''));
  const units = whole * 10 ** minorDigits + Number(frac.slice(0, minorDigits) || 0);
  const rounded = units + (Number(frac[minorDigits]) >= 5 ? 1 : 0);
  return text.startsWith('-') ? -rounded : rounded;
}

const TIME_FIELDS = new Set<MappedField>([
  'paidAt',
  'promisedShipBy',
  'pickingStartedAt',
  'pickedAt',
  'packedAt',
  'waybillAt',
  'handedOverAt',
  'cancelledAt',
]);
const NULLABLE_TEXT = new Set<MappedField>(['zoneId', 'courierId', 'waybill']);
const REQUIRED: Partial<Record<MappedField, string>> = {
  platform: 'missing platform',
  platformOrderId: 'missing order id',
  paidAt: 'missing paid time',
};

export function compileMapping(mapping: MappingFile, header: readonly string[], zone: string): RowMapper {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    if (!positions.has(name.trim())) positions.set(name.trim(), i);
  });
  const missing = new Set<string>();
  const at = (name: string): number => {
    const i = positions.get(name);
    if (i === undefined) missing.add(name);
    return i ?? -1;
  };
  /** The first non-empty of the columns, with the name of the one it came from. */
  const column = (ref: string | string[]) => {
    const names = typeof ref === 'string' ? [ref] : ref;
    const cols = names.map((name) => [name, at(name)] as const);
    return (row: readonly string[]): [string, string] => {
      for (const [name, i] of cols) {
        const v = (row[i] ?? '').trim();
        if (v) return [v, name];
      }
      return ['', names[0] ?? ''];
    };
  };
  const time = (text: string, name: string): number => {
    const w = parseWallClock(text);
    if (!w) throw new RowError(`unparseable date "${text}" in ${name}`);
    return zonedToEpoch(w, zone);
  };

  function getter(spec: ValueSpec): Getter {
    switch (spec.kind) {
      case 'constant':
        return () => spec.value;
      case 'text': {
        const read = column(spec.column);
        return (row) => {
          let [v] = read(row);
          if (spec.slice) v = v.slice(...spec.slice);
          return v ? (spec.prefix ?? '') + v : (spec.default ?? '');
        };
      }
      case 'join': {
        const reads = spec.columns.map((c) => column(c));
        return (row) =>
          reads
            .map((r) => r(row)[0])
            .filter(Boolean)
            .join(spec.with);
      }
      case 'split': {
        const read = column(spec.column);
        return (row) => {
          const parts = read(row)[0]
            .split(spec.by)
            .map((s) => s.trim())
            .filter(Boolean);
          return spec.take === 'all' ? parts.join(spec.join) : (parts.at(spec.take) ?? '');
        };
      }
      case 'number':
      case 'money': {
        const read = column(spec.column);
        const minor = spec.kind === 'money' ? spec.minorDigits : null;
        return (row) => {
          const [v, name] = read(row);
          if (!v) return null;
          const n = parseMoney(v, minor ?? 6, spec.decimal);
          if (n === null || !Number.isSafeInteger(n))
            throw new RowError(`invalid ${minor === null ? 'number' : 'amount'} "${v}" in ${name}`);
          return minor === null ? n / 1e6 : n;
        };
      }
      case 'time': {
        const read = column(spec.column);
        return (row) => {
          const [v, name] = read(row);
          return v ? time(v, name) : null;
        };
      }
      case 'status': {
        const read = column(spec.column);
        return (row) => {
          const [v] = read(row);
          if (!Object.hasOwn(spec.map, v)) throw new RowError(`unknown status "${v}"`);
          return spec.map[v] ?? null;
        };
      }
      case 'boolean': {
        const read = column(spec.column);
        const yes = new Set(spec.true.map((s) => s.toLowerCase()));
        return (row) => yes.has(read(row)[0].toLowerCase());
      }
    }
  }

  function items(spec: ItemSpec) {
    const [sku, name, qty] = [getter(spec.sku), getter(spec.name), getter(spec.qty)];
    return (row: readonly string[]) => {
      const n = Number(qty(row) ?? 0);
      return n > 0
        ? [{ sku: String(sku(row) ?? ''), name: String(name(row) ?? ''), qty: Math.max(1, Math.round(n)) }]
        : [];
    };
  }

  const specs = Object.entries(mapping.fields) as [MappedField, MappingFile['fields'][MappedField]][];
  const fields = specs
    .flatMap(([field, spec]) => (spec ? [{ field, spec }] : []))
    .map(({ field, spec }) => {
      if (spec.kind === 'item') return { field, get: items(spec) };
      if (spec.kind === 'constant' && typeof spec.value === 'string' && TIME_FIELDS.has(field)) {
        // A constant time is written like the file's times and read in the same zone.
        const w = parseWallClock(spec.value);
        if (!w)
          throw new MappingError(`fields.${field}: "${spec.value}" is not a time like 2024-06-18 10:00:00`);
        const t = zonedToEpoch(w, zone);
        return { field, get: () => t };
      }
      return { field, get: getter(spec) };
    });
  const checks = mapping.validateTimes.map((name) => [column(name), name] as const);
  if (missing.size)
    throw new MappingError(
      `the file has no column ${[...missing].map((m) => `"${m}"`).join(', ')} (its columns: ${header.join(', ')})`,
    );

  return (row) => {
    const raw: Record<string, unknown> = {};
    for (const { field, get } of fields) {
      const value = get(row);
      if (value === '' || value === null) {
        const required = REQUIRED[field];
        if (required) throw new RowError(required);
        if (NULLABLE_TEXT.has(field) || TIME_FIELDS.has(field)) raw[field] = null;
        else if (value === '') raw[field] = value;
        continue;
      }
      raw[field] = value;
    }
    for (const [read, name] of checks) {
      const [v] = read(row);
      if (v && !parseWallClock(v)) throw new RowError(`unparseable date "${v}" in ${name}`);
    }
    const parsed = OrderInput.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new RowError(`${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
  };
}

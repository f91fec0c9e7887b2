// Risk flags as the desk shows them: which are still relevant, their name in words, and the wall-clock times a
// lead types (in the warehouse's time zone, whatever the desk's own zone is).
import type { RiskFlag } from '../../../shared/schemas/risk';
import type { Translate } from '../../i18n/format';
import { zonedTime } from '../courier/cutoff';

/** Flags not yet ended, the running ones first, then by start: an ended flag touches no order any more. */
export function currentFlags(flags: Iterable<RiskFlag>, now: number): RiskFlag[] {
  return [...flags]
    .filter((f) => f.endsAt >= now)
    .sort(
      (a, b) =>
        Number(b.startsAt <= now) - Number(a.startsAt <= now) ||
        a.startsAt - b.startsAt ||
        a.id.localeCompare(b.id),
    );
}

/** What a flag is about in words: a courier flag is named by the courier's carrier, not its id. */
export const flagTarget = (
  flag: Pick<RiskFlag, 'scope' | 'target'>,
  courierName: (id: string) => string | undefined,
): string => (flag.scope === 'courier' ? (courierName(flag.target) ?? flag.target) : flag.target);

/** "浙江 · 降雨" / "中通 · 网点爆仓". */
export function flagName(
  flag: Pick<RiskFlag, 'scope' | 'target' | 'kind'>,
  courierName: (id: string) => string | undefined,
  t: Translate,
): string {
  return t('risk.name', { target: flagTarget(flag, courierName), kind: t(`risk.kind.${flag.kind}`) });
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a datetime-local value ("2026-11-11T14:00") on the warehouse's wall clock. */
export function toWallInput(ms: number, timeZone: string): string {
  let f = wallFormats.get(timeZone);
  if (!f) {
    // sv-SE writes ISO-like "2026-11-11 14:00".
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(timeZone, f);
  }
  return f.format(ms).replace(' ', 'T');
}

/** A datetime-local value read on the warehouse's wall clock; null when it is not one. */
export function fromWallInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTime(year, month, day, hour, minute, timeZone);
}

export const MAX_WINDOW_MS = 14 * 24 * 3_600_000;

/** The server's own check (server/planning/risk-flags.ts checkFlag), so the form says it before sending. */
export const windowOk = (startsAt: number, endsAt: number): boolean =>
  endsAt > startsAt && endsAt - startsAt <= MAX_WINDOW_MS;

/**
 * The server's reason for a rejected CSV line (server/planning/risk-flags.ts importRiskFlags, in English) in the
 * desk's language; a reason it does not know is shown as the server wrote it.
 */
export function importReason(reason: string, t: Translate): string {
  const kind = /^unknown kind "(.*)"$/.exec(reason);
  if (kind) return t('risk.reason.kind', { value: kind[1] ?? '' });
  const scope = /^scope must be region or courier, got "(.*)"$/.exec(reason);
  if (scope) return t('risk.reason.scope', { value: scope[1] ?? '' });
  if (reason === 'target is empty') return t('risk.reason.target');
  if (reason.startsWith('starts_at and ends_at must be')) return t('risk.reason.time');
  if (reason === 'points must be 0-300') return t('risk.reason.points');
  if (reason === 'the window must end after it starts' || reason === 'a risk window is at most 14 days')
    return t('risk.invalidWindow');
  if (reason === 'unexpected text after a closing quote' || reason === 'unterminated quoted field')
    return t('risk.reason.csv', { detail: reason });
  return reason;
}

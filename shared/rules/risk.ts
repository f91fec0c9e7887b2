// Which risk flags apply to a case now: its region or city for region flags, its courier for courier flags,
// and the flag's window covering the moment (or the case's deadline: a storm before the deadline matters).
import type { CaseView } from '../schemas/case';
import type { RiskFlag } from '../schemas/risk';
import type { RiskMatch } from './priority';

export function flagApplies(flag: RiskFlag, c: Pick<CaseView, 'shipBy' | 'order'>, now: number): boolean {
  const target =
    flag.scope === 'courier'
      ? flag.target === c.order.courierId
      : flag.target === c.order.region || flag.target === c.order.city;
  if (!target) return false;
  // Active now, or active at some point before the deadline.
  return flag.startsAt <= Math.max(now, c.shipBy) && flag.endsAt >= now;
}

export function risksFor(
  flags: readonly RiskFlag[],
  c: Pick<CaseView, 'shipBy' | 'order'>,
  now: number,
): RiskMatch[] {
  const out: RiskMatch[] = [];
  for (const f of flags)
    if (flagApplies(f, c, now)) out.push({ label: `${f.target} ${f.kind}`, points: f.points });
  return out;
}

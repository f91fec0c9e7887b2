// How a depot is doing and when its next pickup cut-off is, in words.
import { Chip } from '@mui/material';
import type { Courier } from '../../../shared/schemas/directory';
import type { DepotStatus } from '../../../shared/schemas/enums';
import { useServerNow } from '../../data/hooks';
import { formatClock, formatCountdown } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { nextCutoff } from './cutoff';

export const DEPOT_COLOR: Record<DepotStatus, 'success' | 'warning' | 'error'> = {
  normal: 'success',
  overloaded: 'warning',
  suspended: 'error',
};

export function DepotChip({ status }: { status: DepotStatus }) {
  const t = useT();
  return (
    <Chip
      label={t(`courier.status.${status}`)}
      color={DEPOT_COLOR[status]}
      variant={status === 'normal' ? 'outlined' : 'filled'}
    />
  );
}

/** "17:00（还剩 1 小时 20 分）" for the next cut-off, in the warehouse's zone. */
export function useCutoffText(): (courier: Courier, timeZone: string) => string {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const now = useServerNow(15_000);
  return (courier, timeZone) => {
    const at = nextCutoff(courier.pickupCutoffs, now, timeZone);
    if (at === null) return t('courier.noCutoff');
    return t('courier.cutoffIn', {
      time: formatClock(at, locale, timeZone),
      countdown: formatCountdown(at, now, t),
    });
  };
}

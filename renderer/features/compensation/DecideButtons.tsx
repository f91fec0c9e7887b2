import { Box, Button } from '@mui/material';
import type { CaseView, Compensation } from '../../../shared/schemas/case';
import { useRuntime } from '../../app/runtime-context';
import { formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

/** A lead's approve / reject for one pending offer; names say which offer, for screen readers and tests. */
export function DecideButtons({ c, compensation }: { c: CaseView; compensation: Compensation }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const what = `${c.platformOrderId} ${t(`comp.type.${compensation.type}`)} ${formatMoney(compensation.amountFen, locale, c.order.currency)}`;
  const decide = (approve: boolean) =>
    void store.enqueue('decideCompensation', { caseId: c.id, compensationId: compensation.id, approve });
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      <Button
        variant="contained"
        color="success"
        aria-label={t('comp.approveOne', { what })}
        onClick={() => decide(true)}
      >
        {t('comp.approve')}
      </Button>
      <Button
        variant="outlined"
        color="error"
        aria-label={t('comp.rejectOne', { what })}
        onClick={() => decide(false)}
      >
        {t('comp.reject')}
      </Button>
    </Box>
  );
}

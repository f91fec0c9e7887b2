import { Typography } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { useServerNow } from '../../data/hooks';
import { formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { penaltyState } from './ledger';

/** "罚金风险 ¥30.00" while at stake; "已避免罚金 ¥30.00" once the case was saved or a delay agreed. */
export function PenaltyLine({ c, dense = false }: { c: CaseView; dense?: boolean }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const now = useServerNow(60_000);
  const state = penaltyState(c, now);
  if (state.kind === 'none') {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('comp.penaltyNone')}
      </Typography>
    );
  }
  const amount = formatMoney(state.amountFen, locale, c.order.currency);
  const text =
    state.kind === 'avoided'
      ? t('comp.penaltyAvoided', { amount })
      : state.kind === 'incurred'
        ? t('comp.penaltyIncurred', { amount })
        : t('comp.penaltyRisk', { amount });
  return (
    <Typography
      variant={dense ? 'body2' : 'body1'}
      data-testid="penalty"
      sx={{ fontWeight: 600 }}
      color={state.kind === 'avoided' ? 'success' : 'error'}
    >
      {text}
    </Typography>
  );
}

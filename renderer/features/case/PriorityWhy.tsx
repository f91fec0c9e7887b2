import { Box, Paper, Typography } from '@mui/material';
import type { Priority } from '../../../shared/rules/priority';
import { PERISHABILITY_LABELS } from '../../../shared/i18n/labels';
import type { CaseView } from '../../../shared/schemas/case';
import { formatDateTime, formatMoney } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { useRiskFlagLabel } from '../risk/use-risk-flags';

/** "Why is this case here": each part of the shared priority score with its points. */
export function PriorityWhy({ c, why }: { c: CaseView; why: Priority }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const flagLabel = useRiskFlagLabel();
  const detail = (reason: string, value: number | string): string | number => {
    if (reason === 'perishability') return PERISHABILITY_LABELS[c.order.perishability][locale];
    if (reason === 'value' || reason === 'penalty')
      return formatMoney(Number(value), locale, c.order.currency);
    if (reason === 'promise_broken') return formatDateTime(Number(value), locale);
    // A risk part carries the flag's id: name the flag (region or courier, kind, until when).
    if (reason === 'risk') return flagLabel(String(value));
    return value;
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('case.why')} · {why.score}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {why.parts.map((part) => (
          <Typography component="li" variant="body2" key={`${part.reason}-${String(part.detail)}`}>
            {t(`why.${part.reason}` as MessageKey, { detail: detail(part.reason, part.detail) })}{' '}
            <Typography component="span" variant="body2" color="textSecondary">
              {t('why.points', { points: part.points })}
            </Typography>
          </Typography>
        ))}
      </Box>
    </Paper>
  );
}

// A finished case, read-only: the cause(s), the outcome, when and by whom; a resolved case can be reopened
// (with a reason), a case the engine closed (shipped or cancelled) cannot.
import { Box, Button, Paper, Typography } from '@mui/material';
import { CAUSE_LABELS, OUTCOME_LABELS } from '../../../shared/i18n/labels';
import type { CaseView } from '../../../shared/schemas/case';
import { usePersonName } from '../../data/hooks';
import { formatDateTime, formatDuration } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { Fact, FACT_LIST_SX } from './CaseFacts';

export function ResolutionSummary({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const nameOf = usePersonName();
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label={t('closing.title')}
      sx={{ p: 1.5, bgcolor: 'action.hover' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          {t('closing.title')}
        </Typography>
        {c.status === 'resolved' && (
          <Button variant="contained" onClick={() => useDesk.getState().openDialog('reopen')}>
            {t('closing.reopen')}
          </Button>
        )}
      </Box>
      <Box component="dl" sx={FACT_LIST_SX}>
        {c.cause && <Fact label={t('closing.cause')} value={CAUSE_LABELS[c.cause][locale]} />}
        {c.causes.length > 0 && (
          <Fact
            label={t('closing.secondary')}
            value={c.causes.map((x) => CAUSE_LABELS[x][locale]).join('、')}
          />
        )}
        {c.outcome && (
          <Fact
            label={t('closing.outcome')}
            value={
              OUTCOME_LABELS[c.outcome][locale] +
              (c.lateMinutes
                ? ` · ${t('closing.late', { time: formatDuration(c.lateMinutes * 60_000, t) })}`
                : '')
            }
          />
        )}
        {c.closedAt !== null && (
          <Fact label={t('closing.closedAt')} value={formatDateTime(c.closedAt, locale)} />
        )}
        {c.status === 'resolved' && c.assigneeId && (
          <Fact label={t('closing.by')} value={nameOf(c.assigneeId) ?? t('someone')} />
        )}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 1, mb: 0 }}>
        {c.status === 'resolved' ? t('closing.readOnly') : t('closing.engine')}
      </Typography>
    </Paper>
  );
}

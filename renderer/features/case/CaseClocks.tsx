import { Box, Paper, Typography } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { formatCountdown, formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { Fact, FACT_LIST_SX } from './CaseFacts';

/** Both clocks (ship-by and pickup-by), where the deadline came from, and every pause that moved it. */
export function CaseClocks({ c, now }: { c: CaseView; now: number }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  // A finished case's deadline no longer counts down.
  const left = (at: number) => (c.status === 'open' ? ` · ${formatCountdown(at, now, t)}` : '');
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('case.clocks')}
      </Typography>
      <Box component="dl" sx={FACT_LIST_SX}>
        <Fact label={t('case.shipBy')} value={`${formatDateTime(c.shipBy, locale)}${left(c.shipBy)}`} />
        <Fact label={t('case.deadlineSource')} value={t(`source.${c.deadlineSource}` as MessageKey)} />
        {c.pickupBy !== null && (
          <Fact
            label={t('case.pickupBy')}
            value={`${formatDateTime(c.pickupBy, locale)}${c.order.handedOverAt ? ' · ✓' : left(c.pickupBy)}`}
          />
        )}
      </Box>
      {c.pauses.length > 0 && (
        <Box component="ul" aria-label={t('case.pauses')} sx={{ m: 0, mt: 1, pl: 2 }}>
          {c.pauses.map((p) => (
            <Typography component="li" variant="body2" key={`${p.kind}-${p.at}-${p.to}`}>
              {t(`pause.${p.kind}`)}
              {t('punct.colon')}
              {t('pause.moved', { from: formatDateTime(p.from, locale), to: formatDateTime(p.to, locale) })}
              {p.note ? ` · ${p.note}` : ''}
            </Typography>
          ))}
        </Box>
      )}
    </Paper>
  );
}

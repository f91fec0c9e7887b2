// The customer side of one case: who they are, whether anyone reached them, every contact attempt with its
// channel and outcome, and the way into the contact dialog (templates, copy, log).
import { Box, Button, Chip, Paper, Typography } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { useCaseTimeline, usePersonName } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { Fact, FACT_LIST_SX } from '../case/CaseFacts';

export function CustomerPanel({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const openDialog = useDesk((s) => s.openDialog);
  const nameOf = usePersonName();
  const attempts = useCaseTimeline(c.id)
    .filter(({ event }) => event.kind === 'customer_contacted')
    .reverse();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
            {t('customer.title')}
          </Typography>
          <Chip
            label={c.customerContacted ? t('flags.contacted') : t('customer.notContacted')}
            color={c.customerContacted ? 'success' : 'default'}
            variant="outlined"
          />
          <Button variant="contained" onClick={() => openDialog('contact')}>
            {t('customer.contact')}
          </Button>
        </Box>
        <Box component="dl" sx={FACT_LIST_SX}>
          <Fact label={t('case.customer')} value={`${c.order.customerName}${c.order.vip ? ' (VIP)' : ''}`} />
          <Fact label={t('case.phone')} value={c.order.customerPhone || '—'} />
          <Fact label={t('case.city')} value={`${c.order.region} ${c.order.city}`} />
        </Box>
      </Paper>
      <Box>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('customer.history')}
        </Typography>
        {attempts.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {t('customer.noHistory')}
          </Typography>
        ) : (
          <Box
            component="ul"
            aria-label={t('customer.history')}
            sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.5 }}
          >
            {attempts.map(({ event, pending }) => (
              <Box component="li" key={event.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                <Typography variant="caption" color="textSecondary" sx={{ minWidth: 84 }}>
                  {formatDateTime(event.at, locale)}
                </Typography>
                <Typography variant="body2" sx={{ flex: 1 }}>
                  <strong>{nameOf(event.actorId) ?? t('someone')}</strong>{' '}
                  {t('customer.attempt', {
                    channel: t(`channel.${String(event.detail?.channel)}` as MessageKey),
                    outcome: t(`contactOutcome.${String(event.detail?.outcome)}` as MessageKey),
                  })}
                  {event.text ? `${t('punct.colon')}${event.text}` : ''}
                </Typography>
                {pending && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
              </Box>
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}

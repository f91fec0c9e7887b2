import { Box, Chip, Typography } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { useCaseTimeline, useDirectory, usePersonName } from '../../data/hooks';
import { formatDateTime, formatMoney } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { buildTimeline, eventDetail, type DetailContext } from './case-timeline';

/** Every event and action on the case, oldest first, with who and when and its facts; pending ones are marked. */
export function CaseTimeline({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const nameOf = usePersonName();
  const directory = useDirectory();
  const entries = buildTimeline(c, useCaseTimeline(c.id));
  const ctx: DetailContext = {
    t,
    money: (fen) => formatMoney(fen, locale, c.order.currency),
    picker: (id) => directory.picker.get(id)?.name,
    courier: (id) => directory.courier.get(id)?.carrier,
    person: nameOf,
  };
  const who = (id: string | null) => <strong>{nameOf(id) ?? t('someone')}</strong>;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('case.timeline')}
      </Typography>
      <Box
        component="ol"
        aria-label={t('case.timeline')}
        sx={{ m: 0, pl: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.75 }}
      >
        {entries.map((entry) => (
          <Box component="li" key={entry.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
            <Typography variant="caption" color="textSecondary" sx={{ minWidth: 84 }}>
              {formatDateTime(entry.at, locale)}
            </Typography>
            <Typography variant="body2" sx={{ flex: 1 }}>
              {entry.kind === 'note' ? (
                <>
                  {who(entry.actorId)}
                  {t('punct.colon')}
                  {entry.text}
                </>
              ) : entry.actorId ? (
                <>
                  {who(entry.actorId)} {t(`event.${entry.kind}` as MessageKey)}
                  {eventDetail(entry, ctx)}
                  {entry.text ? `${t('punct.colon')}${entry.text}` : ''}
                </>
              ) : (
                t(`event.${entry.kind}` as MessageKey)
              )}
            </Typography>
            {entry.pending && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

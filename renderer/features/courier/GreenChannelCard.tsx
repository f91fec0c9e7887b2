// The green channel (绿色通道, priority pickup) of one case: ask the courier, then record their answer.
import { Box, Button, Chip, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import type { CaseView } from '../../../shared/schemas/case';
import { useRuntime } from '../../app/runtime-context';
import { usePersonName } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

export function GreenChannelCard({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const nameOf = usePersonName();
  const [note, setNote] = useState('');
  const gc = c.greenChannel;
  const open = c.status === 'open';
  const act = (run: () => Promise<unknown>) => {
    setNote('');
    void run();
  };
  const answer = (accepted: boolean) =>
    act(() => store.enqueue('recordCourierAnswer', { caseId: c.id, accepted, note: note.trim() }));
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          {t('green.title')}
        </Typography>
        <Chip
          data-testid="green-channel-status"
          label={t(gc ? `green.${gc.status}` : 'green.none')}
          color={
            !gc
              ? 'default'
              : gc.status === 'accepted'
                ? 'success'
                : gc.status === 'declined'
                  ? 'error'
                  : 'info'
          }
        />
      </Box>
      {gc && (
        <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 0, mb: 1 }}>
          {t('green.requestedAt', {
            who: nameOf(gc.requestedBy) ?? t('someone'),
            at: formatDateTime(gc.requestedAt, locale),
          })}
          {gc.note ? ` · ${gc.note}` : ''}
        </Typography>
      )}
      {open && gc?.status !== 'accepted' && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            label={t('green.note')}
            value={note}
            onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX_CHARS))}
            sx={{ flex: 1, minWidth: 200 }}
          />
          {gc?.status === 'requested' ? (
            <>
              <Button variant="contained" color="success" onClick={() => answer(true)}>
                {t('green.accept')}
              </Button>
              <Button variant="outlined" color="error" onClick={() => answer(false)}>
                {t('green.decline')}
              </Button>
            </>
          ) : (
            <Button
              variant="contained"
              disabled={!c.order.courierId}
              onClick={() =>
                act(() => store.enqueue('requestGreenChannel', { caseId: c.id, note: note.trim() }))
              }
            >
              {gc ? t('green.requestAgain') : t('green.request')}
            </Button>
          )}
        </Box>
      )}
    </Paper>
  );
}

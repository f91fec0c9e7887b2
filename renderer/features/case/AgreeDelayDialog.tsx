import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { useT } from '../../i18n/use-t';

interface Props {
  c: CaseView;
  open: boolean;
  onClose: () => void;
  onAgree: (values: { newShipBy: number; note: string }) => void;
}

/** "datetime-local" speaks the desk's local wall clock; the warehouse and the desk share a time zone. */
const toInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

export function AgreeDelayDialog({ c, open, onClose, onAgree }: Props) {
  const t = useT();
  const [when, setWhen] = useState(() => toInput(c.shipBy + 24 * 3_600_000));
  const [note, setNote] = useState('');
  const newShipBy = new Date(when).getTime();
  const { max, minLeadMinutes } = c.delayRule;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="delay-title">
      <DialogTitle id="delay-title">{t('delay.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        {max !== null && (
          <Alert severity="info">{t('delay.limits', { max, hours: (minLeadMinutes ?? 0) / 60 })}</Alert>
        )}
        <TextField
          type="datetime-local"
          label={t('delay.newShipBy')}
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={t('delay.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
          required
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('resolve.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!note.trim() || !(newShipBy > c.shipBy)}
          onClick={() => onAgree({ newShipBy, note: note.trim() })}
        >
          {t('delay.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

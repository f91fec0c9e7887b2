import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import { useT } from '../../i18n/use-t';

/** Reopening needs a reason (the rescue did not hold): the note goes on the timeline. */
export function ReopenDialog({
  onClose,
  onReopen,
}: {
  onClose: () => void;
  onReopen: (note: string) => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="reopen-title">
      <DialogTitle id="reopen-title">{t('reopen.title')}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <TextField
          label={t('reopen.note')}
          value={note}
          onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX_CHARS))}
          multiline
          minRows={2}
          required
          fullWidth
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('resolve.cancel')}</Button>
        <Button variant="contained" disabled={!note.trim()} onClick={() => onReopen(note.trim())}>
          {t('reopen.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { CAUSE_LABELS, OUTCOME_LABELS } from '../../../shared/i18n/labels';
import { CAUSES, OUTCOMES, type Cause, type Outcome } from '../../../shared/schemas/enums';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

interface Props {
  open: boolean;
  onClose: () => void;
  onResolve: (values: { cause: Cause; secondaryCauses: Cause[]; outcome: Outcome; note: string }) => void;
}

/** Cause and outcome are required (brief F3): the submit button stays disabled until both are chosen. */
export function ResolveDialog({ open, onClose, onResolve }: Props) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const [cause, setCause] = useState<Cause | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [secondary, setSecondary] = useState<Cause[]>([]);
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="resolve-title">
      <DialogTitle id="resolve-title">{t('resolve.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField
          select
          label={t('resolve.cause')}
          value={cause}
          onChange={(e) => setCause(e.target.value as Cause)}
          required
        >
          {CAUSES.map((c) => (
            <MenuItem key={c} value={c}>
              {CAUSE_LABELS[c][locale]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('resolve.secondary')}
          value={secondary}
          onChange={(e) => setSecondary(e.target.value as unknown as Cause[])}
          slotProps={{
            select: {
              multiple: true,
              renderValue: (v) => (v as Cause[]).map((c) => CAUSE_LABELS[c][locale]).join('、'),
            },
          }}
        >
          {CAUSES.filter((c) => c !== cause).map((c) => (
            <MenuItem key={c} value={c}>
              {CAUSE_LABELS[c][locale]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('resolve.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
          required
        >
          {OUTCOMES.map((o) => (
            <MenuItem key={o} value={o}>
              {OUTCOME_LABELS[o][locale]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('resolve.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('resolve.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!cause || !outcome}
          onClick={() => {
            if (cause && outcome)
              onResolve({ cause, secondaryCauses: secondary.filter((c) => c !== cause), outcome, note });
          }}
        >
          {t('resolve.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

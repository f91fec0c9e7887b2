import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  InputAdornment,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import { COMPENSATION_TYPES, type CaseView, type CompensationType } from '../../../shared/schemas/case';
import { useRuntime } from '../../app/runtime-context';
import { formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { needsApproval, parseYuan } from './ledger';

/** An offer to the customer; above the case's limit a coordinator's offer waits for a lead (said up front). */
export function CompensateDialog({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store, user } = useRuntime();
  const [type, setType] = useState<CompensationType>('coupon');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const amountFen = parseYuan(amount);
  const limit = formatMoney(c.compensationLimitFen, locale, c.order.currency);
  const waits = amountFen !== null && needsApproval(amountFen, c.compensationLimitFen, user.role);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="compensate-title">
      <DialogTitle id="compensate-title">{t('comp.offerTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField
          select
          label={t('comp.type')}
          value={type}
          onChange={(e) => setType(e.target.value as CompensationType)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {COMPENSATION_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`comp.type.${x}`)}
            </option>
          ))}
        </TextField>
        <TextField
          label={t('comp.amount')}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amount !== '' && amountFen === null}
          helperText={
            amount !== '' && amountFen === null ? t('comp.amountInvalid') : t('comp.limit', { amount: limit })
          }
          slotProps={{
            htmlInput: { inputMode: 'decimal' },
            input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> },
          }}
        />
        {waits && (
          <Alert severity="info" role="note">
            {t('comp.willWait', { limit })}
          </Alert>
        )}
        <TextField
          label={t('comp.note')}
          value={note}
          onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX_CHARS))}
          multiline
          minRows={2}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('resolve.cancel')}</Button>
        <Button
          variant="contained"
          disabled={amountFen === null}
          onClick={() => {
            if (amountFen === null) return;
            onClose();
            void store.enqueue('offerCompensation', {
              caseId: c.id,
              compensationId: crypto.randomUUID(),
              type,
              amountFen,
              note: note.trim(),
            });
          }}
        >
          {t('comp.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useCutoffText } from './DepotChip';
import { useCouriers } from './use-couriers';

/** Another carrier for this parcel: the depots are listed with their status and next cut-off to choose well. */
export function SwitchCarrierDialog({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const { couriers, timeZone } = useCouriers(c.warehouseId);
  const cutoffText = useCutoffText();
  const others = couriers
    .filter((x) => x.id !== c.order.courierId)
    // Working depots first.
    .sort((a, b) => Number(a.status !== 'normal') - Number(b.status !== 'normal'));
  const [courierId, setCourierId] = useState(others[0]?.id ?? '');
  const [note, setNote] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="switch-carrier-title">
      <DialogTitle id="switch-carrier-title">{t('switch.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <Alert severity="warning" role="note">
          {t('switch.warning')}
        </Alert>
        <TextField
          select
          label={t('switch.to')}
          value={courierId}
          onChange={(e) => setCourierId(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {others.map((x) => (
            <option key={x.id} value={x.id}>
              {t('switch.option', {
                carrier: x.carrier,
                depot: x.depot,
                status: t(`courier.status.${x.status}`),
                cutoff: cutoffText(x, timeZone),
              })}
            </option>
          ))}
        </TextField>
        <TextField
          label={t('switch.note')}
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
          disabled={!courierId}
          onClick={() => {
            onClose();
            void store.enqueue('switchCarrier', { caseId: c.id, courierId, note: note.trim() });
          }}
        >
          {t('switch.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

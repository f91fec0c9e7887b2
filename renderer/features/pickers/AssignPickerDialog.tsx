// The "get a picker on it" dialog the command palette opens: a lead picks a picker for this case (or every
// ticked case); a coordinator, who may not assign, sends the floor a request instead.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { isRostered, reassignCandidates } from './floor-model';
import { assignPickerTo, useFloor, zoneLabel } from './use-floor';

interface Props {
  c: CaseView;
  onClose: () => void;
}

export function RequestPickerDialog({ c, onClose }: Props) {
  const t = useT();
  const { store } = useRuntime();
  const floor = useFloor();
  const zone = c.order.zoneId ? floor.zoneById.get(c.order.zoneId) : undefined;
  const [text, setText] = useState(() =>
    t('picker.requestDefault', { order: c.platformOrderId, zone: zoneLabel(zone) }),
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="request-picker-title">
      <DialogTitle id="request-picker-title">{t('picker.requestTitle')}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <TextField
          label={t('picker.requestText')}
          value={text}
          onChange={(e) => setText(e.target.value.slice(0, NOTE_MAX_CHARS))}
          multiline
          minRows={3}
          fullWidth
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('picker.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!text.trim()}
          onClick={() => {
            onClose();
            void store.enqueue('requestPicker', {
              caseId: c.id,
              requestId: crypto.randomUUID(),
              text: text.trim(),
            });
          }}
        >
          {t('picker.requestSubmit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A lead's choice of picker for the open case, or for every ticked case (also with no case open). */
export function LeadAssignDialog({ c, onClose }: { c: CaseView | null; onClose: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const floor = useFloor();
  const checkedIds = useDesk((s) => s.checkedIds);
  const [bulkChosen, setBulk] = useState(checkedIds.size > 0);
  const bulk = c === null || (bulkChosen && checkedIds.size > 0);
  const current = c?.pickerId ?? null;
  const candidates = [
    ...reassignCandidates(floor.pickers, floor.load, c?.order.zoneId ?? null, current),
    ...floor.pickers.filter((p) => p.status === 'break' && p.id !== current),
  ].filter(isRostered);
  const [pickerId, setPickerId] = useState(candidates[0]?.id ?? '');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="assign-picker-title">
      <DialogTitle id="assign-picker-title">{t('picker.assignTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField
          select
          label={t('picker.choose')}
          value={pickerId}
          onChange={(e) => setPickerId(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {t('picker.option', {
                name: p.name,
                zone: zoneLabel(floor.zoneById.get(p.zoneId)),
                status: t(`picker.status.${p.status}`),
                load: floor.load.get(p.id) ?? 0,
              })}
            </option>
          ))}
        </TextField>
        {candidates.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            {t('picker.noCandidate')}
          </Typography>
        )}
        {c === null && (
          <Typography variant="body2">{t('picker.target.checked', { count: checkedIds.size })}</Typography>
        )}
        {c !== null && checkedIds.size > 0 && (
          <FormControlLabel
            control={<Switch checked={bulkChosen} onChange={(e) => setBulk(e.target.checked)} />}
            label={t('picker.target.checked', { count: checkedIds.size })}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('picker.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!pickerId || (bulk && checkedIds.size === 0)}
          onClick={() => {
            onClose();
            const ids = bulk ? [...checkedIds] : c ? [c.id] : [];
            const name = floor.pickers.find((p) => p.id === pickerId)?.name ?? '';
            void assignPickerTo(store, ids, pickerId).then((count) => {
              if (!bulk) return;
              const desk = useDesk.getState();
              desk.setChecked(new Set());
              desk.showToast({ text: t('picker.bulkDone', { count, name }), severity: 'success' });
            });
          }}
        >
          {t('picker.assignSubmit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function AssignPickerDialog(props: Props) {
  const { user } = useRuntime();
  return canOverride(actorOf(user)) ? <LeadAssignDialog {...props} /> : <RequestPickerDialog {...props} />;
}

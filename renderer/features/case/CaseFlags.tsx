// What needs attention on this case at a glance: its picker (and a one-click reassignment when that picker is
// absent), a switched carrier waiting for a new waybill, the green channel, whether the customer was reached,
// compensation waiting for a lead. Plain chips, not alerts: refusals are the only alerts in the panel.
import { Box, Button, Chip } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useDerivedLater, usePickerView } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { loadByPicker, reassignCandidates } from '../pickers/floor-model';
import { assignPickerTo } from '../pickers/use-floor';

function AbsentPickerFlag({ c, name }: { c: CaseView; name: string }) {
  const t = useT();
  const { store, user } = useRuntime();
  const lead = canOverride(actorOf(user));
  const open = c.status === 'open';
  // Walks every case for the pickers' loads: a render later, not inside every change of the store.
  const best = useDerivedLater(() => {
    if (!lead || !open) return undefined;
    const load = loadByPicker(store.memory.allCases());
    return reassignCandidates(store.memory.allPickers(), load, c.order.zoneId, c.pickerId)[0];
  }, [store, lead, open, c.order.zoneId, c.pickerId]);
  return (
    <>
      <Chip color="error" label={t('flags.pickerAbsent', { name })} />
      {open && lead && best && (
        <Button
          variant="contained"
          color="warning"
          onClick={() => void assignPickerTo(store, [c.id], best.id)}
        >
          {t('picker.reassignTo', { name: best.name })}
        </Button>
      )}
      {open && !lead && (
        <Button variant="outlined" onClick={() => useDesk.getState().openDialog('assignPicker')}>
          {t('picker.request')}
        </Button>
      )}
    </>
  );
}

export function CaseFlags({ c }: { c: CaseView }) {
  const t = useT();
  const picker = usePickerView(c.pickerId);
  const pendingApproval = c.compensations.some((x) => x.status === 'pending_approval');
  const gc = c.greenChannel;
  const any = picker || c.needsNewWaybill || gc || c.customerContacted || pendingApproval;
  if (!any) return null;
  return (
    <Box
      role="group"
      aria-label={t('flags.label')}
      sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }}
    >
      {picker &&
        (picker.status === 'absent' ? (
          <AbsentPickerFlag c={c} name={picker.name} />
        ) : (
          <Chip
            variant="outlined"
            label={`${t('flags.picker', { name: picker.name })} · ${t(`picker.status.${picker.status}`)}`}
          />
        ))}
      {c.needsNewWaybill && <Chip color="warning" label={t('flags.newWaybill')} />}
      {gc && (
        <Chip
          variant="outlined"
          color={gc.status === 'accepted' ? 'success' : gc.status === 'declined' ? 'error' : 'info'}
          label={t(`green.${gc.status}`)}
        />
      )}
      {c.customerContacted && <Chip variant="outlined" color="success" label={t('flags.contacted')} />}
      {pendingApproval && <Chip variant="outlined" color="warning" label={t('flags.pendingApproval')} />}
    </Box>
  );
}

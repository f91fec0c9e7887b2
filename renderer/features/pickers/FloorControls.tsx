// A lead's controls for one picker on the floor (status, zone) and a zone's pressure at a glance.
import { Chip, TextField } from '@mui/material';
import type { Picker } from '../../../shared/schemas/directory';
import { PICKER_STATUSES, type PickerStatus } from '../../../shared/schemas/enums';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useFloor, zoneLabel } from './use-floor';

/** Status and zone selectors; each change is one floor action through the outbox. */
export function FloorControls({ picker }: { picker: Picker }) {
  const t = useT();
  const { store } = useRuntime();
  const floor = useFloor();
  const zones = [...floor.zoneById.values()].sort((a, b) => a.code.localeCompare(b.code));
  return (
    <>
      <TextField
        select
        value={picker.status}
        onChange={(e) =>
          void store.enqueue('setPickerStatus', {
            pickerId: picker.id,
            status: e.target.value as PickerStatus,
          })
        }
        slotProps={{
          select: { native: true },
          htmlInput: { 'aria-label': t('floor.statusOf', { name: picker.name }) },
        }}
        sx={{ width: 84 }}
      >
        {PICKER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`picker.status.${s}`)}
          </option>
        ))}
      </TextField>
      <TextField
        select
        value={picker.zoneId}
        onChange={(e) => void store.enqueue('movePicker', { pickerId: picker.id, zoneId: e.target.value })}
        slotProps={{
          select: { native: true },
          htmlInput: { 'aria-label': t('floor.zoneOf', { name: picker.name }) },
        }}
        sx={{ width: 128 }}
      >
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {zoneLabel(z)}
          </option>
        ))}
      </TextField>
    </>
  );
}

/** How hard a zone is pressed: open cases per picker on shift (or nobody there at all). */
export function ZonePressure({ onShift, open }: { onShift: number; open: number }) {
  const t = useT();
  if (onShift === 0) return <Chip color={open > 0 ? 'error' : 'default'} label={t('floor.nobody')} />;
  const each = Math.ceil(open / onShift);
  return (
    <Chip
      variant="outlined"
      color={each >= 20 ? 'error' : each >= 10 ? 'warning' : 'success'}
      label={t('floor.perPicker', { count: each })}
    />
  );
}

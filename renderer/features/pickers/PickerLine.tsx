import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Picker } from '../../../shared/schemas/directory';
import type { PickerStatus } from '../../../shared/schemas/enums';
import { useT } from '../../i18n/use-t';

export const PICKER_STATUS_COLOR: Record<PickerStatus, 'success' | 'info' | 'error' | 'default'> = {
  on_shift: 'success',
  break: 'info',
  absent: 'error',
  off: 'default',
};

export function PickerStatusChip({ status }: { status: PickerStatus }) {
  const t = useT();
  return (
    <Chip
      label={t(`picker.status.${status}`)}
      color={PICKER_STATUS_COLOR[status]}
      variant={status === 'on_shift' ? 'outlined' : 'filled'}
    />
  );
}

/** One picker in a list: name, status, open picks, phone and radio channel; `children` holds the actions. */
export function PickerLine({
  picker,
  load,
  showStatus = true,
  highlight = false,
  children,
}: {
  picker: Picker;
  load: number;
  /** Off where the actions hold a status selector instead. */
  showStatus?: boolean;
  highlight?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Box
      component="li"
      aria-label={picker.name}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) auto',
        alignItems: 'center',
        columnGap: 1,
        px: 1,
        py: 0.5,
        borderRadius: 1,
        bgcolor: highlight ? 'action.selected' : 'transparent',
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {picker.name}
          </Typography>
          {showStatus && <PickerStatusChip status={picker.status} />}
          <Typography variant="body2" color={load > 0 ? 'text.primary' : 'text.secondary'}>
            {t('picker.load', { count: load })}
          </Typography>
        </Box>
        <Typography variant="caption" color="textSecondary" component="div">
          {t('floor.contact', { phone: picker.phone, radio: picker.radio })} ·{' '}
          {t('picker.shift', { from: picker.shiftStart, to: picker.shiftEnd })}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>{children}</Box>
    </Box>
  );
}

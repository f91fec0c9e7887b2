// One row of the worklist grid: tick box, priority (or the status of a closed case), live countdown, order,
// goods, customer and who holds the case. Memoised: a row re-renders only when its own inputs change.
import { Box, Checkbox, Chip, Typography, type SxProps, type Theme } from '@mui/material';
import { memo, type MouseEvent } from 'react';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { formatCountdown, formatDateTime } from '../../i18n/format';
import type { Translate } from '../../i18n/format';
import type { Locale } from '../../../shared/i18n/labels';
import type { RankedCase } from '../../data/ranking';

export const COLUMNS = '32px 60px 140px minmax(150px, 1.2fr) minmax(110px, 1fr) 104px 96px';

const BUCKET_COLOR = {
  overdue: 'error',
  due_4h: 'warning',
  due_12h: 'info',
  due_24h: 'default',
  later: 'default',
} as const;

interface Props {
  row: RankedCase;
  index: number;
  top: number;
  height: number;
  now: number;
  selected: boolean;
  checked: boolean;
  pending: boolean;
  assignee: string | null;
  locale: Locale;
  t: Translate;
  onSelect: (id: string) => void;
  onCheck: (id: string, range: boolean) => void;
}

// Two stable style objects (not one per render): emotion resolves each to one class.
const rowSx = (selected: boolean): SxProps<Theme> => ({
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  alignItems: 'center',
  gap: 1,
  px: 1,
  cursor: 'pointer',
  borderBottom: 1,
  borderColor: 'divider',
  bgcolor: selected ? 'action.selected' : 'background.paper',
  boxShadow: selected ? (theme) => `inset 3px 0 0 ${theme.palette.primary.main}` : 'none',
  '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
});
const ROW_SX = rowSx(false);
const ROW_SX_SELECTED = rowSx(true);

export const rowDomId = (caseId: string): string => `worklist-row-${caseId}`;

export const WorklistRowView = memo(function WorklistRowView({
  row,
  index,
  top,
  height,
  now,
  selected,
  checked,
  pending,
  assignee,
  locale,
  t,
  onSelect,
  onCheck,
}: Props) {
  const { c } = row;
  const open = c.status === 'open';
  const overdue = open && row.bucket === 'overdue';
  return (
    <Box
      role="row"
      id={rowDomId(c.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-case-id={c.id}
      onClick={() => onSelect(c.id)}
      // Position and height inline: as sx they would make a new emotion class (a new CSS rule) per position.
      style={{ transform: `translateY(${top}px)`, height }}
      sx={selected ? ROW_SX_SELECTED : ROW_SX}
    >
      <Box role="gridcell">
        <Checkbox
          size="small"
          checked={checked}
          tabIndex={-1}
          onClick={(e: MouseEvent) => {
            e.stopPropagation();
            onCheck(c.id, e.shiftKey);
          }}
          slotProps={{ input: { 'aria-label': t('select.row', { order: c.platformOrderId }) } }}
          sx={{ p: 0.5 }}
        />
      </Box>
      <Box role="gridcell">
        {open ? (
          <Chip
            label={row.score}
            color={BUCKET_COLOR[row.bucket]}
            variant={overdue ? 'filled' : 'outlined'}
          />
        ) : (
          <Chip label={t(`status.${c.status}`)} variant="outlined" />
        )}
      </Box>
      <Typography
        role="gridcell"
        variant="body2"
        noWrap
        sx={{ color: overdue ? 'error.main' : open ? 'text.primary' : 'text.secondary' }}
      >
        {open ? formatCountdown(c.shipBy, now, t) : formatDateTime(c.closedAt ?? c.shipBy, locale)}
      </Typography>
      <Box role="gridcell" sx={{ minWidth: 0 }}>
        <Typography variant="body2" noWrap>
          {PLATFORM_LABELS[c.platform][locale]} · {c.platformOrderId}
        </Typography>
      </Box>
      <Typography role="gridcell" variant="body2" noWrap title={c.order.items.map((i) => i.name).join('、')}>
        {c.order.category} · {c.order.items[0]?.name}
      </Typography>
      <Typography role="gridcell" variant="body2" noWrap>
        {c.order.customerName} · {c.order.city}
      </Typography>
      <Box role="gridcell" sx={{ display: 'flex', gap: 0.5, alignItems: 'center', minWidth: 0 }}>
        <Typography variant="body2" noWrap sx={{ color: assignee ? 'text.primary' : 'text.secondary' }}>
          {assignee ?? '—'}
        </Typography>
        {pending && <Chip label={t('case.pending')} color="warning" variant="outlined" sx={{ height: 18 }} />}
      </Box>
    </Box>
  );
});

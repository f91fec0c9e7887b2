import { Box, Chip, Typography } from '@mui/material';
import { memo } from 'react';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { formatCountdown } from '../../i18n/format';
import type { Translate } from '../../i18n/format';
import type { Locale } from '../../../shared/i18n/labels';
import type { RankedCase } from '../../data/ranking';

export const ROW_HEIGHT = 44;
export const COLUMNS = '64px 150px minmax(150px, 1.2fr) minmax(120px, 1fr) 110px 90px';

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
  now: number;
  selected: boolean;
  pending: boolean;
  assignee: string | null;
  locale: Locale;
  t: Translate;
  onSelect: (id: string) => void;
}

export const WorklistRowView = memo(function WorklistRowView({
  row,
  index,
  top,
  now,
  selected,
  pending,
  assignee,
  locale,
  t,
  onSelect,
}: Props) {
  const { c } = row;
  return (
    <Box
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-case-id={c.id}
      onClick={() => onSelect(c.id)}
      sx={{
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        alignItems: 'center',
        gap: 1,
        px: 1.5,
        cursor: 'pointer',
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: selected ? 'action.selected' : 'background.paper',
        '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
      }}
    >
      <Box role="gridcell">
        <Chip
          label={row.score}
          color={BUCKET_COLOR[row.bucket]}
          variant={row.bucket === 'overdue' ? 'filled' : 'outlined'}
        />
      </Box>
      <Typography
        role="gridcell"
        variant="body2"
        color={row.bucket === 'overdue' ? 'error.main' : 'text.primary'}
        noWrap
      >
        {formatCountdown(c.shipBy, now, t)}
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
        <Typography variant="body2" noWrap color={assignee ? 'text.primary' : 'text.secondary'}>
          {assignee ?? '—'}
        </Typography>
        {pending && <Chip label={t('case.pending')} color="warning" variant="outlined" sx={{ height: 18 }} />}
      </Box>
    </Box>
  );
});

// The handover report itself, as shown on screen and printed: heading, period, and the four parts. On screen
// the rows open their cases; the printed copy has no buttons.
import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import type { Translate } from '../../i18n/format';
import type { DrillTable, DrillTarget } from './dashboard-tables';
import type { HandoverTables } from './handover-tables';
import { ReviewTableView } from './ReviewTableView';

export interface HandoverHeader {
  title: string;
  period: string;
  generated: string;
  cameIn: string;
  closed: string;
  open: string;
}

function Part({
  table,
  summary,
  empty,
  onDrill,
}: {
  table: DrillTable;
  summary?: string;
  empty: string;
  onDrill?: (target: DrillTarget) => void;
}) {
  const id = useId();
  return (
    <Box role="region" aria-labelledby={id} sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 700, mt: 1 }}>
        {table.name}
      </Typography>
      {summary && <Typography variant="body2">{summary}</Typography>}
      {table.rows.length ? (
        <ReviewTableView
          table={table}
          drills={table.drills}
          {...(onDrill ? { onDrill } : {})}
          maxHeight="none"
        />
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {empty}
        </Typography>
      )}
    </Box>
  );
}

export function HandoverDocument({
  header,
  tables,
  t,
  onDrill,
}: {
  header: HandoverHeader;
  tables: HandoverTables;
  t: Translate;
  onDrill?: (target: DrillTarget) => void;
}) {
  const drill = onDrill ? { onDrill } : {};
  return (
    <Box
      component="article"
      aria-label={header.title}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
        {header.title}
      </Typography>
      <Typography variant="body2">{header.period}</Typography>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {header.generated}
      </Typography>
      <Part table={tables.cameIn} summary={header.cameIn} empty={t('handover.noneCame')} {...drill} />
      <Part table={tables.actions} summary={header.closed} empty={t('handover.noActions')} />
      <Part table={tables.stillOpen} summary={header.open} empty={t('handover.noOpen')} {...drill} />
      <Part table={tables.holders} empty={t('handover.noOpen')} />
    </Box>
  );
}

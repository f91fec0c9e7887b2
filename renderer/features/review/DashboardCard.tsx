// One dashboard: its chart, or its table (the same rows the export writes), a switch between the two and the
// export menu. The chart is a picture for sighted mouse users; the table view carries the same figures and the
// drill-down for everyone.
import { Box, Paper, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { DashboardTable, DrillTarget } from './dashboard-tables';
import { ExportMenu } from './ExportMenu';
import { ReviewTableView } from './ReviewTableView';

export function DashboardCard({
  table,
  chart,
  onDrill,
  wide = false,
}: {
  table: DashboardTable;
  chart: ReactNode;
  onDrill: (target: DrillTarget) => void;
  wide?: boolean;
}) {
  const t = useT();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  return (
    <Paper
      variant="outlined"
      role="region"
      aria-label={table.name}
      sx={{
        p: 1.5,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 1,
        gridColumn: wide ? '1 / -1' : 'auto',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, flex: 1, minWidth: 160 }}>
          {table.name}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, v: 'chart' | 'table' | null) => v && setMode(v)}
          aria-label={t('review.show', { title: table.name })}
        >
          <ToggleButton value="chart">{t('review.chart')}</ToggleButton>
          <ToggleButton value="table">{t('review.table')}</ToggleButton>
        </ToggleButtonGroup>
        <ExportMenu title={table.name} build={() => [table]} />
      </Box>
      {mode === 'chart' ? (
        table.rows.length ? (
          chart
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary', py: 2 }}>
            {t('review.empty')}
          </Typography>
        )
      ) : (
        <ReviewTableView table={table} drills={table.drills} onDrill={onDrill} />
      )}
    </Paper>
  );
}

// When cases turn overdue: a weekday × hour grid in the warehouse's time zone, darker for more. A click on a
// cell opens the cases that turned overdue then (MUI X's heat map is not in the MIT package, so it is drawn
// here with a CSS grid).
import { Box, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { MessageKey } from '../../../i18n/messages';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import type { Dashboard } from '../../../../shared/schemas/analytics';
import { ChartFrame } from './chart-frame';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function HeatMap({
  d,
  table,
  onDrill,
}: {
  d: Dashboard;
  table: DashboardTable;
  onDrill: (target: DrillTarget) => void;
}) {
  const t = useT();
  const counts = new Map(d.heatmap.map((h) => [`${h.weekday}-${h.hour}`, h.breaches]));
  const max = Math.max(1, ...d.heatmap.map((h) => h.breaches));
  // Drill targets by cell, from the table (which lists the non-empty cells).
  const drills = new Map<string, DrillTarget>();
  table.drills.forEach((drill) => {
    if (drill?.spec.kind === 'heat') drills.set(`${drill.spec.weekday}-${drill.spec.hour}`, drill);
  });
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: '40px repeat(24, minmax(14px, 1fr))',
          gap: '2px',
          alignItems: 'center',
          fontSize: 11,
        }}
      >
        <span />
        {HOURS.map((h) => (
          <Typography key={h} variant="caption" sx={{ textAlign: 'center', color: 'text.secondary' }}>
            {h % 3 === 0 ? h : ''}
          </Typography>
        ))}
        {DAYS.map((day) => {
          const weekday = t(`weekday.${day}` as MessageKey);
          return [
            <Typography key={`l${day}`} variant="caption" sx={{ color: 'text.secondary' }}>
              {weekday}
            </Typography>,
            ...HOURS.map((hour) => {
              const n = counts.get(`${day}-${hour}`) ?? 0;
              const drill = drills.get(`${day}-${hour}`);
              return (
                <Box
                  key={`${day}-${hour}`}
                  title={t('heat.cell', { weekday, hour, count: n })}
                  onClick={drill ? () => onDrill(drill) : undefined}
                  sx={{
                    height: 22,
                    borderRadius: 0.5,
                    cursor: drill ? 'pointer' : 'default',
                    bgcolor: (theme) =>
                      n
                        ? alpha(theme.palette.error.main, 0.15 + (0.85 * n) / max)
                        : theme.palette.action.hover,
                    '&:hover': drill ? { outline: 2, outlineColor: 'text.primary' } : {},
                  }}
                />
              );
            }),
          ];
        })}
      </Box>
      <Typography variant="caption" sx={{ color: 'text.secondary', mt: 0.5, display: 'block' }}>
        {t('heat.legend', { max })}
      </Typography>
    </ChartFrame>
  );
}

// Overdue rate per day: overdue cases / orders due that day. A click on a day opens that day's overdue cases.
import { useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import type { Dashboard } from '../review-types';
import { ChartFrame, chartLocale } from './chart-frame';

export function OverdueRateChart({
  d,
  table,
  onDrill,
}: {
  d: Dashboard;
  table: DashboardTable;
  onDrill: (target: DrillTarget) => void;
}) {
  const t = useT();
  const theme = useTheme();
  const days = d.overdueRate.map((r) => r.day.slice(5));
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <LineChart
        height={230}
        skipAnimation
        localeText={chartLocale(t)}
        xAxis={[{ scaleType: 'point', data: days }]}
        yAxis={[{ min: 0, valueFormatter: (v: number) => `${v}%`, width: 48 }]}
        series={[
          {
            data: d.overdueRate.map((r) => Math.round(r.rate * 1000) / 10),
            label: t('col.rate'),
            color: theme.palette.error.main,
            area: true,
            // Straight segments: a smoothed curve would draw rates between days that no day had.
            curve: 'linear',
            valueFormatter: (v) => (v === null ? '' : `${v}%`),
          },
        ]}
        sx={{ '& .MuiAreaElement-root': { fillOpacity: 0.15 } }}
        onAxisClick={(_, data) => {
          const drill = data ? table.drills[data.dataIndex] : null;
          if (drill) onDrill(drill);
        }}
      />
    </ChartFrame>
  );
}

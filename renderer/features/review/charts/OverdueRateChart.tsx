// Overdue rate per day: overdue cases / orders due that day. A click on a day opens that day's overdue cases.
import { useTheme } from '@mui/material/styles';
import { LineChart, lineClasses } from '@mui/x-charts';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import type { Dashboard } from '../../../../shared/schemas/analytics';
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
  const labelStep = Math.max(1, Math.ceil(days.length / 10));
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <LineChart
        height={230}
        skipAnimation
        localeText={chartLocale(t)}
        xAxis={[
          {
            scaleType: 'point',
            data: days,
            // Chosen, not 'auto': the automatic thinning measures label text and, depending on when it measured,
            // printed no day at all. About ten labels fit the card; the table view lists every day.
            tickLabelInterval: (_: unknown, i: number) => i % labelStep === 0,
            height: 28,
          },
        ]}
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
        // A light wash under the line, so the line itself carries the rate.
        sx={{ [`& .${lineClasses.area}`]: { fillOpacity: 0.15 } }}
        onAxisClick={(_, data) => {
          const drill = data ? table.drills[data.dataIndex] : null;
          if (drill) onDrill(drill);
        }}
      />
    </ChartFrame>
  );
}

// Platform scores that matter: share of orders shipped within 48 h and picked up within 72 h of payment, per
// platform, against the platform's bar.
import { useTheme } from '@mui/material/styles';
import { BarChart, ChartsReferenceLine } from '@mui/x-charts';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import type { Dashboard } from '../../../../shared/schemas/analytics';
import { ChartFrame, chartLocale } from './chart-frame';

export function ScoresChart({
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
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const threshold = d.platformScores[0]?.threshold ?? 0.95;
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <BarChart
        height={240}
        skipAnimation
        localeText={chartLocale(t)}
        xAxis={[{ scaleType: 'band', data: table.rows.map((r) => String(r[0])) }]}
        yAxis={[{ min: 0, max: 100, width: 44, valueFormatter: (v: number) => `${v}%` }]}
        series={[
          {
            data: d.platformScores.map((s) => pct(s.shippedWithin48h)),
            label: t('col.within48'),
            color: theme.palette.primary.main,
            valueFormatter: (v) => (v === null ? '' : `${v}%`),
          },
          {
            data: d.platformScores.map((s) => pct(s.pickedUpWithin72h)),
            label: t('col.within72'),
            color: theme.palette.success.main,
            valueFormatter: (v) => (v === null ? '' : `${v}%`),
          },
        ]}
        onAxisClick={(_, data) => {
          const drill = data ? table.drills[data.dataIndex] : null;
          if (drill) onDrill(drill);
        }}
      >
        <ChartsReferenceLine
          y={pct(threshold)}
          label={`${t('col.threshold')} ${pct(threshold)}%`}
          lineStyle={{ stroke: theme.palette.error.main, strokeDasharray: '4 3' }}
          labelStyle={{ fill: theme.palette.error.main, fontSize: 11 }}
          labelAlign="start"
        />
      </BarChart>
    </ChartFrame>
  );
}

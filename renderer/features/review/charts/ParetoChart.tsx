// Cause Pareto: cases per cause, most first, with the cumulative share on the right axis.
import { useTheme } from '@mui/material/styles';
import {
  BarPlot,
  ChartsContainer,
  ChartsTooltip,
  ChartsXAxis,
  ChartsYAxis,
  LinePlot,
  MarkPlot,
} from '@mui/x-charts';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import type { Dashboard } from '../../../../shared/schemas/analytics';
import { ChartFrame, chartLocale } from './chart-frame';

export function ParetoChart({
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
  const labels = table.rows.map((r) => String(r[0]));
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <ChartsContainer
        height={250}
        skipAnimation
        localeText={chartLocale(t)}
        margin={{ left: 8, right: 8, top: 16, bottom: 8 }}
        series={[
          {
            type: 'bar',
            data: d.causePareto.map((c) => c.count),
            label: t('col.count'),
            yAxisId: 'count',
            color: theme.palette.primary.main,
          },
          {
            type: 'line',
            data: d.causePareto.map((c) => Math.round(c.cumulative * 1000) / 10),
            label: t('col.cumulative'),
            yAxisId: 'pct',
            color: theme.palette.warning.main,
            valueFormatter: (v) => (v === null ? '' : `${v}%`),
          },
        ]}
        xAxis={[
          {
            id: 'cause',
            scaleType: 'band',
            data: labels,
            height: 56,
            tickLabelStyle: { angle: -30, textAnchor: 'end', fontSize: 11 },
          },
        ]}
        yAxis={[
          { id: 'count', min: 0, width: 36 },
          {
            id: 'pct',
            min: 0,
            max: 100,
            position: 'right',
            width: 44,
            valueFormatter: (v: number) => `${v}%`,
          },
        ]}
      >
        <BarPlot
          onItemClick={(_, item) => {
            const drill = table.drills[item.dataIndex];
            if (drill) onDrill(drill);
          }}
        />
        <LinePlot />
        <MarkPlot />
        <ChartsXAxis axisId="cause" />
        <ChartsYAxis axisId="count" />
        <ChartsYAxis axisId="pct" />
        <ChartsTooltip />
      </ChartsContainer>
    </ChartFrame>
  );
}

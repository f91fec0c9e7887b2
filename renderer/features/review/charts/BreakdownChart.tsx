// Cases by category, platform, courier, region or zone: opened in the period, of which went overdue and
// shipped late. Horizontal bars so long Chinese names stay readable; a click opens that key's cases.
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts';
import { useT } from '../../../i18n/use-t';
import type { DashboardTable, DrillTarget } from '../dashboard-tables';
import { ChartFrame, chartLocale } from './chart-frame';

export function BreakdownChart({
  table,
  onDrill,
}: {
  table: DashboardTable;
  onDrill: (target: DrillTarget) => void;
}) {
  const t = useT();
  const theme = useTheme();
  const rows = table.rows.slice(0, 12);
  const column = (i: number) => rows.map((r) => Number(r[i] ?? 0));
  return (
    <ChartFrame label={`${table.name}（${t('review.chart')}）`}>
      <BarChart
        height={Math.max(180, 64 + rows.length * 30)}
        layout="horizontal"
        skipAnimation
        localeText={chartLocale(t)}
        margin={{ left: 4, right: 12, top: 8, bottom: 4 }}
        yAxis={[{ scaleType: 'band', data: rows.map((r) => String(r[0])), width: 92 }]}
        xAxis={[{ min: 0, height: 24 }]}
        series={[
          { data: column(1), label: t('col.cases'), color: theme.palette.primary.main },
          { data: column(2), label: t('col.overdue'), color: theme.palette.warning.main },
          { data: column(3), label: t('col.late'), color: theme.palette.error.main },
        ]}
        slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
        onAxisClick={(_, data) => {
          const drill = data ? table.drills[data.dataIndex] : null;
          if (drill) onDrill(drill);
        }}
      />
    </ChartFrame>
  );
}

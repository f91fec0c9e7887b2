// The review dashboards (brief F13) for a period: overdue rate over time, cause Pareto, breakdowns, the
// weekday × hour heat map, time to resolve, compensation and penalties, and platform scores. Each card has a
// chart and a table view, exports to CSV/XLSX, and drills into the cases behind a figure.
import RefreshIcon from '@mui/icons-material/Refresh';
import { Box, Button, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { formatDateTime, formatDuration, formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk, type ReviewRange } from '../../state/store';
import { BreakdownChart } from './charts/BreakdownChart';
import { HeatMap } from './charts/HeatMap';
import { OverdueRateChart } from './charts/OverdueRateChart';
import { ParetoChart } from './charts/ParetoChart';
import { ScoresChart } from './charts/ScoresChart';
import { StatTiles } from './charts/StatTiles';
import {
  dashboardTables,
  SCREEN_BREAKDOWNS,
  type DashboardId,
  type DashboardTable,
} from './dashboard-tables';
import { DashboardCard } from './DashboardCard';
import { ExportMenu } from './ExportMenu';
import { reviewPeriod } from './period';
import { useRemote } from './remote';
import { RemoteState } from './RemoteState';
import type { Dashboard } from '../../../shared/schemas/analytics';
import { useDrill } from './use-drill';
import { useWarehouse } from './use-warehouse';

const RANGES: ReviewRange[] = ['today', '7d', '30d'];

export function DashboardsView() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const range = useDesk((s) => s.reviewRange);
  const { store } = useRuntime();
  const warehouse = useWarehouse();
  // "Now" is taken when the range is chosen or refreshed, so the period (and the drill) stay put meanwhile.
  const [stamp, setStamp] = useState(() => store.now());
  const period = useMemo(
    () => reviewPeriod(range, stamp, warehouse.timeZone),
    [range, stamp, warehouse.timeZone],
  );
  const remote = useRemote<Dashboard>(
    warehouse.id
      ? `/api/warehouses/${encodeURIComponent(warehouse.id)}/analytics?from=${period.from}&to=${period.to}`
      : null,
  );
  const d = remote.data;
  const drillPeriod = useMemo(() => (d ? { from: d.period.from, to: d.period.to } : null), [d]);
  const onDrill = useDrill(drillPeriod);
  const tables = useMemo(() => (d ? dashboardTables(d, { t, locale }) : []), [d, t, locale]);
  const byId = new Map<DashboardId, DashboardTable>(tables.map((x) => [x.id, x]));
  const card = (id: DashboardId, chart: (table: DashboardTable) => React.ReactNode, wide = false) => {
    const table = byId.get(id);
    return table ? (
      <DashboardCard key={id} table={table} chart={chart(table)} onDrill={onDrill} wide={wide} />
    ) : null;
  };
  const tz = warehouse.timeZone;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={range}
          aria-label={t('review.range')}
          onChange={(_, v: ReviewRange | null) => {
            if (!v) return;
            useDesk.getState().setReview({ reviewRange: v });
            setStamp(store.now());
          }}
        >
          {RANGES.map((r) => (
            <ToggleButton key={r} value={r}>
              {t(`review.range.${r}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('review.period', {
            from: formatDateTime(period.from, locale, tz),
            to: formatDateTime(period.to, locale, tz),
          })}
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => setStamp(store.now())}>
          {t('remote.refresh')}
        </Button>
        <Box sx={{ ml: 'auto' }}>
          {tables.length > 0 && (
            <ExportMenu
              title={t('review.allTitle')}
              label={t('review.exportAll')}
              kinds={['xlsx']}
              build={() => tables}
            />
          )}
        </Box>
      </Box>
      <RemoteState remote={remote} />
      {d && (
        <>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('review.chartHint')}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(520px, 1fr))',
              // Cards keep their own height: the tiles do not stretch to a neighbouring chart's.
              alignItems: 'start',
              gap: 1.5,
            }}
          >
            {card('overdueRate', (table) => (
              <OverdueRateChart d={d} table={table} onDrill={onDrill} />
            ))}
            {card('causes', (table) => (
              <ParetoChart d={d} table={table} onDrill={onDrill} />
            ))}
            {card(
              'heatmap',
              (table) => (
                <HeatMap d={d} table={table} onDrill={onDrill} />
              ),
              true,
            )}
            {SCREEN_BREAKDOWNS.map((dimension) =>
              card(`by.${dimension}`, (table) => <BreakdownChart table={table} onDrill={onDrill} />),
            )}
            {card('resolve', (table) => (
              <StatTiles
                onDrill={onDrill}
                tiles={[
                  {
                    label: t('resolve.median'),
                    value:
                      d.timeToResolve.medianMinutes === null
                        ? '—'
                        : formatDuration(d.timeToResolve.medianMinutes * 60_000, t),
                  },
                  {
                    label: t('resolve.p90'),
                    value:
                      d.timeToResolve.p90Minutes === null
                        ? '—'
                        : formatDuration(d.timeToResolve.p90Minutes * 60_000, t),
                    tone: 'warning',
                  },
                  {
                    label: t('resolve.cases'),
                    value: String(d.timeToResolve.cases),
                    drill: table.drills[0] ?? null,
                  },
                ]}
              />
            ))}
            {card('money', (table) => {
              const last = table.drills.length;
              return (
                <StatTiles
                  onDrill={onDrill}
                  tiles={[
                    {
                      label: t('money.avoided'),
                      value: formatMoney(d.penalties.avoidedFen, locale),
                      tone: 'success',
                      drill: table.drills[last - 2] ?? null,
                    },
                    {
                      label: t('money.incurred'),
                      value: formatMoney(d.penalties.incurredFen, locale),
                      tone: 'error',
                      drill: table.drills[last - 1] ?? null,
                    },
                    { label: t('money.approved'), value: formatMoney(d.compensation.approvedFen, locale) },
                    {
                      label: t('money.pending'),
                      value: formatMoney(d.compensation.pendingFen, locale),
                      tone: 'warning',
                    },
                  ]}
                />
              );
            })}
            {card(
              'scores',
              (table) => (
                <ScoresChart d={d} table={table} onDrill={onDrill} />
              ),
              true,
            )}
          </Box>
        </>
      )}
    </Box>
  );
}

// Per zone and horizon: orders reaching their deadline, the backlog still to pick, what the zone's pickers can
// pick in that time, and how many of the due orders are expected to breach. Numbers as the server computed them.
import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Forecast } from '../../../shared/rules/forecast';
import type { Courier } from '../../../shared/schemas/directory';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { DepotChip, useCutoffText } from '../courier/DepotChip';
import { totalRow, type ZoneRow } from './forecast-model';

const METRICS = ['due', 'backlog', 'capacity', 'breaches'] as const;

export function ZoneTable({
  rows,
  forecast,
  couriers,
  timeZone,
}: {
  rows: readonly ZoneRow[];
  forecast: Forecast;
  couriers: readonly Courier[];
  timeZone: string;
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const cutoffText = useCutoffText();
  const num = (n: number | null) => (n === null ? '—' : n.toLocaleString(locale));
  const rate = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  const totals = totalRow(forecast);
  const hours = forecast.horizonsHours;
  // A column group per horizon; the breaches column is shaded so the eye finds "how bad" first.
  const groupStart = { borderLeft: 1, borderColor: 'divider' } as const;
  return (
    <Paper variant="outlined" component="section" aria-label={t('forecast.zones')}>
      <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5 }}>
        {t('forecast.zones')}
      </Typography>
      <TableContainer>
        <Table
          size="small"
          aria-label={t('forecast.zones')}
          sx={{ '& th, & td': { whiteSpace: 'nowrap', px: 1 } }}
        >
          <TableHead>
            <TableRow>
              <TableCell rowSpan={2}>{t('forecast.zone')}</TableCell>
              <TableCell rowSpan={2} align="right">
                {t('forecast.staff')}
              </TableCell>
              <TableCell rowSpan={2} align="right">
                {t('forecast.rate')}
              </TableCell>
              <TableCell rowSpan={2} align="right">
                {t('forecast.open')}
              </TableCell>
              <TableCell rowSpan={2} align="right">
                {t('forecast.overdueNow')}
              </TableCell>
              {hours.map((h) => (
                <TableCell key={h} colSpan={METRICS.length} align="center" sx={groupStart}>
                  {t('forecast.horizon', { h })}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              {hours.map((h) =>
                METRICS.map((m, i) => (
                  <TableCell key={`${h}-${m}`} align="right" sx={i === 0 ? groupStart : undefined}>
                    {t(`forecast.${m}`)}
                  </TableCell>
                )),
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.zoneId ?? 'none'} aria-label={row.label} data-zone-id={row.zoneId ?? ''}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                <TableCell align="right">
                  {row.zoneId === null ? '—' : `${num(row.pickersOnShift)} / ${num(row.pickersAbsent)}`}
                </TableCell>
                <TableCell align="right">{row.zoneId === null ? '—' : rate(row.ratePerPickerHour)}</TableCell>
                <TableCell align="right">{num(row.open)}</TableCell>
                <TableCell align="right">{num(row.overdue)}</TableCell>
                {row.horizons.map((f) => {
                  const short = f.capacity !== null && f.backlog > f.capacity;
                  return METRICS.map((m, i) => {
                    const value =
                      m === 'due'
                        ? f.due
                        : m === 'backlog'
                          ? f.backlog
                          : m === 'capacity'
                            ? f.capacity
                            : f.expectedBreaches;
                    return (
                      <TableCell
                        key={`${f.hours}-${m}`}
                        align="right"
                        data-metric={`${m}-${f.hours}`}
                        title={t('forecast.cell', {
                          zone: row.label,
                          h: f.hours,
                          due: num(f.due),
                          backlog: num(f.backlog),
                          capacity: num(f.capacity),
                          breaches: num(f.expectedBreaches),
                        })}
                        sx={{
                          ...(i === 0 ? groupStart : {}),
                          ...(m === 'backlog' && short ? { color: 'warning.main', fontWeight: 600 } : {}),
                          ...(m === 'breaches' && f.expectedBreaches > 0
                            ? { color: 'error.main', fontWeight: 600 }
                            : {}),
                        }}
                      >
                        {num(value)}
                      </TableCell>
                    );
                  });
                })}
              </TableRow>
            ))}
            <TableRow aria-label={t('forecast.total')}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                {t('forecast.total')}
              </TableCell>
              <TableCell colSpan={4} />
              {hours.map((h) => {
                const total = totals.get(h);
                return METRICS.map((m, i) => (
                  <TableCell
                    key={`${h}-${m}`}
                    align="right"
                    data-metric={`${m}-${h}`}
                    sx={{ fontWeight: 600, ...(i === 0 ? groupStart : {}) }}
                  >
                    {m === 'due'
                      ? num(total?.due ?? 0)
                      : m === 'breaches'
                        ? num(total?.expectedBreaches ?? 0)
                        : ''}
                  </TableCell>
                ));
              })}
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
      {couriers.length > 0 && (
        <Box
          component="ul"
          aria-label={t('forecast.cutoffs')}
          sx={{ listStyle: 'none', m: 0, px: 2, py: 1, display: 'flex', flexWrap: 'wrap', gap: 2 }}
        >
          {couriers.map((c) => (
            <Box component="li" key={c.id} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body2">
                {t('forecast.pickup', { carrier: c.carrier, next: cutoffText(c, timeZone) })}
              </Typography>
              {c.status !== 'normal' && <DepotChip status={c.status} />}
            </Box>
          ))}
        </Box>
      )}
      <Typography variant="caption" color="textSecondary" component="p" sx={{ px: 2, pb: 1 }}>
        {t('forecast.capacityHelp')}
      </Typography>
    </Paper>
  );
}

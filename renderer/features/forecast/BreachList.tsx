// The orders expected to breach, soonest deadline first, with the reason in words; an order with a case opens it
// in the worklist (the case panel beside it), so the coordinator acts where they always do.
import {
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
  Box,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { BreachReason, ExpectedBreach } from '../../../shared/rules/forecast';
import type { CaseView } from '../../../shared/schemas/case';
import { formatDateTime, formatDuration } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { breachesWithin } from './forecast-model';

/** Rows drawn at once: the list is for acting on the first ones; the counts above say how many there are. */
export const MAX_BREACH_ROWS = 200;

const REASON_COLOR: Record<BreachReason, 'error' | 'warning' | 'info' | 'secondary'> = {
  zone_backlog: 'error',
  picker_absent: 'warning',
  missed_cutoff: 'info',
  risk_flag: 'secondary',
};

export function BreachList({
  breaches,
  horizons,
  byOrder,
  zoneLabel,
  courierLabel,
  timeZone,
  flagName,
  onOpen,
}: {
  breaches: readonly ExpectedBreach[];
  horizons: readonly number[];
  byOrder: ReadonlyMap<string, CaseView>;
  zoneLabel: (zoneId: string | null) => string;
  courierLabel: (courierId: string | null) => string;
  timeZone: string;
  /** A risk flag's name from its id (the flags behind a `risk_flag` breach). */
  flagName: (flagId: string) => string;
  onOpen: (c: CaseView) => void;
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const [within, setWithin] = useState<number | null>(null);
  const shown = useMemo(() => breachesWithin(breaches, within), [breaches, within]);
  return (
    <Paper variant="outlined" component="section" aria-label={t('forecast.breachList')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 2, pt: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3">
          {t('forecast.breachList')} · {shown.length.toLocaleString(locale)}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={within ?? 'all'}
          aria-label={t('forecast.window')}
          onChange={(_, v: number | 'all' | null) => v !== null && setWithin(v === 'all' ? null : v)}
        >
          <ToggleButton value="all">{t('forecast.all')}</ToggleButton>
          {horizons.map((h) => (
            <ToggleButton key={h} value={h}>
              {t('forecast.horizon', { h })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {shown.length === 0 ? (
        <Typography color="textSecondary" sx={{ p: 2 }}>
          {t('forecast.none')}
        </Typography>
      ) : (
        <TableContainer sx={{ maxHeight: 480 }}>
          <Table
            size="small"
            stickyHeader
            aria-label={t('forecast.breachList')}
            sx={{ '& th, & td': { whiteSpace: 'nowrap', px: 1 } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('forecast.order')}</TableCell>
                <TableCell>{t('forecast.zone')}</TableCell>
                <TableCell>{t('forecast.courier')}</TableCell>
                <TableCell>{t('forecast.region')}</TableCell>
                <TableCell>{t('forecast.stage')}</TableCell>
                <TableCell>{t('forecast.shipBy')}</TableCell>
                <TableCell>{t('forecast.reason')}</TableCell>
                <TableCell>{t('forecast.expectedHandover')}</TableCell>
                <TableCell align="right">{t('forecast.lateBy')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.slice(0, MAX_BREACH_ROWS).map((b) => {
                const c = byOrder.get(b.orderId);
                const orderNo = c?.platformOrderId ?? b.orderId;
                return (
                  <TableRow key={b.orderId} data-order-id={b.orderId} aria-label={orderNo}>
                    <TableCell>
                      {c ? (
                        <Button
                          size="small"
                          sx={{ textTransform: 'none', p: 0, minWidth: 0 }}
                          aria-label={t('forecast.openCase', { order: orderNo })}
                          onClick={() => onOpen(c)}
                        >
                          {orderNo}
                        </Button>
                      ) : (
                        <Tooltip title={t('forecast.noCase')}>
                          <Typography variant="body2" color="textSecondary" component="span">
                            {orderNo}
                          </Typography>
                        </Tooltip>
                      )}
                    </TableCell>
                    <TableCell>{zoneLabel(b.zoneId)}</TableCell>
                    <TableCell>{courierLabel(b.courierId)}</TableCell>
                    <TableCell>{b.region}</TableCell>
                    <TableCell>{t(`forecast.stage.${b.stage}`)}</TableCell>
                    <TableCell>{formatDateTime(b.shipBy, locale, timeZone)}</TableCell>
                    <TableCell>
                      <Tooltip
                        title={[t(`forecast.why.${b.reason}`), ...b.riskFlagIds.map(flagName)].join(
                          t('forecast.listSep'),
                        )}
                      >
                        <Chip
                          size="small"
                          color={REASON_COLOR[b.reason]}
                          variant="outlined"
                          label={t(`forecast.reason.${b.reason}`)}
                        />
                      </Tooltip>
                    </TableCell>
                    <TableCell>
                      {b.expectedHandoverAt === null
                        ? '—'
                        : formatDateTime(b.expectedHandoverAt, locale, timeZone)}
                    </TableCell>
                    <TableCell align="right">
                      {b.expectedLateMinutes === null
                        ? t('forecast.lateUnknown')
                        : formatDuration(b.expectedLateMinutes * 60_000, t)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {shown.length > MAX_BREACH_ROWS && (
        <Typography variant="caption" color="textSecondary" component="p" sx={{ px: 2, py: 1 }}>
          {t('forecast.firstRows', { shown: MAX_BREACH_ROWS, count: shown.length.toLocaleString(locale) })}
        </Typography>
      )}
    </Paper>
  );
}

// Overflow assignment (brief F15): in a surge the lead lets the server hand each new case to the coordinator on
// shift with the fewest open cases (server/analytics/overflow.ts). The lead switches it here, sets the other
// warehouse setting (the compensation approval limit), and sees each coordinator's load and shift as the
// server counts them.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  IconButton,
  LinearProgress,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import type { CoordinatorLoadReply, WarehouseSettings } from '../../../shared/schemas/surge';
import { useDataVersion } from '../../data/hooks';
import { formatDateTime, formatMoney, formatTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { RemoteError, useRemote, useServer } from '../review/remote';
import { RemoteState } from '../review/RemoteState';
import { formatNumber, paths } from './api';

/** At most one reload of the load table per this long while synced changes keep arriving (a surge). */
const RELOAD_EVERY_MS = 5_000;

/**
 * Reloads when the synced data changes (cases assigned, claimed, closed reach this desk), throttled: during a
 * surge changes arrive continuously, and a debounce would never fire.
 */
function useReloadOnSync(reload: () => void) {
  const version = useDataVersion();
  const last = useRef(0);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const wait = Math.max(0, last.current + RELOAD_EVERY_MS - Date.now());
    const id = setTimeout(() => {
      last.current = Date.now();
      reload();
    }, wait);
    return () => clearTimeout(id);
  }, [version, reload]);
}

export function OverflowCard({
  warehouseId,
  canEdit,
  timeZone,
}: {
  warehouseId: string;
  canEdit: boolean;
  timeZone: string;
}) {
  const t = useT();
  const send = useServer();
  const locale = useDesk((s) => s.locale);
  const settings = useRemote<WarehouseSettings>(warehouseId ? paths.settings(warehouseId) : null);
  const load = useRemote<CoordinatorLoadReply>(warehouseId && canEdit ? paths.load(warehouseId) : null);
  useReloadOnSync(load.reload);
  const [limitText, setLimitText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const put = async (body: Partial<WarehouseSettings>): Promise<WarehouseSettings | null> => {
    setBusy(true);
    try {
      const r = await send<WarehouseSettings>('PUT', paths.settings(warehouseId), body);
      settings.reload();
      load.reload();
      return r;
    } catch (err) {
      useDesk.getState().showToast({
        text: t('remote.error', { message: err instanceof RemoteError ? err.message : String(err) }),
        severity: 'error',
      });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (on: boolean) => {
    const r = await put({ autoAssign: on });
    if (r)
      useDesk.getState().showToast({
        text: t(r.autoAssign ? 'surge.overflow.on' : 'surge.overflow.off'),
        severity: 'success',
      });
  };

  const limitShown = limitText ?? (settings.data ? String(settings.data.compensationLimitFen / 100) : '');
  const limitYuan = Number(limitShown);
  const limitValid = limitShown.trim() !== '' && Number.isFinite(limitYuan) && limitYuan >= 0;
  const saveLimit = async () => {
    if (!limitValid) return;
    const r = await put({ compensationLimitFen: Math.round(limitYuan * 100) });
    if (r) {
      setLimitText(null);
      useDesk.getState().showToast({
        text: t('surge.limit.saved', { amount: formatMoney(r.compensationLimitFen, locale) }),
        severity: 'success',
      });
    }
  };

  const coordinators = load.data?.coordinators ?? [];
  const maxLoad = Math.max(1, ...coordinators.map((c) => c.load));

  return (
    <Paper variant="outlined" component="section" aria-label={t('surge.overflow')} sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {t('surge.overflow')}
      </Typography>
      <RemoteState remote={settings} />
      {settings.data && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <FormControlLabel
            control={
              <Switch
                checked={settings.data.autoAssign}
                disabled={!canEdit || busy}
                onChange={(e) => void toggle(e.target.checked)}
              />
            }
            label={t('surge.overflow.toggle')}
          />
          <Typography variant="body2" color="text.secondary">
            {t('surge.overflow.help')}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap' }}>
            <TextField
              size="small"
              type="number"
              label={t('surge.limit')}
              value={limitShown}
              disabled={!canEdit}
              onChange={(e) => setLimitText(e.target.value)}
              error={!limitValid}
              helperText={limitValid ? t('surge.limit.help') : t('surge.limit.invalid')}
              slotProps={{ htmlInput: { min: 0, step: 'any' } }}
            />
            {canEdit && (
              <Button
                variant="outlined"
                onClick={() => void saveLimit()}
                disabled={busy || !limitValid || limitText === null}
              >
                {t('surge.limit.save')}
              </Button>
            )}
          </Box>
          {!canEdit && <Alert severity="info">{t('surge.leadOnly')}</Alert>}
        </Box>
      )}
      {canEdit && (
        <Box component="section" aria-label={t('surge.load')} sx={{ mt: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="subtitle2" component="h4" sx={{ flex: 1 }}>
              {t('surge.load')}
            </Typography>
            {load.loadedAt !== null && (
              <Typography variant="caption" color="text.secondary">
                {t('remote.updated', { time: formatTime(load.loadedAt, locale, timeZone) })}
              </Typography>
            )}
            <Tooltip title={t('remote.refresh')}>
              <IconButton size="small" aria-label={t('remote.refresh')} onClick={load.reload}>
                <RefreshIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Box>
          <RemoteState remote={load} />
          {load.data && (
            <>
              <Typography variant="body2" sx={{ my: 0.5 }} data-testid="surge-unassigned">
                {t('surge.load.unassigned', { count: formatNumber(load.data.unassignedOpen, locale) })}
              </Typography>
              {coordinators.length === 0 ? (
                <Alert severity="info">{t('surge.load.none')}</Alert>
              ) : (
                <Table size="small" aria-label={t('surge.load')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('surge.load.name')}</TableCell>
                      <TableCell align="right">{t('surge.load.open')}</TableCell>
                      <TableCell sx={{ width: '30%' }} />
                      <TableCell>{t('surge.load.shift')}</TableCell>
                      <TableCell>{t('surge.load.lastSeen')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {coordinators.map((c) => (
                      <TableRow key={c.id} data-user-id={c.id}>
                        <TableCell>{c.displayName}</TableCell>
                        <TableCell align="right" data-testid="load-count">
                          {formatNumber(c.load, locale)}
                        </TableCell>
                        <TableCell>
                          <LinearProgress
                            variant="determinate"
                            value={(c.load / maxLoad) * 100}
                            aria-label={t('surge.load.cases', { count: c.load })}
                          />
                        </TableCell>
                        <TableCell>
                          <Chip
                            size="small"
                            color={c.onShift ? 'success' : 'default'}
                            label={c.onShift ? t('surge.load.onShift') : t('surge.load.offShift')}
                          />
                        </TableCell>
                        <TableCell>
                          {c.lastSeenAt === null
                            ? t('surge.load.never')
                            : formatDateTime(c.lastSeenAt, locale, timeZone)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          )}
        </Box>
      )}
    </Paper>
  );
}

// The warehouse's risk flags: everyone sees them (they explain why cases rose), a lead sets, imports and lifts
// them. The list is the synced one, so it shows what every desk's ranking is weighing right now.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Box,
  Button,
  Chip,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Paper,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { useRuntime } from '../../app/runtime-context';
import { useDirectory, useServerNow } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { RemoteError, useServer } from '../review/remote';
import { currentFlags, flagName } from './risk-model';
import { RiskFlagDialog } from './RiskFlagDialog';
import { RiskImportDialog } from './RiskImportDialog';
import { useRiskFlags } from './use-risk-flags';

export function RiskFlagsPanel({
  warehouseId,
  timeZone,
  lead,
  onChanged,
}: {
  warehouseId: string;
  timeZone: string;
  lead: boolean;
  /** After a flag is set, imported or lifted (the forecast depends on them). */
  onChanged: () => void;
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { engine } = useRuntime();
  const send = useServer();
  const now = useServerNow(30_000);
  const directory = useDirectory();
  const all = useRiskFlags();
  const flags = useMemo(() => currentFlags(all, now), [all, now]);
  const couriers = useMemo(
    () => [...directory.courier.values()].filter((c) => c.warehouseId === warehouseId),
    [directory, warehouseId],
  );
  const courierName = (id: string) => directory.courier.get(id)?.carrier;
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const toast = useDesk.getState().showToast;

  // The server's write reaches this desk by sync; asking for it now shows the change without waiting for the
  // next poke.
  const changed = () => {
    engine.trigger();
    onChanged();
  };

  const lift = async (flag: RiskFlag) => {
    const name = flagName(flag, courierName, t);
    try {
      await send('DELETE', `/api/warehouses/${warehouseId}/risk-flags/${flag.id}`);
      toast({ text: t('risk.deleted', { name }), severity: 'success' });
      changed();
    } catch (err) {
      toast({
        text: err instanceof RemoteError && err.offline ? t('remote.offline') : (err as Error).message,
        severity: 'error',
      });
    }
  };

  const fmt = (ms: number) => formatDateTime(ms, locale, timeZone);
  return (
    <Paper variant="outlined" component="section" aria-label={t('risk.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3">
          {t('risk.title')}
        </Typography>
        {lead ? (
          <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
            <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
              {t('risk.add')}
            </Button>
            <Button size="small" startIcon={<UploadIcon />} onClick={() => setImporting(true)}>
              {t('risk.import')}
            </Button>
          </Box>
        ) : (
          <Typography variant="caption" color="textSecondary" sx={{ ml: 'auto' }}>
            {t('risk.leadOnly')}
          </Typography>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary" sx={{ px: 2 }}>
        {t('risk.intro')}
      </Typography>
      {flags.length === 0 ? (
        <Typography color="textSecondary" sx={{ p: 2 }}>
          {t('risk.none')}
        </Typography>
      ) : (
        <List dense aria-label={t('risk.title')}>
          {flags.map((flag) => {
            const name = flagName(flag, courierName, t);
            const active = flag.startsAt <= now;
            return (
              <ListItem
                key={flag.id}
                aria-label={name}
                data-flag-id={flag.id}
                divider
                secondaryAction={
                  lead ? (
                    <Tooltip title={t('risk.delete', { name })}>
                      <IconButton
                        edge="end"
                        aria-label={t('risk.delete', { name })}
                        onClick={() => void lift(flag)}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Tooltip>
                  ) : undefined
                }
              >
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      {name}
                      <Chip
                        size="small"
                        color={active ? 'warning' : 'default'}
                        label={active ? t('risk.active') : t('risk.upcoming')}
                      />
                      <Chip size="small" variant="outlined" label={t('risk.plus', { points: flag.points })} />
                    </Box>
                  }
                  secondary={
                    t('risk.window', { from: fmt(flag.startsAt), to: fmt(flag.endsAt) }) +
                    (flag.note ? ` · ${flag.note}` : '')
                  }
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {lead && adding && (
        <RiskFlagDialog
          open
          warehouseId={warehouseId}
          timeZone={timeZone}
          couriers={couriers}
          now={now}
          onClose={() => setAdding(false)}
          onSaved={(flag) => {
            setAdding(false);
            toast({ text: t('risk.added', { name: flagName(flag, courierName, t) }), severity: 'success' });
            changed();
          }}
        />
      )}
      {lead && importing && (
        <RiskImportDialog
          open
          warehouseId={warehouseId}
          onClose={() => setImporting(false)}
          onImported={(result) => result.stored.length > 0 && changed()}
        />
      )}
    </Paper>
  );
}

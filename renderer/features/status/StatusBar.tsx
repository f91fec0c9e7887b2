// Always visible: online / offline / syncing, how many actions wait for the server, and the last good sync.
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Box, Button, Chip, Typography } from '@mui/material';
import { OutboxPanel } from '../outbox/OutboxPanel';
import type { MessageKey } from '../../i18n/messages';
import { formatTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { useRuntime } from '../../app/runtime-context';
import { useDataVersion } from '../../data/hooks';

const PHASE_LABEL: Record<string, MessageKey> = {
  idle: 'sync.online',
  syncing: 'sync.syncing',
  offline: 'sync.offline',
  backoff: 'sync.backoff',
  auth: 'sync.auth',
  error: 'sync.error',
};

export function StatusBar() {
  const t = useT();
  const sync = useDesk((s) => s.sync);
  const locale = useDesk((s) => s.locale);
  const phase = sync?.phase ?? 'idle';
  const icon =
    phase === 'offline' ? (
      <CloudOffIcon />
    ) : phase === 'syncing' ? (
      <SyncIcon />
    ) : phase === 'idle' ? (
      <CloudDoneIcon />
    ) : (
      <WarningIcon />
    );
  const color =
    phase === 'idle' ? 'success' : phase === 'syncing' ? 'info' : phase === 'offline' ? 'default' : 'warning';
  const { store } = useRuntime();
  const outboxOpen = useDesk((s) => s.outboxOpen);
  const setOutboxOpen = useDesk((s) => s.setOutboxOpen);
  useDataVersion();
  const pending = store.memory.pendingCount;
  return (
    <Box
      component="footer"
      role="status"
      aria-label="sync status"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        px: 2,
        py: 0.5,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Chip
        icon={icon}
        color={color}
        label={t(PHASE_LABEL[phase] ?? 'sync.online')}
        data-phase={phase}
        variant="outlined"
      />
      <Button size="small" color="inherit" onClick={() => setOutboxOpen(true)} aria-label={t('outbox.open')}>
        <Typography variant="body2" data-testid="pending-count" data-count={pending}>
          {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSynced')}
        </Typography>
      </Button>
      <OutboxPanel open={outboxOpen} onClose={() => setOutboxOpen(false)} />
      <Typography variant="body2" sx={{ color: 'text.secondary', ml: 'auto' }}>
        {sync?.lastSyncAt
          ? t('sync.lastSync', { time: formatTime(sync.lastSyncAt, locale) })
          : t('sync.never')}
      </Typography>
      {sync?.lastError && phase !== 'idle' && (
        <Typography
          variant="body2"
          title={sync.lastError}
          noWrap
          sx={{ color: 'warning.main', maxWidth: 360 }}
        >
          {sync.lastError}
        </Typography>
      )}
    </Box>
  );
}

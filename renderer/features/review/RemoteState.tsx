// Loading and failure states of a server-computed area, with a retry.
import { Alert, Button, LinearProgress } from '@mui/material';
import { useT } from '../../i18n/use-t';
import type { Remote } from './remote';

export function RemoteState({ remote }: { remote: Remote<unknown> }) {
  const t = useT();
  if (remote.error)
    return (
      <Alert
        severity={remote.error.offline ? 'warning' : 'error'}
        action={
          <Button color="inherit" onClick={remote.reload}>
            {t('remote.retry')}
          </Button>
        }
      >
        {remote.error.offline ? t('remote.offline') : t('remote.error', { message: remote.error.message })}
      </Alert>
    );
  return remote.loading ? <LinearProgress aria-label={t('remote.loading')} /> : null;
}

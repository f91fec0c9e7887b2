// Shown while cases are ticked (W3): how many, claim them all, (leads) put a picker on them, or clear.
import { Box, Button, Toolbar, Typography } from '@mui/material';
import { useState } from 'react';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { claimChecked } from './bulk-claim';

export function BulkBar() {
  const t = useT();
  const { store, user } = useRuntime();
  const count = useDesk((s) => s.checkedIds.size);
  const [busy, setBusy] = useState(false);
  if (count === 0) return null;
  const actor = actorOf(user);

  const claim = async () => {
    setBusy(true);
    try {
      await claimChecked(store, actor);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Toolbar
      variant="dense"
      role="toolbar"
      aria-label={t('bulk.label')}
      sx={{ gap: 1, bgcolor: 'action.selected', borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600 }} aria-live="polite">
        {t('bulk.selected', { count })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, ml: 2 }}>
        <Button variant="contained" disabled={busy} onClick={() => void claim()}>
          {t('bulk.claim')}
        </Button>
        {canOverride(actor) && (
          <Button variant="outlined" onClick={() => useDesk.getState().openDialog('assignPicker')}>
            {t('bulk.assignPicker')}
          </Button>
        )}
        <Button onClick={() => useDesk.getState().setChecked(new Set(), null)}>{t('bulk.clear')}</Button>
      </Box>
    </Toolbar>
  );
}

import { Box, Button } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

/** The case's own actions: claim or release, agree a delay, resolve; a lead may also hand it to a colleague. */
export function CaseActions({ c }: { c: CaseView }) {
  const t = useT();
  const { store, user } = useRuntime();
  const setDialog = useDesk((s) => s.openDialog);
  if (c.status !== 'open') return null;
  const mine = c.assigneeId === user.id;
  const lead = canOverride(actorOf(user));
  return (
    <Box sx={{ ml: 'auto', display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {!mine && (
        <Button
          variant="contained"
          onClick={() => void store.enqueue('claimCase', { caseId: c.id, baseVersion: c.version })}
        >
          {t('case.claim')}
        </Button>
      )}
      {mine && (
        <Button variant="outlined" onClick={() => void store.enqueue('releaseCase', { caseId: c.id })}>
          {t('case.release')}
        </Button>
      )}
      {lead && (
        <Button variant="outlined" onClick={() => setDialog('reassign')}>
          {t('reassign.open')}
        </Button>
      )}
      <Button variant="outlined" onClick={() => setDialog('delay')}>
        {t('case.agreeDelay')}
      </Button>
      <Button variant="outlined" color="success" onClick={() => setDialog('resolve')}>
        {t('case.resolve')}
      </Button>
    </Box>
  );
}

import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { useRuntime } from '../../app/runtime-context';
import { useDerived } from '../../data/hooks';
import { useT } from '../../i18n/use-t';

/** A lead hands the case to a colleague of the warehouse (reassignCase; the server refuses anyone else). */
export function ReassignDialog({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const people = useDerived(
    () =>
      [...store.memory.directory.person.values()]
        .filter((p) => p.warehouseId === c.warehouseId && p.id !== c.assigneeId)
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
    [store, c.warehouseId, c.assigneeId],
  );
  const [assigneeId, setAssigneeId] = useState(people[0]?.id ?? '');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="reassign-title">
      <DialogTitle id="reassign-title">{t('reassign.title')}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <TextField
          select
          fullWidth
          label={t('reassign.to')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('resolve.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!assigneeId}
          onClick={() => {
            onClose();
            void store.enqueue('reassignCase', { caseId: c.id, assigneeId, baseVersion: c.version });
          }}
        >
          {t('reassign.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

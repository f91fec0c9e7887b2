import { Checkbox, Tooltip } from '@mui/material';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

/** Adds the open case to the multi-selection (the same `checkedIds` the worklist's tick boxes use). */
export function CaseTick({ caseId }: { caseId: string }) {
  const t = useT();
  const checked = useDesk((s) => s.checkedIds.has(caseId));
  const toggle = () => {
    const next = new Set(useDesk.getState().checkedIds);
    if (next.has(caseId)) next.delete(caseId);
    else next.add(caseId);
    useDesk.getState().setChecked(next);
  };
  return (
    <Tooltip title={t('caseTick.label')}>
      <Checkbox
        size="small"
        checked={checked}
        onChange={toggle}
        slotProps={{ input: { 'aria-label': t('caseTick.label') } }}
      />
    </Tooltip>
  );
}

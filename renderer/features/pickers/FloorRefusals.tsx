import { Alert, Button } from '@mui/material';
import { useRuntime } from '../../app/runtime-context';
import { useDerived, usePersonName } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { refusalText } from '../case/refusal-text';

/** Refused floor actions (they target pickers, so no case panel shows them). */
export function FloorRefusals() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const nameOf = usePersonName();
  const refused = useDerived(
    () => store.memory.outbox.filter((e) => e.target === 'picker' && e.status === 'refused'),
    [store],
  );
  return refused.map((entry) => (
    <Alert
      key={entry.id}
      severity="error"
      action={
        <Button color="inherit" onClick={() => void store.discard(entry.id)}>
          {t('refusal.discard')}
        </Button>
      }
    >
      {store.memory.pickerView(entry.targetId)?.name ?? entry.targetId}
      {t('punct.colon')}
      {entry.refusal ? refusalText(entry.refusal, t, nameOf, locale) : ''}
    </Alert>
  ));
}

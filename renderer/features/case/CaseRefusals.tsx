import { Alert, Button } from '@mui/material';
import { useRuntime } from '../../app/runtime-context';
import { usePersonName } from '../../data/hooks';
import type { OutboxEntry } from '../../data/outbox-entry';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { ACTION_LABEL } from '../outbox/OutboxPanel';
import { refusalText } from './refusal-text';

/** Refused actions on this case, in plain words, until the user dismisses them (they stay in the outbox too). */
export function CaseRefusals({ entries }: { entries: readonly OutboxEntry[] }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const nameOf = usePersonName();
  return entries.map((entry) => (
    <Alert
      key={entry.id}
      severity="error"
      action={
        <Button color="inherit" onClick={() => void store.discard(entry.id)}>
          {t('refusal.discard')}
        </Button>
      }
    >
      {t('case.refused')}（{t(ACTION_LABEL[entry.name])}）{t('punct.colon')}
      {entry.refusal ? refusalText(entry.refusal, t, nameOf, locale) : ''}
    </Alert>
  ));
}

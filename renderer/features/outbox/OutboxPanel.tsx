// The outbox the user can see (F11): every action with its case, time and state: pending, applied, or refused
// with the reason in plain words. A refused action can be edited and retried, or discarded; for a lead, retrying
// a claim someone else holds is an explicit take-over.
import {
  Alert,
  Box,
  Button,
  Chip,
  Drawer,
  IconButton,
  List,
  ListItem,
  TextField,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useState } from 'react';
import type { MutatorArgs, MutatorName } from '../../../shared/mutators/registry';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import { useDerived, usePersonName } from '../../data/hooks';
import type { OutboxEntry } from '../../data/outbox-entry';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { refusalText } from '../case/refusal-text';

export const ACTION_LABEL: Record<MutatorName, MessageKey> = {
  claimCase: 'action.claim',
  releaseCase: 'action.release',
  addNote: 'action.addNote',
  resolveCase: 'action.resolve',
  agreeDelay: 'action.agreeDelay',
  reassignCase: 'action.reassignCase',
  assignPicker: 'action.assignPicker',
  requestPicker: 'action.requestPicker',
  requestGreenChannel: 'action.requestGreenChannel',
  recordCourierAnswer: 'action.recordCourierAnswer',
  switchCarrier: 'action.switchCarrier',
  logContact: 'action.logContact',
  offerCompensation: 'action.offerCompensation',
  decideCompensation: 'action.decideCompensation',
  reopenCase: 'action.reopenCase',
  setPickerStatus: 'action.setPickerStatus',
  movePicker: 'action.movePicker',
};

const STATUS_COLOR = { pending: 'warning', applied: 'success', refused: 'error' } as const;

function RefusedActions({ entry }: { entry: OutboxEntry }) {
  const t = useT();
  const { store, user } = useRuntime();
  const [text, setText] = useState(entry.name === 'addNote' ? (entry.args as { text: string }).text : '');
  const retry = async () => {
    // The same action again, on the case as it is now; the refused one is done with.
    const current = store.memory.caseView(entry.targetId);
    const args = { ...(entry.args as Record<string, unknown>) };
    if (entry.name === 'claimCase' && current) args.baseVersion = current.version;
    if (entry.name === 'addNote') Object.assign(args, { text, noteId: crypto.randomUUID() });
    // The stored arguments were validated when first queued; enqueue validates them again.
    await store.enqueue(entry.name, args as MutatorArgs<MutatorName>);
    await store.discard(entry.id);
  };
  const override =
    entry.name === 'claimCase' && entry.refusal?.code === 'conflict' && user.role !== 'coordinator';
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
      {entry.name === 'addNote' && (
        <TextField
          label={t('case.note.label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          size="small"
          sx={{ flex: 1 }}
        />
      )}
      <Button
        variant="outlined"
        onClick={() => void retry()}
        disabled={entry.name === 'addNote' && !text.trim()}
      >
        {override
          ? t('outbox.override')
          : entry.name === 'addNote'
            ? t('outbox.editRetry')
            : t('outbox.retry')}
      </Button>
      <Button color="inherit" onClick={() => void store.discard(entry.id)}>
        {t('outbox.discard')}
      </Button>
    </Box>
  );
}

export function OutboxPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const persisted = useDesk((s) => s.storagePersisted);
  return (
    <Drawer anchor="right" open={open} onClose={onClose} slotProps={{ paper: { sx: { width: 460 } } }}>
      <Box
        role="region"
        aria-label={t('outbox.title')}
        sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {t('outbox.title')}
          </Typography>
          <IconButton aria-label={t('outbox.close')} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        {persisted === false && <Alert severity="info">{t('outbox.notPersisted')}</Alert>}
        <OutboxEntries />
      </Box>
    </Drawer>
  );
}

/**
 * The entries, newest first. Its own component inside the drawer, which mounts it only while open: closed, the
 * panel does not re-render with every action and sync (the status bar counts them).
 */
function OutboxEntries() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const nameOf = usePersonName();
  const entries = useDerived(() => [...store.memory.outbox].reverse(), [store]);
  return (
    <>
      {entries.length === 0 && <Typography color="textSecondary">{t('outbox.empty')}</Typography>}
      <List dense aria-label={t('outbox.title')}>
        {entries.map((entry) => {
          const c = store.memory.caseView(entry.targetId);
          return (
            <ListItem key={entry.id} divider sx={{ display: 'block' }} data-status={entry.status}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Chip
                  label={t(`outbox.${entry.status}`)}
                  color={STATUS_COLOR[entry.status]}
                  variant="outlined"
                />
                <Typography variant="body2" sx={{ flex: 1 }}>
                  {t(ACTION_LABEL[entry.name])} ·{' '}
                  {c
                    ? `${PLATFORM_LABELS[c.platform][locale]} ${c.platformOrderId}`
                    : (store.memory.pickerView(entry.targetId)?.name ?? entry.targetId)}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {formatDateTime(entry.clientTime, locale)}
                </Typography>
              </Box>
              {entry.status === 'refused' && entry.refusal && (
                <>
                  <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
                    {refusalText(entry.refusal, t, nameOf, locale)}
                  </Typography>
                  <RefusedActions entry={entry} />
                </>
              )}
            </ListItem>
          );
        })}
      </List>
    </>
  );
}

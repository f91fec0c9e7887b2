// The case panel: how much time is left, the actions (claim, release, agree a delay, resolve, note), the
// clocks, why the case ranks where it does, the order, and what people did. Every action goes through the
// outbox and shows at once.
import { Alert, Box, Button, Chip, Divider, Typography } from '@mui/material';
import { useMemo } from 'react';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import { useCase, usePendingFor, usePersonName, useRefusedFor, useServerNow } from '../../data/hooks';
import { formatCountdown } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { explain } from '../worklist/worklist-model';
import { ACTION_LABEL } from '../outbox/OutboxPanel';
import { AgreeDelayDialog } from './AgreeDelayDialog';
import { CaseClocks } from './CaseClocks';
import { CaseFacts } from './CaseFacts';
import { CaseTimeline } from './CaseTimeline';
import { NoteForm } from './NoteForm';
import { PriorityWhy } from './PriorityWhy';
import { refusalText } from './refusal-text';
import { ResolveDialog } from './ResolveDialog';

export function CaseDetail({ caseId }: { caseId: string | null }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store, user } = useRuntime();
  const c = useCase(caseId);
  const now = useServerNow(1000);
  const nameOf = usePersonName();
  const pending = usePendingFor(caseId ?? '');
  const refused = useRefusedFor(caseId ?? '');
  const dialog = useDesk((s) => s.dialog);
  const setDialog = useDesk((s) => s.openDialog);
  const minute = Math.floor(now / 60_000) * 60_000;
  const why = useMemo(() => (c ? explain(c, minute) : null), [c, minute]);

  if (!c || !why) {
    return (
      <Box sx={{ p: 4 }}>
        <Typography color="text.secondary">{t('case.none')}</Typography>
      </Box>
    );
  }
  const open = c.status === 'open';
  const mine = c.assigneeId === user.id;
  const title = `${PLATFORM_LABELS[c.platform][locale]} · ${c.platformOrderId}`;

  return (
    <Box
      component="section"
      aria-label={title}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, overflow: 'auto', height: '100%' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Chip label={t(`status.${c.status}`)} color={open ? 'primary' : 'default'} />
        {pending.length > 0 && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
      </Box>
      <Typography
        variant="h5"
        color={c.shipBy <= now ? 'error.main' : 'warning.main'}
        data-testid="countdown"
      >
        {formatCountdown(c.shipBy, now, t)}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">
          {t('case.assignee')}：{nameOf(c.assigneeId) ?? t('case.unassigned')}
        </Typography>
        <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
          {open && !mine && (
            <Button
              variant="contained"
              onClick={() => void store.enqueue('claimCase', { caseId: c.id, baseVersion: c.version })}
            >
              {t('case.claim')}
            </Button>
          )}
          {open && mine && (
            <Button variant="outlined" onClick={() => void store.enqueue('releaseCase', { caseId: c.id })}>
              {t('case.release')}
            </Button>
          )}
          {open && (
            <Button variant="outlined" onClick={() => setDialog('delay')}>
              {t('case.agreeDelay')}
            </Button>
          )}
          {open && (
            <Button variant="outlined" color="success" onClick={() => setDialog('resolve')}>
              {t('case.resolve')}
            </Button>
          )}
        </Box>
      </Box>
      {refused.map((entry) => (
        <Alert
          key={entry.id}
          severity="error"
          action={
            <Button color="inherit" onClick={() => void store.discard(entry.id)}>
              {t('refusal.discard')}
            </Button>
          }
        >
          {t('case.refused')}（{t(ACTION_LABEL[entry.name])}）：
          {entry.refusal ? refusalText(entry.refusal, t, nameOf, locale) : ''}
        </Alert>
      ))}
      <CaseClocks c={c} now={now} />
      <PriorityWhy c={c} why={why} />
      <CaseFacts c={c} />
      <CaseTimeline c={c} />
      <Divider />
      <NoteForm
        key={c.id}
        onSave={(text) => void store.enqueue('addNote', { caseId: c.id, noteId: crypto.randomUUID(), text })}
      />
      {dialog === 'resolve' && (
        <ResolveDialog
          open
          onClose={() => setDialog(null)}
          onResolve={({ cause, secondaryCauses, outcome, note }) => {
            setDialog(null);
            void store.enqueue('resolveCase', {
              caseId: c.id,
              cause,
              outcome,
              ...(secondaryCauses.length ? { secondaryCauses } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            });
          }}
        />
      )}
      {dialog === 'delay' && (
        <AgreeDelayDialog
          c={c}
          open
          onClose={() => setDialog(null)}
          onAgree={({ newShipBy, note }) => {
            setDialog(null);
            void store.enqueue('agreeDelay', { caseId: c.id, newShipBy, note });
          }}
        />
      )}
    </Box>
  );
}

// The case panel: what the order is, how much time is left, why it ranks where it does, what people did,
// and the actions (claim, release, resolve, note). Every action goes through the outbox and shows at once.
import { Alert, Box, Button, Chip, Divider, Paper, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { MutatorName } from '../../../shared/mutators/registry';
import { PERISHABILITY_LABELS, PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import {
  useCase,
  useCaseTimeline,
  usePendingFor,
  usePersonName,
  useRefusedFor,
  useServerNow,
  useDirectory,
} from '../../data/hooks';
import { formatCountdown, formatDateTime, formatMoney } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { explain } from '../worklist/worklist-model';
import { buildTimeline } from './case-timeline';
import { NoteForm } from './NoteForm';
import { refusalText } from './refusal-text';
import { ResolveDialog } from './ResolveDialog';

const ACTION_LABEL: Record<MutatorName, MessageKey> = {
  claimCase: 'action.claim',
  releaseCase: 'action.release',
  addNote: 'action.addNote',
  resolveCase: 'action.resolve',
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {value}
      </Typography>
    </>
  );
}

export function CaseDetail({ caseId }: { caseId: string | null }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store, user } = useRuntime();
  const c = useCase(caseId);
  const now = useServerNow(1000);
  const nameOf = usePersonName();
  const directory = useDirectory();
  const timeline = useCaseTimeline(caseId ?? '');
  const pending = usePendingFor(caseId ?? '');
  const refused = useRefusedFor(caseId ?? '');
  const [resolving, setResolving] = useState(false);
  const why = useMemo(() => (c ? explain(c, Math.floor(now / 60_000) * 60_000) : null), [c, now]);

  if (!c || !why) {
    return (
      <Box sx={{ p: 4 }}>
        <Typography color="text.secondary">{t('case.none')}</Typography>
      </Box>
    );
  }
  const open = c.status === 'open';
  const mine = c.assigneeId === user.id;
  const overdue = c.shipBy <= now;
  const courier = c.order.courierId ? directory.courier.get(c.order.courierId) : undefined;
  const zone = c.order.zoneId ? directory.zone.get(c.order.zoneId) : undefined;
  const entries = buildTimeline(c, timeline);

  return (
    <Box
      component="section"
      aria-label={`${PLATFORM_LABELS[c.platform][locale]} ${c.platformOrderId}`}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, overflow: 'auto', height: '100%' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {PLATFORM_LABELS[c.platform][locale]} · {c.platformOrderId}
        </Typography>
        <Chip label={t(`status.${c.status}`)} color={open ? 'primary' : 'default'} />
        {pending.length > 0 && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
      </Box>
      <Typography variant="h5" color={overdue ? 'error.main' : 'warning.main'} data-testid="countdown">
        {formatCountdown(c.shipBy, now, t)}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
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
            <Button variant="outlined" color="success" onClick={() => setResolving(true)}>
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
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('case.order')}
        </Typography>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
        >
          <Fact label={t('case.shipBy')} value={formatDateTime(c.shipBy, locale)} />
          <Fact label={t('case.paidAt')} value={formatDateTime(c.order.paidAt, locale)} />
          <Fact label={t('case.items')} value={c.order.items.map((i) => `${i.name} ×${i.qty}`).join('、')} />
          <Fact label={t('case.value')} value={formatMoney(c.order.valueFen, locale)} />
          <Fact label={t('case.customer')} value={`${c.order.customerName}${c.order.vip ? ' (VIP)' : ''}`} />
          <Fact label={t('case.phone')} value={c.order.customerPhone} />
          <Fact label={t('case.city')} value={`${c.order.region} ${c.order.city}`} />
          <Fact label={t('case.zone')} value={zone ? `${zone.code} ${zone.name}` : '—'} />
          <Fact label={t('case.courier')} value={courier ? `${courier.carrier} · ${courier.depot}` : '—'} />
          <Fact label={t('case.waybill')} value={c.order.waybill ?? '—'} />
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('case.why')} · {why.score}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {why.parts.map((part) => (
            <Typography component="li" variant="body2" key={part.reason}>
              {t(`why.${part.reason}` as MessageKey, {
                detail:
                  part.reason === 'perishability'
                    ? PERISHABILITY_LABELS[c.order.perishability][locale]
                    : part.reason === 'value' || part.reason === 'penalty'
                      ? formatMoney(Number(part.detail), locale)
                      : part.detail,
              })}{' '}
              <Typography component="span" variant="body2" color="text.secondary">
                {t('why.points', { points: part.points })}
              </Typography>
            </Typography>
          ))}
        </Box>
      </Paper>
      <Box>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('case.timeline')}
        </Typography>
        <Box
          component="ol"
          aria-label={t('case.timeline')}
          sx={{ m: 0, pl: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.75 }}
        >
          {entries.map((entry) => (
            <Box component="li" key={entry.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
              <Typography variant="caption" color="text.secondary" sx={{ minWidth: 84 }}>
                {formatDateTime(entry.at, locale)}
              </Typography>
              <Typography variant="body2" sx={{ flex: 1 }}>
                {entry.kind === 'note' ? (
                  <>
                    <strong>{nameOf(entry.actorId) ?? t('someone')}</strong>：{entry.text}
                  </>
                ) : entry.actorId ? (
                  <>
                    <strong>{nameOf(entry.actorId) ?? t('someone')}</strong>{' '}
                    {t(`event.${entry.kind}` as MessageKey)}
                    {entry.text ? `：${entry.text}` : ''}
                  </>
                ) : (
                  t(`event.${entry.kind}` as MessageKey)
                )}
              </Typography>
              {entry.pending && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
            </Box>
          ))}
        </Box>
      </Box>
      <Divider />
      <NoteForm
        key={c.id}
        onSave={(text) => void store.enqueue('addNote', { caseId: c.id, noteId: crypto.randomUUID(), text })}
      />
      <ResolveDialog
        key={`resolve-${c.id}-${String(resolving)}`}
        open={resolving}
        onClose={() => setResolving(false)}
        onResolve={({ cause, outcome, note }) => {
          setResolving(false);
          void store.enqueue('resolveCase', {
            caseId: c.id,
            cause,
            outcome,
            ...(note.trim() ? { note: note.trim() } : {}),
          });
        }}
      />
    </Box>
  );
}

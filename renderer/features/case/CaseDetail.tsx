// The case panel: how much time is left, what needs attention, the actions (claim, release, agree a delay,
// resolve, reopen), then one tab per party the coordinator works with (overview, picking, courier, customer,
// compensation), and always the timeline and the note box. Every action goes through the outbox and shows at
// once; refusals are shown here and in the outbox.
import { Box, Chip, Divider, Tab, Tabs, Typography } from '@mui/material';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import { useCase, useHasPending, usePersonName, useRefusedFor, useServerNow } from '../../data/hooks';
import { formatCountdown } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { CompensationPanel } from '../compensation/CompensationPanel';
import { CourierPanel } from '../courier/CourierPanel';
import { CustomerPanel } from '../customer/CustomerPanel';
import { PickerPanel } from '../pickers/PickerPanel';
import { useLiveRiskFlags } from '../risk/use-risk-flags';
import { explain } from '../worklist/worklist-model';
import { CaseActions } from './CaseActions';
import { CaseClocks } from './CaseClocks';
import { BulkDialogs, CaseDialogs } from './CaseDialogs';
import { CaseFacts } from './CaseFacts';
import { CaseFlags } from './CaseFlags';
import { CaseRefusals } from './CaseRefusals';
import { CaseTick } from './CaseTick';
import { CaseTimeline } from './CaseTimeline';
import { NoteForm } from './NoteForm';
import { PriorityWhy } from './PriorityWhy';
import { ResolutionSummary } from './ResolutionSummary';

const TABS = ['overview', 'picking', 'courier', 'customer', 'compensation'] as const;
type CaseTab = (typeof TABS)[number];

export function CaseDetail({ caseId }: { caseId: string | null }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store } = useRuntime();
  const c = useCase(caseId);
  // The sections below the actions show the case a render later (a deferred render, which yields to the next
  // frame): an action on it shows its holder, its buttons and its timeline event in the frame after the click,
  // and the flags, clocks, priority and facts follow. Another case is shown whole at once, never mixed.
  const deferred = useDeferredValue(c);
  const later = deferred && c && deferred.id === c.id ? deferred : c;
  const now = useServerNow(1000);
  const nameOf = usePersonName();
  const hasPending = useHasPending(caseId ?? '');
  const refused = useRefusedFor(caseId ?? '');
  // The tab stays when moving between cases: a lead working the picking of several cases keeps that view.
  const [tab, setTab] = useState<CaseTab>('overview');
  const saveNote = useCallback(
    (text: string) => {
      if (caseId) void store.enqueue('addNote', { caseId, noteId: crypto.randomUUID(), text });
    },
    [store, caseId],
  );

  if (!c || !later) {
    return (
      <Box sx={{ p: 4 }}>
        <Typography color="textSecondary">{t('case.none')}</Typography>
        <BulkDialogs />
      </Box>
    );
  }
  const open = c.status === 'open';
  const title = `${PLATFORM_LABELS[c.platform][locale]} · ${c.platformOrderId}`;

  return (
    <Box
      component="section"
      aria-label={title}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, overflow: 'auto', height: '100%' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Chip label={t(`status.${c.status}`)} color={open ? 'primary' : 'default'} />
        {hasPending && <Chip label={t('case.pending')} color="warning" variant="outlined" />}
        <Box sx={{ ml: 'auto' }}>{open && <CaseTick caseId={c.id} />}</Box>
      </Box>
      {open && (
        <Typography variant="h5" color={c.shipBy <= now ? 'error' : 'warning'} data-testid="countdown">
          {formatCountdown(c.shipBy, now, t)}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">
          {t('case.assignee')}
          {t('punct.colon')}
          {nameOf(c.assigneeId) ?? t('case.unassigned')}
        </Typography>
        <CaseActions c={c} />
      </Box>
      <CaseRefusals entries={refused} />
      <CaseBody c={later} now={now} tab={tab} onTab={setTab} />
      <NoteForm key={c.id} onSave={saveNote} />
      <CaseDialogs c={c} />
    </Box>
  );
}

/**
 * Everything between the actions and the note box. Memoised and given the deferred case, so it renders after
 * the frame that shows an action (most of the panel's components), or when the clock moves.
 */
const CaseBody = memo(function CaseBody({
  c,
  now,
  tab,
  onTab,
}: {
  c: CaseView;
  now: number;
  tab: CaseTab;
  onTab: (tab: CaseTab) => void;
}) {
  const minute = Math.floor(now / 60_000) * 60_000;
  const flags = useLiveRiskFlags(minute);
  const why = useMemo(() => explain(c, minute, flags), [c, minute, flags]);
  const open = c.status === 'open';
  return (
    <>
      <CaseFlags c={c} />
      {!open && <ResolutionSummary c={c} />}

      <Box>
        <CaseTabStrip tab={tab} onChange={onTab} />
        <Box
          role="tabpanel"
          id="case-tabpanel"
          aria-labelledby={`case-tab-${tab}`}
          sx={{ pt: 1.5, display: 'flex', flexDirection: 'column', gap: 1.5 }}
        >
          {tab === 'overview' && (
            <>
              <CaseClocks c={c} now={now} />
              {open && <PriorityWhy c={c} why={why} />}
              <CaseFacts c={c} />
            </>
          )}
          {tab === 'picking' && <PickerPanel c={c} />}
          {tab === 'courier' && <CourierPanel c={c} />}
          {tab === 'customer' && <CustomerPanel c={c} />}
          {tab === 'compensation' && <CompensationPanel c={c} />}
        </Box>
      </Box>

      <Divider />
      <CaseTimeline c={c} />
    </>
  );
});

/** Memoised: MUI Tabs measures its indicator (a forced layout) after each of its renders. */
const CaseTabStrip = memo(function CaseTabStrip({
  tab,
  onChange,
}: {
  tab: CaseTab;
  onChange: (tab: CaseTab) => void;
}) {
  const t = useT();
  return (
    <Tabs
      value={tab}
      onChange={(_, v: CaseTab) => onChange(v)}
      aria-label={t('tabs.label')}
      variant="scrollable"
      scrollButtons={false}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {TABS.map((id) => (
        <Tab
          key={id}
          value={id}
          label={t(`tabs.${id}`)}
          id={`case-tab-${id}`}
          aria-controls="case-tabpanel"
        />
      ))}
    </Tabs>
  );
});

// The prioritised worklist: bucket tabs with live counts, search, and a virtualised grid (only visible rows
// are in the DOM, so 100,000 cases cost the same to show as 50). Keyboard: j/k or arrows move, Enter opens,
// "/" searches.
import { Box, LinearProgress, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { BUCKETS } from '../../../shared/rules/buckets';
import { useRuntime } from '../../app/runtime-context';
import { useDerived, usePersonName, useServerNow } from '../../data/hooks';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk, type BucketFilter } from '../../state/store';
import { filterRanked, rankOpen } from '../../data/ranking';
import { COLUMNS, ROW_HEIGHT, WorklistRowView } from './WorklistRowView';

const TABS: BucketFilter[] = ['all', ...BUCKETS.filter((b) => b !== 'later')];

export function Worklist({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const now = useServerNow(1000);
  // Buckets and scores move with time; re-rank every 30 s, not every second.
  const rankNow = Math.floor(now / 30_000) * 30_000;
  const { bucket, search, selectedCaseId, locale } = useDesk(
    useShallow((s) => ({
      bucket: s.bucket,
      search: s.search,
      selectedCaseId: s.selectedCaseId,
      locale: s.locale,
    })),
  );
  const { setBucket, setSearch, select } = useDesk.getState();
  const deferredSearch = useDeferredValue(search);
  const nameOf = usePersonName();

  // Ranking 100,000 cases is the slow part: it follows data changes a moment later (deferred), while the
  // rows on screen read each case fresh, so an action shows at once.
  const ranked = useDerived(() => rankOpen(store.memory.allCases(), rankNow), [store, rankNow], {
    deferred: true,
  });
  const worklist = useMemo(
    () => filterRanked(ranked, bucket, deferredSearch),
    [ranked, bucket, deferredSearch],
  );
  const pendingIds = useDerived(() => {
    const ids = new Set<string>();
    for (const e of store.memory.outbox) if (e.status === 'pending') ids.add(e.targetId);
    return ids;
  }, [store]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({
    count: worklist.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const selectedIndex = worklist.rows.findIndex((r) => r.id === selectedCaseId);
  const painted = worklist.rows.length > 0;
  useEffect(() => {
    // Read by the benchmark (npm run bench): the first rows are on screen.
    if (painted && !performance.getEntriesByName('desk:first-rows').length)
      performance.mark('desk:first-rows');
  }, [painted]);
  const move = useCallback(
    (delta: number) => {
      if (!worklist.rows.length) return;
      const next = Math.max(
        0,
        Math.min(worklist.rows.length - 1, (selectedIndex < 0 ? -1 : selectedIndex) + delta),
      );
      select(worklist.rows[next]!.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [worklist.rows, selectedIndex, select, virtualizer],
  );

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (
        e.key === '/' &&
        !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)
      ) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onGridKey = (e: KeyboardEvent) => {
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    else if (e.key === 'Enter' && selectedCaseId) onOpen();
    else return;
    e.preventDefault();
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 1.5, pt: 1 }}>
        <Tabs
          value={bucket}
          onChange={(_, v: BucketFilter) => setBucket(v)}
          aria-label={t('worklist.title')}
          variant="scrollable"
        >
          {TABS.map((b) => (
            <Tab key={b} value={b} label={`${t(`bucket.${b}` as MessageKey)} ${worklist.counts[b]}`} />
          ))}
        </Tabs>
        <TextField
          inputRef={searchRef}
          placeholder={t('worklist.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              move(selectedIndex < 0 ? 1 : 0);
              scrollRef.current?.focus();
            }
          }}
          slotProps={{ htmlInput: { 'aria-label': t('worklist.search'), type: 'search' } }}
          sx={{ ml: 'auto', width: 280 }}
        />
      </Box>
      {!store.loaded && <LinearProgress aria-label={t('worklist.loading')} />}
      <Box
        role="grid"
        aria-label={t('worklist.title')}
        aria-rowcount={worklist.rows.length + 1}
        tabIndex={0}
        onKeyDown={onGridKey}
        sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, outline: 'none' }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: COLUMNS,
            gap: 1,
            px: 1.5,
            py: 0.75,
            borderBottom: 1,
            borderColor: 'divider',
            color: 'text.secondary',
          }}
        >
          {(
            [
              'col.priority',
              'col.deadline',
              'col.order',
              'col.goods',
              'col.customer',
              'col.assignee',
            ] as const
          ).map((k) => (
            <Typography key={k} role="columnheader" variant="caption">
              {t(k)}
            </Typography>
          ))}
        </Box>
        <Box
          ref={scrollRef}
          sx={{ flex: 1, overflow: 'auto', position: 'relative' }}
          data-testid="worklist-scroll"
        >
          {worklist.rows.length === 0 && (
            <Typography sx={{ p: 3 }} color="text.secondary">
              {t('worklist.empty')}
            </Typography>
          )}
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = worklist.rows[item.index]!;
              const current = store.memory.caseView(row.id) ?? row.c;
              return (
                <WorklistRowView
                  key={row.id}
                  row={current === row.c ? row : { ...row, c: current }}
                  index={item.index}
                  top={item.start}
                  now={now}
                  selected={row.id === selectedCaseId}
                  pending={pendingIds.has(row.id)}
                  assignee={nameOf(current.assigneeId)}
                  locale={locale}
                  t={t}
                  onSelect={select}
                />
              );
            })}
          </Box>
        </Box>
      </Box>
    </Box>
  );
}

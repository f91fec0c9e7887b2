// The prioritised worklist: bucket tabs with live counts, search, filters, saved views, tick boxes for bulk
// actions, and a virtualised grid (only visible rows are in the DOM, so 100,000 cases cost the same to show as
// 50). Keyboard: j/k or arrows move, Enter opens, x ticks, "/" searches; Ctrl/Cmd+K is the command palette.
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { rowHeightFor } from '../../app/theme';
import { useRuntime } from '../../app/runtime-context';
import { useDerived, usePersonName, useServerNow } from '../../data/hooks';
import { activeFilterCount, categoriesOf, wantsClosed } from '../../data/worklist-filter';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { DrillBanner } from '../review/WorklistReviewBar';
import { BulkBar } from './BulkBar';
import { checkRange, toggleChecked } from './selection';
import { useWorklist } from './use-worklist';
import { registerFocusTarget } from './worklist-focus';
import { WorklistFiltersBar } from './WorklistFilters';
import { rowsClass, WorklistRowStyles } from './row-styles';
import { rowDomId, WorklistRowView } from './WorklistRowView';
import { WorklistToolbar } from './WorklistToolbar';

const HEADERS = [
  'col.priority',
  'col.deadline',
  'col.order',
  'col.goods',
  'col.customer',
  'col.assignee',
] as const satisfies readonly MessageKey[];

export function Worklist({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const now = useServerNow(1000);
  const { bucket, search, filters, selectedCaseId, checkedIds, locale, density } = useDesk(
    useShallow((s) => ({
      bucket: s.bucket,
      search: s.search,
      filters: s.filters,
      selectedCaseId: s.selectedCaseId,
      checkedIds: s.checkedIds,
      locale: s.locale,
      density: s.density,
    })),
  );
  const { select } = useDesk.getState();
  const nameOf = usePersonName();
  const worklist = useWorklist(now);
  const { rows } = worklist;
  // The tab counts follow a moment later (a deferred render): a keystroke shows the list first, and MUI Tabs
  // measures its indicator (a forced layout) on each of its renders.
  const counts = useDeferredValue(worklist.counts);
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(filters) > 0);
  const categories = useMemo(
    () => (filtersOpen ? categoriesOf(worklist.ranked, worklist.closed) : []),
    [filtersOpen, worklist.ranked, worklist.closed],
  );

  const pendingIds = useDerived(() => {
    const ids = new Set<string>();
    for (const e of store.memory.outbox) if (e.status === 'pending') ids.add(e.targetId);
    return ids;
  }, [store]);

  const rowHeight = rowHeightFor(density);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // Memoised: the grid re-renders on every scrolled frame, and this walks up to every row.
  const selectedIndex = useMemo(
    () => (selectedCaseId ? rows.findIndex((r) => r.id === selectedCaseId) : -1),
    [rows, selectedCaseId],
  );
  const painted = rows.length > 0;
  useEffect(() => {
    // Read by the benchmark (npm run bench): the first rows are on screen.
    if (painted && !performance.getEntriesByName('desk:first-rows').length)
      performance.mark('desk:first-rows');
  }, [painted]);

  // A case selected from elsewhere (a notification, the palette) is scrolled into view once.
  const lastScrolled = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || lastScrolled.current === selectedCaseId) return;
    lastScrolled.current = selectedCaseId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedCaseId, selectedIndex, virtualizer]);

  const move = useCallback(
    (delta: number) => {
      if (!rows.length) return;
      const from = selectedIndex < 0 ? -1 : selectedIndex;
      const next = Math.max(0, Math.min(rows.length - 1, from + delta));
      lastScrolled.current = rows[next]!.id;
      select(rows[next]!.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [rows, selectedIndex, select, virtualizer],
  );

  // Stable for the memoised rows; reads the rows as they are at the click.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onCheck = useCallback((id: string, range: boolean) => {
    const { checkedIds: current, checkAnchorId, setChecked } = useDesk.getState();
    setChecked(
      range ? checkRange(current, rowsRef.current, checkAnchorId, id) : toggleChecked(current, id),
      id,
    );
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (
        e.key === '/' &&
        !e.ctrlKey &&
        !e.metaKey &&
        !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) &&
        !(e.target instanceof HTMLElement && e.target.closest('[role="dialog"]'))
      ) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    const unSearch = registerFocusTarget('search', () => searchRef.current?.focus());
    const unGrid = registerFocusTarget('grid', () => gridRef.current?.focus());
    return () => {
      window.removeEventListener('keydown', onKey);
      unSearch();
      unGrid();
    };
  }, []);

  // The search box's keys, through a ref so that the memoised toolbar keeps one stable handler.
  const searchKeyRef = useRef<(e: KeyboardEvent<HTMLDivElement>) => void>(() => {});
  searchKeyRef.current = (e) => {
    if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(selectedIndex < 0 ? 1 : 0);
      gridRef.current?.focus();
    }
  };
  const onSearchKey = useCallback((e: KeyboardEvent<HTMLDivElement>) => searchKeyRef.current(e), []);
  const toggleFilters = useCallback(() => setFiltersOpen((o) => !o), []);

  const onGridKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    else if (e.key === 'Home') move(-rows.length);
    else if (e.key === 'End') move(rows.length);
    else if (e.key === 'PageDown') move(10);
    else if (e.key === 'PageUp') move(-10);
    else if (e.key === 'Enter' && selectedCaseId) onOpen();
    else if ((e.key === 'x' || e.key === 'X') && selectedCaseId) onCheck(selectedCaseId, e.shiftKey);
    else return;
    e.preventDefault();
  };

  // The export reads the rows when it runs: a prop of the rows themselves re-rendered the toolbar with every
  // re-rank.
  const rowsNow = useRef(rows);
  useEffect(() => {
    rowsNow.current = rows;
  });
  const exportRows = useCallback(() => rowsNow.current, []);

  const visible = virtualizer.getVirtualItems();
  const activeRendered =
    selectedIndex >= 0 && visible.some((item) => item.index === selectedIndex) && selectedCaseId;
  const filterCount = activeFilterCount(filters);

  return (
    <div className="wl-root">
      <WorklistToolbar
        bucket={bucket}
        counts={counts}
        search={search}
        shown={rows.length}
        filterCount={filterCount}
        filtersOpen={filtersOpen}
        onToggleFilters={toggleFilters}
        searchRef={searchRef}
        onSearchKey={onSearchKey}
        exportRows={exportRows}
        nameOf={nameOf}
      />
      {filtersOpen && <WorklistFiltersBar categories={categories} />}
      <DrillBanner shown={rows.length} />
      {!store.loaded && <LinearProgress aria-label={t('worklist.loading')} />}
      <BulkBar />
      <WorklistRowStyles />
      <div
        ref={gridRef}
        role="grid"
        className="wl-grid"
        aria-label={t('worklist.title')}
        aria-rowcount={rows.length + 1}
        {...(activeRendered ? { 'aria-activedescendant': rowDomId(activeRendered) } : {})}
        tabIndex={0}
        onKeyDown={onGridKey}
      >
        <WorklistHeader t={t} />
        <div ref={scrollRef} className="wl-scroll" data-testid="worklist-scroll">
          {rows.length === 0 && (
            <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 1 }}>
              <Typography sx={{ color: 'text.secondary' }}>{t('worklist.empty')}</Typography>
              {search.trim() && !wantsClosed(filters) && (
                <Button
                  variant="outlined"
                  onClick={() => useDesk.getState().setFilters({ statuses: ['open', 'resolved', 'closed'] })}
                >
                  {t('worklist.searchClosed')}
                </Button>
              )}
            </Box>
          )}
          {/* Plain elements: an sx height would be a new CSS rule, and a whole-page style pass, per list length. */}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {/* The visible rows flow inside one translated block instead of each carrying its own position:
                a row with an inline style of its own made the browser's style pass slower with every row
                created since the last garbage collection (docs/performance.md). */}
            <div
              className={rowsClass(density)}
              style={{ transform: `translateY(${visible[0]?.start ?? 0}px)` }}
            >
              {visible.map((item) => {
                const row = rows[item.index]!;
                const current = store.memory.caseView(row.id) ?? row.c;
                return (
                  <WorklistRowView
                    key={row.id}
                    row={current === row.c ? row : { ...row, c: current }}
                    index={item.index}
                    now={now}
                    selected={row.id === selectedCaseId}
                    checked={checkedIds.has(row.id)}
                    pending={pendingIds.has(row.id)}
                    assignee={nameOf(current.assigneeId)}
                    locale={locale}
                    t={t}
                    onSelect={select}
                    onCheck={onCheck}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The column headers: memoised, they change only with the language. */
const WorklistHeader = memo(function WorklistHeader({ t }: { t: Translate }) {
  return (
    <div role="row" aria-rowindex={1} className="wl-header">
      <div role="columnheader" aria-label={t('select.column')} />
      {HEADERS.map((k) => (
        <div key={k} role="columnheader">
          {t(k)}
        </div>
      ))}
    </div>
  );
});

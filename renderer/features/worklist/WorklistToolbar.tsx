// The worklist's toolbar: bucket tabs with live counts, the search box, the filter button, saved views, export
// and the count of rows shown. Memoised apart from the grid, which re-renders on every scrolled frame.
import FilterListIcon from '@mui/icons-material/FilterList';
import { Box, Button, Chip, Tab, Tabs, TextField, Typography } from '@mui/material';
import { memo, type ComponentProps, type KeyboardEvent, type RefObject } from 'react';
import { BUCKETS } from '../../../shared/rules/buckets';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk, type BucketFilter } from '../../state/store';
import { WorklistExport } from '../review/WorklistReviewBar';
import { SavedViewsMenu } from './SavedViewsMenu';

export const TABS: BucketFilter[] = ['all', ...BUCKETS.filter((b) => b !== 'later')];

interface ToolbarProps {
  bucket: BucketFilter;
  counts: Record<BucketFilter, number>;
  search: string;
  shown: number;
  filterCount: number;
  filtersOpen: boolean;
  onToggleFilters: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKey: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** The rows shown, read when "export this view" runs. */
  exportRows: ComponentProps<typeof WorklistExport>['rows'];
  nameOf: ComponentProps<typeof WorklistExport>['nameOf'];
}

/**
 * Tabs, search, filter button and the row count. Memoised apart from the grid, which re-renders on every
 * scrolled frame: MUI Tabs measures its indicator (a forced layout) after each of its renders.
 */
export const WorklistToolbar = memo(function WorklistToolbar({
  bucket,
  counts,
  search,
  shown,
  filterCount,
  filtersOpen,
  onToggleFilters,
  searchRef,
  onSearchKey,
  exportRows,
  nameOf,
}: ToolbarProps) {
  const t = useT();
  const { setSearch } = useDesk.getState();
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, pt: 1, flexWrap: 'wrap' }}>
        <BucketTabs bucket={bucket} counts={counts} />
        <TextField
          inputRef={searchRef}
          placeholder={t('worklist.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKey}
          slotProps={{ htmlInput: { 'aria-label': t('worklist.search'), type: 'search' } }}
          sx={{ flex: '0 1 320px', minWidth: 220 }}
        />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 0.5 }}>
        <Button
          startIcon={<FilterListIcon />}
          endIcon={filterCount > 0 ? <Chip label={filterCount} color="primary" sx={{ height: 18 }} /> : null}
          onClick={onToggleFilters}
          aria-expanded={filtersOpen}
        >
          {t('filters.open')}
        </Button>
        <SavedViewsMenu />
        <WorklistExport rows={exportRows} nameOf={nameOf} />
        <Typography variant="body2" sx={{ color: 'text.secondary', ml: 'auto' }} data-testid="worklist-count">
          {t('worklist.shown', { count: shown })}
        </Typography>
      </Box>
    </>
  );
});

/** The bucket tabs with their counts; apart from the search box so that a keystroke need not wait for them. */
const BucketTabs = memo(function BucketTabs({
  bucket,
  counts,
}: {
  bucket: BucketFilter;
  counts: Record<BucketFilter, number>;
}) {
  const t = useT();
  const { setBucket } = useDesk.getState();
  return (
    <Tabs
      value={bucket}
      onChange={(_, v: BucketFilter) => setBucket(v)}
      aria-label={t('worklist.title')}
      variant="scrollable"
      sx={{ flex: '1 1 auto', minWidth: 0 }}
    >
      {TABS.map((b) => (
        <Tab
          key={b}
          value={b}
          data-count={counts[b]}
          label={`${t(`bucket.${b}` as MessageKey)} ${counts[b]}`}
        />
      ))}
    </Tabs>
  );
});

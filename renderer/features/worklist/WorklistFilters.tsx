// The worklist's filters (W1): status (open by default; resolved and closed cases can be asked for), cause,
// category, platform, courier, zone and assignee. Each list filter is a multi-select: nothing chosen = any.
import { Box, Button, MenuItem, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useMemo } from 'react';
import { CAUSE_LABELS, PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { CASE_STATUSES, CAUSES, PLATFORMS } from '../../../shared/schemas/enums';
import { useDirectory } from '../../data/hooks';
import { activeFilterCount, type AssigneeFilter, type WorklistFilters } from '../../data/worklist-filter';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

interface Option {
  value: string;
  label: string;
}

function MultiFilter({
  label,
  value,
  options,
  onChange,
  width = 150,
}: {
  label: string;
  value: readonly string[];
  options: readonly Option[];
  onChange: (next: string[]) => void;
  width?: number;
}) {
  const t = useT();
  const labelOf = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as unknown as string[])}
      sx={{ width }}
      slotProps={{
        inputLabel: { shrink: true },
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (v) => {
            const chosen = v as string[];
            return chosen.length ? chosen.map((x) => labelOf.get(x) ?? x).join('、') : t('filters.any');
          },
        },
      }}
    >
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function WorklistFiltersBar({ categories }: { categories: readonly string[] }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const filters = useDesk((s) => s.filters);
  const { setFilters, resetFilters } = useDesk.getState();
  const directory = useDirectory();

  const couriers = useMemo(
    () =>
      [...directory.courier.values()]
        .map((c) => ({ value: c.id, label: `${c.carrier} · ${c.depot}` }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    [directory],
  );
  const zones = useMemo(
    () =>
      [...directory.zone.values()]
        .map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    [directory],
  );
  const set = (key: Exclude<keyof WorklistFilters, 'assignee' | 'statuses'>) => (next: string[]) =>
    setFilters({ [key]: next });

  return (
    <Box
      role="group"
      aria-label={t('filters.title')}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, px: 1.5, pt: 1.5, pb: 0.5 }}
    >
      <MultiFilter
        label={t('filters.status')}
        value={filters.statuses}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(next) => {
          // At least one status: an empty choice means the default (open cases).
          setFilters({ statuses: next.length ? (next as WorklistFilters['statuses']) : ['open'] });
          if (!next.includes('open')) useDesk.getState().setBucket('all');
        }}
        width={140}
      />
      <MultiFilter
        label={t('filters.cause')}
        value={filters.causes}
        options={CAUSES.map((c) => ({ value: c, label: CAUSE_LABELS[c][locale] }))}
        onChange={set('causes')}
      />
      <MultiFilter
        label={t('filters.category')}
        value={filters.categories}
        options={categories.map((c) => ({ value: c, label: c }))}
        onChange={set('categories')}
      />
      <MultiFilter
        label={t('filters.platform')}
        value={filters.platforms}
        options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p][locale] }))}
        onChange={set('platforms')}
        width={140}
      />
      <MultiFilter
        label={t('filters.courier')}
        value={filters.courierIds}
        options={couriers}
        onChange={set('courierIds')}
        width={170}
      />
      <MultiFilter
        label={t('filters.zone')}
        value={filters.zoneIds}
        options={zones}
        onChange={set('zoneIds')}
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={filters.assignee}
        aria-label={t('filters.assignee')}
        onChange={(_, v: AssigneeFilter | null) => v && setFilters({ assignee: v })}
      >
        {(['me', 'unassigned', 'anyone'] as const).map((a) => (
          <ToggleButton key={a} value={a} sx={{ px: 1.25, py: 0.5 }}>
            {t(`filters.assignee.${a}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Button onClick={resetFilters} disabled={activeFilterCount(filters) === 0}>
        {t('filters.clear')}
      </Button>
    </Box>
  );
}

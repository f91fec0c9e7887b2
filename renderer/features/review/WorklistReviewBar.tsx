// What the review area adds to the worklist (brief F13): the banner of a drill-down (which figure the list
// shows the cases of, a way back to the dashboard and a way out of the drill), and "export this view", which
// writes the rows the worklist shows right now, in their order, to CSV or XLSX. Lives here so the worklist only
// mounts it; the exports' code is the review's.
import { Alert, Button } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import type { Locale } from '../../../shared/i18n/labels';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { causeLabel, platformLabel } from './dashboard-tables';
import { ExportMenu } from './ExportMenu';
import type { ExportTable } from './table-export';

/** The rows of the worklist as the export writes them (pure, beside the component for the tests' sake). */
export function worklistTable(
  rows: readonly { c: CaseView; score: number; open: boolean }[],
  nameOf: (id: string | null) => string | null,
  { t, locale }: { t: Translate; locale: Locale },
): ExportTable {
  return {
    name: t('export.worklistTitle'),
    columns: [
      { label: t('col.priority'), format: 'int' },
      { label: t('col.orderNo'), format: 'text' },
      { label: t('col.platform'), format: 'text' },
      { label: t('col.goods'), format: 'text' },
      { label: t('col.category'), format: 'text' },
      { label: t('col.customer'), format: 'text' },
      { label: t('col.region'), format: 'text' },
      { label: t('col.shipBy'), format: 'datetime' },
      { label: t('col.status'), format: 'text' },
      { label: t('col.holder'), format: 'text' },
      { label: t('col.cause'), format: 'text' },
    ],
    rows: rows.map(({ c, score, open }) => [
      // Closed cases have no priority: they are listed after the open ones, not ranked.
      open ? Math.round(score) : null,
      c.platformOrderId,
      platformLabel(c.platform, locale),
      c.order.items.map((i) => `${i.name}×${i.qty}`).join('；') || c.order.category,
      c.order.category,
      c.order.customerName,
      c.order.region,
      c.shipBy,
      t(`status.${c.status}` as MessageKey),
      nameOf(c.assigneeId) ?? t('handover.unassigned'),
      c.cause ? causeLabel(c.cause, locale) : null,
    ]),
  };
}

export function WorklistExport({
  rows,
  nameOf,
}: {
  /** The rows shown when the export runs. */
  rows: () => readonly { c: CaseView; score: number; open: boolean }[];
  nameOf: (id: string | null) => string | null;
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  return (
    <ExportMenu
      title={t('export.worklistTitle')}
      label={t('export.worklist')}
      build={() => [worklistTable(rows(), nameOf, { t, locale })]}
    />
  );
}

/** Shown above the worklist while it holds the cases behind a dashboard figure. */
export function DrillBanner({ shown }: { shown: number }) {
  const t = useT();
  const drill = useDesk((s) => s.filters.drill);
  if (!drill) return null;
  const desk = useDesk.getState();
  const from = drill.from;
  return (
    <Alert
      severity="info"
      role="status"
      aria-label={t('drill.bannerLabel')}
      sx={{ mx: 1.5, my: 0.5, py: 0 }}
      action={
        <>
          {from && (
            <Button color="inherit" size="small" onClick={() => desk.setView(from)}>
              {t('drill.back')}
            </Button>
          )}
          <Button color="inherit" size="small" onClick={() => desk.resetFilters()}>
            {t('drill.clear')}
          </Button>
        </>
      }
    >
      {t('drill.banner', { label: drill.label, count: shown })}
    </Alert>
  );
}

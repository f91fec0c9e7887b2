// The daily or per-shift handover report (brief F13): what came in, what was done, what is still open and
// why, who holds what. The current shift by default (shifts from the pickers' roster, in the warehouse's time
// zone); printable, and a PDF in the desktop app.
import PrintIcon from '@mui/icons-material/PrintOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Box, Button, Paper, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useMemo, useState } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { useDerived, useDerivedLater } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk, type HandoverRange } from '../../state/store';
import { ExportMenu } from './ExportMenu';
import { HandoverDocument, type HandoverHeader } from './HandoverDocument';
import { handoverTables } from './handover-tables';
import { handoverPeriod, shiftStarts } from './period';
import { printDocument } from './print';
import { PrintSheet } from './PrintSheet';
import { useRemote } from './remote';
import { RemoteState } from './RemoteState';
import type { Handover } from '../../../shared/schemas/analytics';
import { useDrill } from './use-drill';
import { useWarehouse } from './use-warehouse';

const RANGES: HandoverRange[] = ['shift', 'previousShift', 'today', 'yesterday'];

/** "N cases still open, M overdue", and how many the list leaves out (the server lists the first 200 by deadline). */
function openSummary(h: Handover, t: ReturnType<typeof useT>): string {
  const total = h.byHolder.reduce((s, b) => s + b.open, 0);
  const listed = t('handover.openCount', {
    count: total,
    overdue: h.stillOpen.filter((o) => o.overdue).length,
  });
  const more = total - h.stillOpen.length;
  return more > 0 ? `${listed} · ${t('handover.more', { count: more })}` : listed;
}

export function HandoverReport() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const range = useDesk((s) => s.handoverRange);
  const { store, user } = useRuntime();
  const warehouse = useWarehouse();
  const tz = warehouse.timeZone;
  const [stamp, setStamp] = useState(() => store.now());
  const starts = useDerived(() => shiftStarts(store.memory.directory.picker.values()), [store]);
  const period = useMemo(() => handoverPeriod(range, stamp, tz, starts), [range, stamp, tz, starts]);
  const remote = useRemote<Handover>(
    warehouse.id
      ? `/api/warehouses/${encodeURIComponent(warehouse.id)}/handover?from=${period.from}&to=${period.to}`
      : null,
  );
  // Walks every case: a render later, not inside every change of the store.
  const cameIn = useDerivedLater(
    () =>
      [...store.memory.allCases()]
        .filter((c) => c.warehouseId === warehouse.id && c.openedAt >= period.from && c.openedAt < period.to)
        .sort((a, b) => a.openedAt - b.openedAt),
    [store, warehouse.id, period],
  );
  const onDrill = useDrill(null);
  const h = remote.data;
  const tables = useMemo(() => (h ? handoverTables(h, cameIn, { t, locale }) : null), [h, cameIn, t, locale]);
  const header: HandoverHeader | null = h && {
    title: t('handover.heading', { warehouse: warehouse.name }),
    period: t('handover.period', {
      from: formatDateTime(h.period.from, locale, tz),
      to: formatDateTime(h.period.to, locale, tz),
    }),
    generated: t('handover.generated', {
      time: formatDateTime(remote.loadedAt ?? stamp, locale, tz),
      name: user.displayName,
    }),
    cameIn: t('handover.cameInCount', { count: h.cameIn }),
    closed: t('handover.closed', {
      resolved: h.closed.resolved,
      shipped: h.closed.shipped,
      late: h.closed.shippedLate,
      cancelled: h.closed.cancelled,
    }),
    open: openSummary(h, t),
  };

  const print = () => {
    if (!header) return;
    printDocument(`${header.title} ${header.period}`).then(
      (outcome) => {
        if (outcome.kind === 'pdf' && outcome.saved)
          useDesk
            .getState()
            .showToast({ text: t('handover.pdfSaved', { path: outcome.path ?? '' }), severity: 'success' });
      },
      (err: unknown) =>
        useDesk
          .getState()
          .showToast({ text: t('export.failed', { message: (err as Error).message }), severity: 'error' }),
    );
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={range}
          aria-label={t('handover.range')}
          onChange={(_, v: HandoverRange | null) => {
            if (!v) return;
            useDesk.getState().setReview({ handoverRange: v });
            setStamp(store.now());
          }}
        >
          {RANGES.map((r) => (
            <ToggleButton key={r} value={r}>
              {t(`handover.range.${r}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Button startIcon={<RefreshIcon />} onClick={() => setStamp(store.now())}>
          {t('remote.refresh')}
        </Button>
        <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
          {tables && header && (
            <ExportMenu
              title={header.title}
              kinds={['xlsx']}
              build={() => [tables.cameIn, tables.actions, tables.stillOpen, tables.holders]}
            />
          )}
          <Button variant="contained" startIcon={<PrintIcon />} disabled={!header} onClick={print}>
            {t('handover.print')}
          </Button>
        </Box>
      </Box>
      <RemoteState remote={remote} />
      {header && tables && (
        <>
          <Paper variant="outlined" sx={{ p: 2, maxWidth: 1100 }}>
            <HandoverDocument header={header} tables={tables} t={t} onDrill={onDrill} />
          </Paper>
          <PrintSheet>
            <HandoverDocument header={header} tables={tables} t={t} />
          </PrintSheet>
        </>
      )}
    </Box>
  );
}

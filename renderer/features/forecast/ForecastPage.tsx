// The forecast area (brief F14): per zone and horizon, the orders reaching their deadline against picking
// capacity and courier cut-offs; the orders expected to breach with the reason; the suggested actions with their
// effect; and the risk flags that feed both the forecast and the worklist's ranking. The numbers are the
// server's (it needs the whole warehouse's history and rosters); orders link to their cases in the local store.
import RefreshIcon from '@mui/icons-material/Refresh';
import { Box, Button, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { canOverride } from '../../../shared/rules/permissions';
import type { Suggestion } from '../../../shared/rules/forecast';
import type { CaseView } from '../../../shared/schemas/case';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useDerivedLater, useDirectory } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { zoneLabel } from '../pickers/use-floor';
import { useRemote } from '../review/remote';
import { RemoteState } from '../review/RemoteState';
import { openDrill } from '../review/use-drill';
import { useWarehouse } from '../review/use-warehouse';
import { RiskFlagsPanel } from '../risk/RiskFlagsPanel';
import { useRiskFlagLabel } from '../risk/use-risk-flags';
import { BreachList } from './BreachList';
import { caseIdsOf, casesByOrder, suggestionOrders, zoneRows, type ForecastAnswer } from './forecast-model';
import { SuggestionList, type SuggestionNames } from './SuggestionList';
import { ZoneTable } from './ZoneTable';

export function ForecastPage() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store, user } = useRuntime();
  const lead = canOverride(actorOf(user));
  const warehouse = useWarehouse();
  const directory = useDirectory();
  const remote = useRemote<ForecastAnswer>(
    warehouse.id ? `/api/warehouses/${encodeURIComponent(warehouse.id)}/forecast` : null,
  );
  const answer = remote.data;
  const timeZone = answer?.timezone ?? warehouse.timeZone;
  const flagLabel = useRiskFlagLabel();
  const byOrder = useDerivedLater(() => casesByOrder(store.memory.allCases()), [store]);

  const names = useMemo<SuggestionNames>(
    () => ({
      zone: (id) => (id === null ? t('forecast.noZone') : zoneLabel(directory.zone.get(id))),
      courier: (id) => (id === null ? '—' : (directory.courier.get(id)?.carrier ?? id)),
      picker: (id) => store.memory.pickerView(id)?.name ?? id,
    }),
    [directory, store, t],
  );
  const rows = useMemo(
    () =>
      answer
        ? zoneRows(answer.forecast.zones, (id) => zoneLabel(directory.zone.get(id)), t('forecast.noZone'))
        : [],
    [answer, directory, t],
  );
  const couriers = useMemo(
    () =>
      [...directory.courier.values()]
        .filter((c) => c.warehouseId === warehouse.id)
        .sort((a, b) => a.carrier.localeCompare(b.carrier)),
    [directory, warehouse.id],
  );

  // An order's case opens in the worklist, alone (as a drill, so no bucket or filter hides it) and selected.
  const openCase = useCallback(
    (c: CaseView) => {
      openDrill(c.platformOrderId, new Set([c.id]), 'forecast', t);
      useDesk.getState().select(c.id);
    },
    [t],
  );
  const openCases = useCallback(
    (s: Suggestion, text: string) => openDrill(text, caseIdsOf(suggestionOrders(s), byOrder), 'forecast', t),
    [byOrder, t],
  );
  const movePickers = useCallback(
    (s: Extract<Suggestion, { kind: 'move_pickers' }>) => {
      // One floor action per picker through the outbox, as the floor panel does: it applies here at once and on
      // the server at the next push; the forecast is recomputed on the next refresh.
      for (const pickerId of s.pickerIds) void store.enqueue('movePicker', { pickerId, zoneId: s.toZoneId });
      useDesk
        .getState()
        .showToast({ text: t('suggest.applied', { count: s.pickerIds.length }), severity: 'success' });
    },
    [store, t],
  );

  return (
    <Box
      role="region"
      aria-label={t('forecast.title')}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('forecast.title')}
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ flex: 1, minWidth: 240 }}>
          {t('forecast.intro')}
        </Typography>
        {answer && (
          <Typography variant="caption" color="textSecondary" data-testid="forecast-generated">
            {t('remote.updated', { time: formatDateTime(answer.generatedAt, locale, timeZone) })}
          </Typography>
        )}
        <Button startIcon={<RefreshIcon />} onClick={remote.reload} disabled={remote.loading}>
          {t('remote.refresh')}
        </Button>
      </Box>
      <RemoteState remote={remote} />
      {answer && (
        <>
          <ZoneTable rows={rows} forecast={answer.forecast} couriers={couriers} timeZone={timeZone} />
          <Box
            sx={{
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(360px, 2fr)' },
              alignItems: 'start',
            }}
          >
            <BreachList
              breaches={answer.forecast.breaches}
              horizons={answer.forecast.horizonsHours}
              byOrder={byOrder}
              zoneLabel={names.zone}
              courierLabel={names.courier}
              timeZone={timeZone}
              flagName={flagLabel}
              onOpen={openCase}
            />
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
              <SuggestionList
                suggestions={answer.suggestions}
                names={names}
                lead={lead}
                caseCount={(s) => caseIdsOf(suggestionOrders(s), byOrder).size}
                onCases={openCases}
                onMove={movePickers}
              />
              <RiskFlagsPanel
                warehouseId={warehouse.id}
                timeZone={timeZone}
                lead={lead}
                onChanged={remote.reload}
              />
            </Box>
          </Box>
        </>
      )}
      {!answer && warehouse.id && (
        <RiskFlagsPanel
          warehouseId={warehouse.id}
          timeZone={timeZone}
          lead={lead}
          onChanged={remote.reload}
        />
      )}
    </Box>
  );
}

export default ForecastPage;

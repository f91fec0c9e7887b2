// The warehouse's risk flags come to the desk by sync (entity kind 'risk', kept in the directory). These hooks
// read them for the forecast and the case panel; the worklist's ranking reads the same directory.
import type { RiskFlag } from '../../../shared/schemas/risk';
import { useRuntime } from '../../app/runtime-context';
import { useMemo } from 'react';
import { useDerived, useDirectoryVersion } from '../../data/hooks';
import { liveRiskFlags } from '../../data/ranking';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { useWarehouse } from '../review/use-warehouse';
import { flagTarget } from './risk-model';

/** Every synced flag (ended ones included; callers filter by time). */
export function useRiskFlags(): RiskFlag[] {
  const { store } = useRuntime();
  return useDerived(() => [...store.memory.directory.risk.values()], [store]);
}

/** The flags that can still touch a case at `now`, recomputed when a flag is synced in or lifted. */
export function useLiveRiskFlags(now: number): readonly RiskFlag[] {
  const { store } = useRuntime();
  return useDerived(() => liveRiskFlags(now, store.memory.directory.risk.values()), [store, now]);
}

/** A flag's name for the priority explanation, from its id ("浙江 · 降雨（至 11-11 20:00）"). */
export function useRiskFlagLabel(): (flagId: string) => string {
  const { store } = useRuntime();
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { timeZone } = useWarehouse();
  const version = useDirectoryVersion();
  return useMemo(() => {
    const { risk, courier } = store.memory.directory;
    return (flagId: string) => {
      const flag = risk.get(flagId);
      if (!flag) return flagId;
      return t('risk.detail', {
        target: flagTarget(flag, (id) => courier.get(id)?.carrier),
        kind: t(`risk.kind.${flag.kind}`),
        until: formatDateTime(flag.endsAt, locale, timeZone),
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable directory
  }, [store, version, t, locale, timeZone]);
}

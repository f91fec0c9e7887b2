import { useMemo } from 'react';
import { useDesk } from '../state/store';
import { translator, type Translate } from './format';

export function useT(): Translate {
  const locale = useDesk((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}

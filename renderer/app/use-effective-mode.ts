import { useMediaQuery } from '@mui/material';
import { useDesk } from '../state/store';

/** The theme mode in effect: the user's choice, or the system's when they chose "system". */
export function useEffectiveMode(): 'light' | 'dark' {
  const mode = useDesk((s) => s.themeMode);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  return mode === 'system' ? (systemDark ? 'dark' : 'light') : mode;
}

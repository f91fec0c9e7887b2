import { createTheme, type Theme } from '@mui/material/styles';
import type { Density } from '../state/store';

/**
 * Dense and calm for a twelve-hour shift: compact controls, muted surfaces, red reserved for overdue. The dark
 * palette keeps the same meanings (red overdue, amber soon) at contrasts readable on a dim night shift.
 */
export function buildTheme(mode: 'light' | 'dark', density: Density = 'comfortable'): Theme {
  const compact = density === 'compact';
  const dark = mode === 'dark';
  return createTheme({
    palette: dark
      ? {
          mode: 'dark',
          primary: { main: '#7aa7f0' },
          error: { main: '#ef6b6b' },
          warning: { main: '#f0a040' },
          success: { main: '#5cc98a' },
          background: { default: '#0f141b', paper: '#171d26' },
          divider: 'rgba(255, 255, 255, 0.10)',
        }
      : {
          mode: 'light',
          primary: { main: '#1f5fbf' },
          error: { main: '#c62828' },
          warning: { main: '#d97706' },
          background: { default: '#f4f6f9', paper: '#ffffff' },
        },
    typography: {
      fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
      fontSize: compact ? 12 : 13,
    },
    spacing: compact ? 6 : 8,
    shape: { borderRadius: 6 },
    components: {
      // No ripple: pressing a button started a ripple render and animation before the release was handled,
      // which put about 10 ms between a click and its result (docs/performance.md). Focus stays visible.
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiButton: {
        defaultProps: { size: 'small', disableElevation: true },
        styleOverrides: { root: { textTransform: 'none' } },
      },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTab: { styleOverrides: { root: { minHeight: compact ? 34 : 40, textTransform: 'none' } } },
      MuiTabs: { styleOverrides: { root: { minHeight: compact ? 34 : 40 } } },
      MuiToggleButton: { styleOverrides: { root: { textTransform: 'none' } } },
    },
  });
}

/** Row height of the worklist grid for a density. */
export const rowHeightFor = (density: Density): number => (density === 'compact' ? 34 : 44);

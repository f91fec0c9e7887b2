// The worklist rows' look as one static style sheet, written once per theme. Rows are plain elements with these
// class names, not MUI components: at a fast scroll about 14 rows are new in every frame, and each MUI row (tick
// box, chip, typography cells: some 16 components resolving their emotion styles) cost more style work per
// frame than a frame has (docs/performance.md). The classes reproduce the MUI small Chip and body2 text.
import { GlobalStyles } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import { memo } from 'react';
import { rowHeightFor } from '../../app/theme';
import type { Density } from '../../state/store';

export const ROW_CLASS = 'wl-row';

/** The block the visible rows flow in; its class sets their height for the density. */
export const rowsClass = (density: Density): string => `wl-rows wl-rows-${density}`;

/** The grid's columns, shared by the header row. */
export const COLUMNS = '32px 60px 140px minmax(150px, 1.2fr) minmax(110px, 1fr) 104px 96px';

/** The chip's palette for a bucket (the same meanings as before: red overdue, amber soon, blue today). */
export type ChipTone = 'error' | 'warning' | 'info' | 'default';

export const chipClass = (tone: ChipTone, filled: boolean): string =>
  `wl-chip wl-chip-${tone}${filled ? ' wl-chip-filled' : ''}`;

function rowStyles(theme: Theme) {
  const { palette, typography } = theme;
  const tone = (t: Exclude<ChipTone, 'default'>) => ({
    [`.wl-chip-${t}`]: { color: palette[t].main, borderColor: alpha(palette[t].main, 0.7) },
    [`.wl-chip-${t}.wl-chip-filled`]: {
      color: palette[t].contrastText,
      backgroundColor: palette[t].main,
      borderColor: 'transparent',
    },
  });
  return {
    // The grid's own containers: the grid re-renders on every scrolled frame, keystroke and action, and each
    // MUI Box with an sx prop serialised and hashed its styles on every one of those renders (about 1 ms a
    // render in the CPU profiles); as classes they cost nothing.
    '.wl-root': { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
    '.wl-grid': { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, outline: 'none' },
    '.wl-grid:focus-visible': { boxShadow: `inset 0 0 0 2px ${palette.primary.main}` },
    '.wl-header': {
      display: 'grid',
      gridTemplateColumns: COLUMNS,
      gap: theme.spacing(1),
      padding: `${theme.spacing(0.75)} ${theme.spacing(1)}`,
      borderBottom: `1px solid ${palette.divider}`,
      color: palette.text.secondary,
    },
    '.wl-header > div': { ...typography.caption },
    '.wl-scroll': { flex: 1, overflow: 'auto', position: 'relative' },
    [`.${ROW_CLASS}`]: {
      display: 'grid',
      gridTemplateColumns: COLUMNS,
      alignItems: 'center',
      gap: theme.spacing(1),
      padding: `0 ${theme.spacing(1)}`,
      cursor: 'pointer',
      boxSizing: 'border-box',
      borderBottom: `1px solid ${palette.divider}`,
      backgroundColor: palette.background.paper,
      color: palette.text.primary,
      fontFamily: typography.fontFamily,
    },
    [`.wl-rows-comfortable > .${ROW_CLASS}`]: { height: rowHeightFor('comfortable') },
    [`.wl-rows-compact > .${ROW_CLASS}`]: { height: rowHeightFor('compact') },
    [`.${ROW_CLASS}:hover`]: { backgroundColor: palette.action.hover },
    [`.${ROW_CLASS}[aria-selected="true"]`]: {
      backgroundColor: palette.action.selected,
      boxShadow: `inset 3px 0 0 ${palette.primary.main}`,
    },
    '.wl-cell': {
      ...typography.body2,
      minWidth: 0,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    '.wl-secondary': { color: palette.text.secondary },
    '.wl-overdue': { color: palette.error.main },
    '.wl-assignee': { display: 'flex', gap: theme.spacing(0.5), alignItems: 'center' },
    '.wl-assignee > span:first-of-type': { overflow: 'hidden', textOverflow: 'ellipsis' },
    // A native tick box in the theme's colour: the size of MUI's small Checkbox with its padding.
    '.wl-check': {
      width: 16,
      height: 16,
      margin: 6,
      accentColor: palette.primary.main,
      cursor: 'pointer',
      verticalAlign: 'middle',
    },
    '.wl-chip': {
      display: 'inline-flex',
      alignItems: 'center',
      boxSizing: 'border-box',
      maxWidth: '100%',
      height: 24,
      padding: '0 7px',
      borderRadius: 12,
      border: `1px solid ${palette.mode === 'light' ? palette.grey[400] : palette.grey[700]}`,
      fontFamily: typography.fontFamily,
      fontSize: typography.pxToRem(13),
      lineHeight: 1.5,
      whiteSpace: 'nowrap',
      color: palette.text.primary,
    },
    '.wl-chip-small': { height: 18 },
    ...tone('error'),
    ...tone('warning'),
    ...tone('info'),
  } as const;
}

/**
 * Rendered beside the grid. Memoised with no props: the grid re-renders on every scrolled frame, and GlobalStyles
 * serialises its styles on each of its renders; a theme change (light/dark, density) still reaches it.
 */
export const WorklistRowStyles = memo(function WorklistRowStyles() {
  return <GlobalStyles styles={rowStyles} />;
});

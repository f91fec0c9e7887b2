import { createTheme } from '@mui/material/styles';

/** Dense and calm for a twelve-hour shift: compact controls, muted surfaces, red reserved for overdue. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1f5fbf' },
    error: { main: '#c62828' },
    warning: { main: '#d97706' },
    background: { default: '#f4f6f9', paper: '#ffffff' },
  },
  typography: {
    fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
    fontSize: 13,
  },
  shape: { borderRadius: 6 },
  components: {
    MuiButton: {
      defaultProps: { size: 'small', disableElevation: true },
      styleOverrides: { root: { textTransform: 'none' } },
    },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiChip: { defaultProps: { size: 'small' } },
    MuiTab: { styleOverrides: { root: { minHeight: 40, textTransform: 'none' } } },
    MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
  },
});

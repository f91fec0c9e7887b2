// What gets printed: a copy of its children attached to <body>, hidden on screen; the print stylesheet hides
// everything else (the app bar, the worklist, dialogs) and lets the copy flow over as many A4 pages as it needs,
// black on white whatever the theme. Electron's printToPDF uses the same print media.
import { GlobalStyles } from '@mui/material';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const PRINT_STYLES = {
  '[data-print-sheet]': { display: 'none' },
  '@media print': {
    '@page': { size: 'A4', margin: '12mm' },
    'html, body': {
      height: 'auto !important',
      overflow: 'visible !important',
      background: '#fff !important',
    },
    'body > *:not([data-print-sheet])': { display: 'none !important' },
    '[data-print-sheet]': { display: 'block !important', color: '#000', background: '#fff' },
    '[data-print-sheet] *': {
      color: '#000 !important',
      backgroundColor: 'transparent !important',
      borderColor: '#999 !important',
      boxShadow: 'none !important',
    },
    '[data-print-sheet] table': { breakInside: 'auto' },
    '[data-print-sheet] tr': { breakInside: 'avoid' },
    '[data-print-sheet] h3': { breakAfter: 'avoid' },
  },
} as const;

export function PrintSheet({ children }: { children: ReactNode }) {
  return (
    <>
      <GlobalStyles styles={PRINT_STYLES} />
      {createPortal(<div data-print-sheet="">{children}</div>, document.body)}
    </>
  );
}

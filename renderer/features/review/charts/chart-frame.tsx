// A chart's frame: an image with a name for assistive technology (the table view is the readable version),
// and the charts' own words in the desk's language.
import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import type { Translate } from '../../../i18n/format';

export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%', minWidth: 0 }}>
      {children}
    </Box>
  );
}

export const chartLocale = (t: Translate) => ({ noData: t('review.empty'), loading: t('remote.loading') });

// The forecast area (brief F14/F15). Being built: this file is the entry the desk's nav loads lazily.
import { Box, Typography } from '@mui/material';
import { useT } from '../../i18n/use-t';

export function ForecastPage() {
  const t = useT();
  return (
    <Box component="section" aria-label={t('nav.forecast')} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {t('nav.forecast')}
      </Typography>
    </Box>
  );
}

export default ForecastPage;

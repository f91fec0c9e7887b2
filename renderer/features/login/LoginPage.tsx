import { Box, Paper, Typography } from '@mui/material';
import type { LoginResponse } from '../../../shared/schemas/auth';
import { useT } from '../../i18n/use-t';
import { LanguageToggle } from '../status/LanguageToggle';
import { LoginForm } from './LoginForm';

export function LoginPage({
  serverUrl,
  onSignedIn,
}: {
  serverUrl: string;
  onSignedIn: (r: LoginResponse) => Promise<void>;
}) {
  const t = useT();
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper sx={{ p: 4, width: 360 }} elevation={2}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 3 }}>
          <Typography variant="h5" component="h1">
            {t('login.title')}
          </Typography>
          <LanguageToggle />
        </Box>
        <LoginForm serverUrl={serverUrl} onSignedIn={onSignedIn} />
      </Paper>
    </Box>
  );
}

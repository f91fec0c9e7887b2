import { Alert, Box, Button, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { LoginResponse } from '../../../shared/schemas/auth';
import { useT } from '../../i18n/use-t';
import { ApiFailure, createApiClient } from '../../platform/api-client';

interface Props {
  serverUrl: string;
  /** Prefills and locks the username when a session expired. */
  username?: string;
  onSignedIn: (response: LoginResponse) => void | Promise<void>;
}

export function LoginForm({ serverUrl, username: fixedUser, onSignedIn }: Props) {
  const t = useT();
  const [username, setUsername] = useState(fixedUser ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = await createApiClient(serverUrl).post<unknown>(
        '/api/auth/login',
        { username, password },
        null,
      );
      await onSignedIn(LoginResponse.parse(body));
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'invalid_credentials') setError(t('login.failed'));
      else if (err instanceof ApiFailure && err.status === 0) setError(t('login.offline'));
      else setError(t('login.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box
      component="form"
      onSubmit={(e) => void submit(e)}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <TextField
        label={t('login.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoComplete="username"
        autoFocus={!fixedUser}
        disabled={Boolean(fixedUser)}
        required
      />
      <TextField
        label={t('login.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        autoFocus={Boolean(fixedUser)}
        required
      />
      {error && <Alert severity="error">{error}</Alert>}
      <Button type="submit" variant="contained" size="medium" disabled={busy}>
        {t('login.submit')}
      </Button>
    </Box>
  );
}

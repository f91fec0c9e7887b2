// Start-up and session lifecycle: find the platform, restore a saved session (offline too: the desk opens
// from local data and syncs when it can), or show the login page.
import { CircularProgress, CssBaseline, Box } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoginResponse } from '../../shared/schemas/auth';
import { DeskPage } from '../features/desk/DeskPage';
import { LoginPage } from '../features/login/LoginPage';
import { detectPlatform, type Platform } from '../platform/bridge';
import { useDesk } from '../state/store';
import { RuntimeContext } from './runtime-context';
import { savedUser, saveUser, startRuntime, type DeskRuntime } from './runtime';
import { buildTheme } from './theme';
import { useEffectiveMode } from './use-effective-mode';

export function App() {
  const [platform, setPlatform] = useState<Platform | null>(null);
  const [runtime, setRuntime] = useState<DeskRuntime | null>(null);
  const [booting, setBooting] = useState(true);
  const mode = useEffectiveMode();
  const density = useDesk((s) => s.density);
  const theme = useMemo(() => buildTheme(mode, density), [mode, density]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const p = await detectPlatform();
      const user = savedUser(p);
      const token = user ? await p.loadToken() : null;
      if (user && token && !cancelled) {
        useDesk.getState().setUser(user);
        setRuntime(await startRuntime(p, user, token));
      }
      if (!cancelled) {
        setPlatform(p);
        setBooting(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => () => runtime?.dispose(), [runtime]);

  const signedIn = useCallback(
    async (response: LoginResponse) => {
      if (!platform) return;
      await platform.saveToken(response.token);
      saveUser(platform, response.user);
      useDesk.getState().setUser(response.user);
      setRuntime(await startRuntime(platform, response.user, response.token));
    },
    [platform],
  );

  const relogin = useCallback(
    async (response: LoginResponse) => {
      if (!platform || !runtime) return;
      await platform.saveToken(response.token);
      saveUser(platform, response.user);
      useDesk.getState().setSessionExpired(false);
      runtime.setToken(response.token);
    },
    [platform, runtime],
  );

  const logout = useCallback(() => {
    if (!platform || !runtime) return;
    const token = runtime.token();
    void runtime.api.post('/api/auth/logout', {}, token).catch(() => undefined);
    void platform.clearToken();
    saveUser(platform, null);
    const desk = useDesk.getState();
    desk.setUser(null);
    desk.select(null);
    desk.setChecked(new Set(), null);
    desk.openDialog(null);
    desk.setPaletteOpen(false);
    desk.setSettingsOpen(false);
    desk.setOutboxOpen(false);
    desk.setView('worklist');
    desk.setSearch('');
    desk.resetFilters();
    setRuntime(null);
  }, [platform, runtime]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      {booting || !platform ? (
        <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
          <CircularProgress aria-label="loading" />
        </Box>
      ) : runtime ? (
        <RuntimeContext.Provider value={runtime}>
          <DeskPage onLogout={logout} onRelogin={relogin} />
        </RuntimeContext.Provider>
      ) : (
        <LoginPage serverUrl={platform.serverUrl} onSignedIn={signedIn} />
      )}
    </ThemeProvider>
  );
}

// The signed-in desk: the app bar (areas, command palette, settings, language, user), the worklist beside the
// case panel (or a lead's floor / approval queue), the status bar, and the desk-wide dialogs and alerts.
import KeyboardCommandKeyIcon from '@mui/icons-material/KeyboardCommandKey';
import LogoutIcon from '@mui/icons-material/Logout';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  Snackbar,
  Toolbar,
  Tooltip,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { canOverride } from '../../../shared/rules/permissions';
import type { LoginResponse } from '../../../shared/schemas/auth';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useStoreValue } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useDesk, type DeskView } from '../../state/store';
import { CaseDetail } from '../case/CaseDetail';
import { LoginForm } from '../login/LoginForm';
import { CriticalAlerts } from '../notifications/CriticalAlerts';
import { CommandPalette, usePaletteHotkey } from '../palette/CommandPalette';
import { SettingsDialog } from '../settings/SettingsDialog';
import { LanguageToggle } from '../status/LanguageToggle';
import { StatusBar } from '../status/StatusBar';
import { Worklist } from '../worklist/Worklist';
import { DeskNav } from './DeskNav';
import { LeadPanel } from './LeadPanel';

// The review, forecast and surge areas (charts, spreadsheet writer) load on first visit, not with the worklist.
const ReviewPage = lazy(() => import('../review/ReviewPage'));
const ForecastPage = lazy(() => import('../forecast/ForecastPage'));
const SurgePage = lazy(() => import('../surge/SurgePage'));

/** Areas every role has; the others (floor, approvals, surge) are a lead's. */
const SHARED_AREAS = new Set<DeskView>(['worklist', 'review', 'forecast']);

const ROLE_LABEL = {
  coordinator: { 'zh-CN': '逾期发货员', en: 'Coordinator' },
  lead: { 'zh-CN': '仓库主管', en: 'Warehouse lead' },
  admin: { 'zh-CN': '管理员', en: 'Admin' },
} as const;

export function DeskPage({
  onLogout,
  onRelogin,
}: {
  onLogout: () => void;
  onRelogin: (r: LoginResponse) => Promise<void>;
}) {
  const t = useT();
  const { user, platform, store } = useRuntime();
  const locale = useDesk((s) => s.locale);
  const selected = useDesk((s) => s.selectedCaseId);
  const expired = useDesk((s) => s.sessionExpired);
  const recovered = useDesk((s) => s.storageRecovered);
  const view = useDesk((s) => s.view);
  const toast = useDesk((s) => s.toast);
  // The warehouse names as one string: the page re-renders when they change, not on every change of the local
  // data (useDirectory did, and took the app bar, its tabs and everything below along with every action).
  const warehouse = useStoreValue((s) =>
    user.warehouseIds.map((id) => s.memory.directory.warehouse.get(id)?.name ?? id).join('、'),
  );
  const detailRef = useRef<HTMLDivElement>(null);
  const lead = canOverride(actorOf(user));
  usePaletteHotkey();
  // An action that was shown but could not be written to the outbox (a full or broken disk) is taken back;
  // the person must hear it, not find the claim quietly gone.
  useEffect(
    () =>
      store.onActionLost((_name, err) =>
        useDesk.getState().showToast({
          text: t('storage.actionLost', { message: err instanceof Error ? err.message : String(err) }),
          severity: 'error',
        }),
      ),
    [store, t],
  );

  const focusNote = useCallback(() => {
    // After a view switch the case panel may mount a frame later.
    requestAnimationFrame(() => {
      const panel = detailRef.current;
      if (!panel) return;
      const label = [...panel.querySelectorAll('label')].find((l) =>
        l.textContent?.startsWith(t('case.note.label')),
      );
      const box =
        (label?.htmlFor ? document.getElementById(label.htmlFor) : null) ??
        panel.querySelector<HTMLElement>('textarea:not([aria-hidden])');
      box?.focus();
    });
  }, [t]);

  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" noWrap>
            {t('appName')}
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.85 }} noWrap>
            {warehouse}
          </Typography>
          <DeskNav lead={lead} />
          <Box sx={{ ml: 'auto', display: 'flex', alignItems: 'center', gap: 1 }}>
            <Tooltip title="Ctrl+K">
              <Button
                color="inherit"
                startIcon={<KeyboardCommandKeyIcon />}
                onClick={() => useDesk.getState().setPaletteOpen(true)}
                aria-keyshortcuts="Control+K Meta+K"
              >
                {t('palette.open')}
              </Button>
            </Tooltip>
            <Tooltip title={t('settings.open')}>
              <IconButton
                color="inherit"
                aria-label={t('settings.open')}
                onClick={() => useDesk.getState().setSettingsOpen(true)}
              >
                <SettingsIcon />
              </IconButton>
            </Tooltip>
            <LanguageToggle color="inherit" />
            <Typography variant="body2" noWrap>
              {user.displayName} · {ROLE_LABEL[user.role][locale]}
            </Typography>
            <Button color="inherit" startIcon={<LogoutIcon />} onClick={onLogout}>
              {t('session.logout')}
            </Button>
          </Box>
        </Toolbar>
      </AppBar>
      {view === 'worklist' || (!lead && !SHARED_AREAS.has(view)) ? (
        <Box
          component="main"
          sx={{
            flex: 1,
            minHeight: 0,
            display: 'grid',
            gridTemplateColumns: 'minmax(640px, 3fr) minmax(380px, 2fr)',
          }}
        >
          <Box sx={{ minHeight: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
            <Worklist
              onOpen={() => detailRef.current?.querySelector<HTMLElement>('button, textarea')?.focus()}
            />
          </Box>
          <Box ref={detailRef} sx={{ minHeight: 0 }}>
            <CaseDetail caseId={selected} />
          </Box>
        </Box>
      ) : (
        <Box component="main" sx={{ flex: 1, minHeight: 0, overflow: 'auto', bgcolor: 'background.paper' }}>
          {view === 'floor' || view === 'approvals' ? (
            <LeadPanel view={view} />
          ) : (
            <Suspense fallback={<LinearProgress aria-label={t('remote.loading')} />}>
              {view === 'review' ? <ReviewPage /> : view === 'forecast' ? <ForecastPage /> : <SurgePage />}
            </Suspense>
          )}
        </Box>
      )}
      {recovered && (
        <Alert
          severity="warning"
          onClose={() => useDesk.getState().setStorage(useDesk.getState().storagePersisted, false)}
        >
          {t('storage.recovered')}
        </Alert>
      )}
      <StatusBar />
      <CommandPalette onLogout={onLogout} onFocusNote={focusNote} />
      <SettingsDialog />
      <CriticalAlerts />
      <Snackbar
        open={toast !== null}
        autoHideDuration={5000}
        onClose={() => useDesk.getState().showToast(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={toast?.severity ?? 'info'}
          variant="filled"
          onClose={() => useDesk.getState().showToast(null)}
        >
          {toast?.text}
        </Alert>
      </Snackbar>
      <Dialog open={expired} aria-labelledby="relogin-title">
        <DialogTitle id="relogin-title">{t('session.relogin')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('session.expired')}
          </Typography>
          <LoginForm serverUrl={platform.serverUrl} username={user.username} onSignedIn={onRelogin} />
        </DialogContent>
      </Dialog>
    </Box>
  );
}

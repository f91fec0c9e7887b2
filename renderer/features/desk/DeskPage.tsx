import LogoutIcon from '@mui/icons-material/Logout';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  Toolbar,
  Typography,
} from '@mui/material';
import { useRef } from 'react';
import type { LoginResponse } from '../../../shared/schemas/auth';
import { useRuntime } from '../../app/runtime-context';
import { useDirectory } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { CaseDetail } from '../case/CaseDetail';
import { LoginForm } from '../login/LoginForm';
import { LanguageToggle } from '../status/LanguageToggle';
import { StatusBar } from '../status/StatusBar';
import { Worklist } from '../worklist/Worklist';

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
  const { user, platform } = useRuntime();
  const locale = useDesk((s) => s.locale);
  const selected = useDesk((s) => s.selectedCaseId);
  const expired = useDesk((s) => s.sessionExpired);
  const recovered = useDesk((s) => s.storageRecovered);
  const directory = useDirectory();
  const detailRef = useRef<HTMLDivElement>(null);
  const warehouse = user.warehouseIds.map((id) => directory.warehouse.get(id)?.name ?? id).join('、');

  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1">
            {t('appName')}
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {warehouse}
          </Typography>
          <Box sx={{ ml: 'auto', display: 'flex', alignItems: 'center', gap: 1 }}>
            <LanguageToggle color="inherit" />
            <Typography variant="body2">
              {user.displayName} · {ROLE_LABEL[user.role][locale]}
            </Typography>
            <Button color="inherit" startIcon={<LogoutIcon />} onClick={onLogout}>
              {t('session.logout')}
            </Button>
          </Box>
        </Toolbar>
      </AppBar>
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
      {recovered && (
        <Alert
          severity="warning"
          onClose={() => useDesk.getState().setStorage(useDesk.getState().storagePersisted, false)}
        >
          {t('storage.recovered')}
        </Alert>
      )}
      <StatusBar />
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

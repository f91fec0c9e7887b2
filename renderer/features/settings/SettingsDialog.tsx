// Settings (W11, W10): language, theme (light / dark / system), density, and the alerts for critical cases
// (desktop notification, badge). Every choice applies at once and is remembered across restarts (store.ts).
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Switch,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import { formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk, type Density, type ThemeMode } from '../../state/store';
import { CRITICAL_PENALTY_FEN } from '../notifications/overdue-watch';

function Choice<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = `settings-${name}-label`;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Typography id={id} variant="body2" sx={{ width: 96, flexShrink: 0 }}>
        {label}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={value}
        aria-labelledby={id}
        onChange={(_, v: T | null) => v && onChange(v)}
      >
        {options.map((o) => (
          <ToggleButton key={o.value} value={o.value} sx={{ px: 2 }}>
            {o.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="overline" sx={{ color: 'text.secondary' }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

export function SettingsDialog() {
  const t = useT();
  const { platform } = useRuntime();
  const open = useDesk((s) => s.settingsOpen);
  const locale = useDesk((s) => s.locale);
  const themeMode = useDesk((s) => s.themeMode);
  const density = useDesk((s) => s.density);
  const notifications = useDesk((s) => s.notifications);
  const badge = useDesk((s) => s.badge);
  const desk = useDesk.getState();
  const [permission, setPermission] = useState(() => platform.notificationPermission());
  const close = () => desk.setSettingsOpen(false);

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby="settings-title"
      maxWidth="sm"
      fullWidth
      slotProps={{ transition: { onEnter: () => setPermission(platform.notificationPermission()) } }}
    >
      <DialogTitle id="settings-title">{t('settings.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        <Choice<Locale>
          name="language"
          label={t('settings.language')}
          value={locale}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={desk.setLocale}
        />
        <Choice<ThemeMode>
          name="theme"
          label={t('settings.theme')}
          value={themeMode}
          options={(['light', 'dark', 'system'] as const).map((m) => ({
            value: m,
            label: t(`settings.theme.${m}`),
          }))}
          onChange={desk.setThemeMode}
        />
        <Choice<Density>
          name="density"
          label={t('settings.density')}
          value={density}
          options={(['comfortable', 'compact'] as const).map((d) => ({
            value: d,
            label: t(`settings.density.${d}`),
          }))}
          onChange={desk.setDensity}
        />
        <Divider />
        <Section title={t('settings.alerts')}>
          <FormControlLabel
            control={<Switch checked={notifications} onChange={(_, on) => desk.setNotifications(on)} />}
            label={t('settings.notifications')}
          />
          <Typography variant="body2" sx={{ color: 'text.secondary', ml: 6, mt: -1 }}>
            {t('settings.notificationsRule', { amount: formatMoney(CRITICAL_PENALTY_FEN, locale) })}
          </Typography>
          {platform.kind === 'browser' && notifications && (
            <Box sx={{ ml: 6, display: 'flex', alignItems: 'center', gap: 1.5 }}>
              {permission === 'default' ? (
                <Button
                  variant="outlined"
                  onClick={() => void platform.requestNotifications().then(setPermission)}
                >
                  {t('settings.permission')}
                </Button>
              ) : (
                <Typography
                  variant="body2"
                  sx={{ color: permission === 'granted' ? 'success.main' : 'warning.main' }}
                  role="status"
                >
                  {t(
                    permission === 'granted'
                      ? 'settings.permission.granted'
                      : permission === 'denied'
                        ? 'settings.permission.denied'
                        : 'settings.permission.unsupported',
                  )}
                </Typography>
              )}
            </Box>
          )}
          <FormControlLabel
            control={<Switch checked={badge} onChange={(_, on) => desk.setBadge(on)} />}
            label={t('settings.badge')}
          />
        </Section>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={close}>
          {t('settings.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

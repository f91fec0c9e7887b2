import TranslateIcon from '@mui/icons-material/Translate';
import { Button } from '@mui/material';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

export function LanguageToggle({ color = 'primary' }: { color?: 'primary' | 'inherit' }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const setLocale = useDesk((s) => s.setLocale);
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      aria-label={t('nav.language')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {locale === 'zh-CN' ? 'English' : '中文'}
    </Button>
  );
}

import type { Refusal } from '../../../shared/sync/protocol';
import type { Locale } from '../../../shared/i18n/labels';
import { formatDateTime, type Translate } from '../../i18n/format';

/** A refusal in the user's words: who did what and when, not an error code. */
export function refusalText(
  refusal: Refusal,
  t: Translate,
  nameOf: (id: string | null) => string | null,
  locale: Locale,
): string {
  switch (refusal.code) {
    case 'conflict':
      return t('refusal.conflict', {
        who: nameOf(refusal.by ?? null) ?? t('someone'),
        at: refusal.at ? formatDateTime(refusal.at, locale) : '—',
      });
    case 'invalid':
      return t('refusal.invalid', { message: refusal.message });
    default:
      return t(`refusal.${refusal.code}`);
  }
}

// Where the surge area's data lives on the server, and who may change what there (server/routes/rules.ts,
// analytics.ts, surge.ts): admins keep the promotion calendar; leads and admins plan and switch overflow.
import type { Promotion } from '../../../shared/rules/platform-rules';
import type { Role } from '../../../shared/schemas/enums';
import type { Locale } from '../../../shared/i18n/labels';

export interface RuleBookReply {
  promotions: Promotion[];
}

export const paths = {
  rules: '/api/rules',
  promotions: '/api/admin/promotions',
  promotion: (id: string) => `/api/admin/promotions/${encodeURIComponent(id)}`,
  estimate: (wh: string, promotionId: string | null) =>
    `/api/warehouses/${wh}/capacity-plan${promotionId ? `?promotionId=${encodeURIComponent(promotionId)}` : ''}`,
  staffing: (wh: string, promotionId: string | null) =>
    `/api/warehouses/${wh}/capacity-plan/staffing${promotionId ? `?promotionId=${encodeURIComponent(promotionId)}` : ''}`,
  staffingSave: (wh: string) => `/api/warehouses/${wh}/capacity-plan/staffing`,
  settings: (wh: string) => `/api/warehouses/${wh}/settings`,
  load: (wh: string) => `/api/warehouses/${wh}/coordinator-load`,
};

export const canEditPromotions = (role: Role): boolean => role === 'admin';
export const canPlan = (role: Role): boolean => role === 'lead' || role === 'admin';

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

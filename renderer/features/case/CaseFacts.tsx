import { Box, Paper, Typography } from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { useDirectory } from '../../data/hooks';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="textSecondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {value}
      </Typography>
    </>
  );
}

export const FACT_LIST_SX = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 2,
  rowGap: 0.5,
  m: 0,
} as const;

/** What the order is: goods, money, customer, where it picks and who carries it. */
export function CaseFacts({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const directory = useDirectory();
  const courier = c.order.courierId ? directory.courier.get(c.order.courierId) : undefined;
  const zone = c.order.zoneId ? directory.zone.get(c.order.zoneId) : undefined;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('case.order')}
      </Typography>
      <Box component="dl" sx={FACT_LIST_SX}>
        <Fact label={t('case.paidAt')} value={formatDateTime(c.order.paidAt, locale)} />
        <Fact
          label={t('case.items')}
          value={c.order.items.map((i) => `${i.name} ×${i.qty}`).join('、') || '—'}
        />
        <Fact label={t('case.value')} value={formatMoney(c.order.valueFen, locale, c.order.currency)} />
        <Fact label={t('case.penalty')} value={formatMoney(c.penaltyFen, locale, c.order.currency)} />
        <Fact label={t('case.customer')} value={`${c.order.customerName}${c.order.vip ? ' (VIP)' : ''}`} />
        <Fact label={t('case.phone')} value={c.order.customerPhone || '—'} />
        <Fact label={t('case.city')} value={`${c.order.region} ${c.order.city}`} />
        <Fact label={t('case.zone')} value={zone ? `${zone.code} ${zone.name}` : '—'} />
        <Fact label={t('case.courier')} value={courier ? `${courier.carrier} · ${courier.depot}` : '—'} />
        <Fact label={t('case.waybill')} value={c.order.waybill ?? '—'} />
      </Box>
    </Paper>
  );
}

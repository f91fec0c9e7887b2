// The courier side of one case (brief F8, W6): the carrier and its depot, whom to call, when the next pickup
// cut-off is (counting down against server time, in the warehouse's time zone), how the depot is doing; the
// green-channel request and the courier's answer; switching to another carrier. Below, every depot at a glance.
import {
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { CaseView } from '../../../shared/schemas/case';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { Fact, FACT_LIST_SX } from '../case/CaseFacts';
import { DepotChip, useCutoffText } from './DepotChip';
import { GreenChannelCard } from './GreenChannelCard';
import { useCouriers } from './use-couriers';

export function CourierPanel({ c }: { c: CaseView }) {
  const t = useT();
  const { couriers, timeZone } = useCouriers(c.warehouseId);
  const cutoffText = useCutoffText();
  const openDialog = useDesk((s) => s.openDialog);
  const courier = couriers.find((x) => x.id === c.order.courierId);
  const open = c.status === 'open';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Paper variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={t('courier.title')}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
            {t('courier.title')}
          </Typography>
          {courier && <DepotChip status={courier.status} />}
          {open && (
            <Button variant="outlined" onClick={() => openDialog('switchCarrier')}>
              {t('courier.switch')}
            </Button>
          )}
        </Box>
        {c.needsNewWaybill && (
          <Typography variant="body2" color="warning" sx={{ mb: 1, fontWeight: 600 }}>
            {t('courier.newWaybill')}
          </Typography>
        )}
        {courier ? (
          <Box component="dl" sx={FACT_LIST_SX}>
            <Fact label={t('courier.carrier')} value={courier.carrier} />
            <Fact label={t('courier.depot')} value={courier.depot} />
            <Fact label={t('courier.contact')} value={courier.contactName} />
            <Fact label={t('courier.phone')} value={courier.phone} />
            <Fact label={t('courier.nextCutoff')} value={cutoffText(courier, timeZone)} />
            <Fact label={t('courier.cutoffs')} value={courier.pickupCutoffs.join(' / ') || '—'} />
            <Fact label={t('case.waybill')} value={c.order.waybill ?? '—'} />
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('courier.none')}
          </Typography>
        )}
      </Paper>
      <GreenChannelCard c={c} />
      <Box>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('courier.all')}
        </Typography>
        <Table size="small" aria-label={t('courier.all')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('courier.col.carrier')}</TableCell>
              <TableCell>{t('courier.col.contact')}</TableCell>
              <TableCell>{t('courier.col.cutoff')}</TableCell>
              <TableCell>{t('courier.col.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {couriers.map((x) => (
              <TableRow key={x.id} selected={x.id === c.order.courierId}>
                <TableCell>
                  <Typography variant="body2">{x.carrier}</Typography>
                  <Typography variant="caption" color="textSecondary">
                    {x.depot}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{x.contactName}</Typography>
                  <Typography variant="caption" color="textSecondary">
                    {x.phone}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{cutoffText(x, timeZone)}</Typography>
                </TableCell>
                <TableCell>
                  <DepotChip status={x.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

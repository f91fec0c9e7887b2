// The compensation side of one case (brief F10, W8): the platform penalty at stake or avoided, the ledger of
// offers with their approval state and totals, an offer button, and for a lead the decisions and the way into
// the approval queue across all cases.
import {
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { usePersonName } from '../../data/hooks';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { ApprovalDrawer, usePendingApprovals } from './ApprovalQueue';
import { DecideButtons } from './DecideButtons';
import { ledgerTotals } from './ledger';
import { PenaltyLine } from './PenaltyLine';

const STATUS_COLOR = { approved: 'success', pending_approval: 'warning', rejected: 'default' } as const;

export function CompensationPanel({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const openDialog = useDesk((s) => s.openDialog);
  const { user } = useRuntime();
  const lead = canOverride(actorOf(user));
  const nameOf = usePersonName();
  const queue = usePendingApprovals();
  const [queueOpen, setQueueOpen] = useState(false);
  const money = (fen: number) => formatMoney(fen, locale, c.order.currency);
  const totals = ledgerTotals(c.compensations);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Box sx={{ flex: 1 }}>
            <PenaltyLine c={c} />
            <Typography variant="caption" color="textSecondary">
              {t('comp.limit', { amount: money(c.compensationLimitFen) })}
            </Typography>
          </Box>
          {lead && (
            <Button onClick={() => setQueueOpen(true)}>{t('approval.open', { count: queue.length })}</Button>
          )}
          <Button variant="contained" onClick={() => openDialog('compensate')}>
            {t('comp.offer')}
          </Button>
        </Box>
      </Paper>
      <Box>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 0.5 }}>
          <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
            {t('comp.ledger')}
          </Typography>
          <Typography variant="body2" data-testid="ledger-total">
            {t('comp.total', { amount: money(totals.approvedFen) })}
          </Typography>
          {totals.pendingFen > 0 && (
            <Typography variant="body2" color="warning">
              {t('comp.pendingTotal', { amount: money(totals.pendingFen) })}
            </Typography>
          )}
        </Box>
        {c.compensations.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {t('comp.empty')}
          </Typography>
        ) : (
          <Table size="small" aria-label={t('comp.ledger')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('comp.col.type')}</TableCell>
                <TableCell align="right">{t('comp.col.amount')}</TableCell>
                <TableCell>{t('comp.col.status')}</TableCell>
                <TableCell>{t('comp.col.who')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {c.compensations.map((x) => (
                <TableRow key={x.id}>
                  <TableCell>
                    {t(`comp.type.${x.type}`)}
                    {x.note && (
                      <Typography variant="caption" color="textSecondary" component="div">
                        {x.note}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{money(x.amountFen)}</TableCell>
                  <TableCell>
                    <Chip
                      label={t(`comp.status.${x.status}`)}
                      color={STATUS_COLOR[x.status]}
                      variant="outlined"
                    />
                    {lead && x.status === 'pending_approval' && (
                      <Box sx={{ mt: 0.5 }}>
                        <DecideButtons c={c} compensation={x} />
                      </Box>
                    )}
                  </TableCell>
                  <TableCell>
                    <Typography variant="caption" component="div">
                      {t('comp.offeredBy', {
                        who: nameOf(x.offeredBy) ?? t('someone'),
                        at: formatDateTime(x.offeredAt, locale),
                      })}
                    </Typography>
                    {x.decidedAt !== null && x.decidedBy !== x.offeredBy && (
                      <Typography variant="caption" color="textSecondary" component="div">
                        {t('comp.decidedBy', {
                          who: nameOf(x.decidedBy) ?? t('someone'),
                          at: formatDateTime(x.decidedAt, locale),
                        })}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      {lead && <ApprovalDrawer open={queueOpen} onClose={() => setQueueOpen(false)} />}
    </Box>
  );
}

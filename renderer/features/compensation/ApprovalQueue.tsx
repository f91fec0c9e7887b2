// The lead's approval queue (brief F10, W8): every offer above the limit waiting for a decision, across all
// cases, oldest first, with the case, who offered it, the penalty at stake, approve and reject. Built from the
// in-memory picture, so it works offline and a decision shows at once. Exported for the desk layout; also
// opened as a drawer from a case's compensation tab.
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, Drawer, IconButton, Paper, Typography } from '@mui/material';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { useRuntime } from '../../app/runtime-context';
import { useDerivedLater, usePersonName, useServerNow } from '../../data/hooks';
import { formatCountdown, formatDateTime, formatMoney } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { DecideButtons } from './DecideButtons';
import { PenaltyLine } from './PenaltyLine';
import { pendingApprovals, type PendingApproval } from './ledger';

export function usePendingApprovals(): PendingApproval[] {
  const { store } = useRuntime();
  return useDerivedLater(() => pendingApprovals(store.memory.allCases()), [store]);
}

/** Opens a case from the queue: selects it and shows the worklist beside its panel. */
function openCase(caseId: string) {
  const desk = useDesk.getState();
  desk.select(caseId);
  desk.setView('worklist');
}

export function ApprovalQueue({ onOpenCase = openCase }: { onOpenCase?: (caseId: string) => void }) {
  const t = useT();
  return (
    <Box
      role="region"
      aria-label={t('approval.title')}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography variant="h6" component="h2" sx={{ pr: 5 }}>
        {t('approval.title')}
      </Typography>
      <QueueList onOpenCase={onOpenCase} />
    </Box>
  );
}

function QueueList({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const nameOf = usePersonName();
  const queue = usePendingApprovals();
  const now = useServerNow(30_000);
  if (queue.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('approval.empty')}
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      aria-label={t('approval.title')}
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 1, maxWidth: 960 }}
    >
      {queue.map(({ c, compensation }) => (
        <Paper
          component="li"
          variant="outlined"
          key={compensation.id}
          aria-label={`${c.platformOrderId} ${t(`comp.type.${compensation.type}`)}`}
          sx={{ p: 1.25, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Box sx={{ flex: 1, minWidth: 220 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('approval.item', {
                type: t(`comp.type.${compensation.type}`),
                amount: formatMoney(compensation.amountFen, locale, c.order.currency),
              })}
            </Typography>
            <Button
              size="small"
              sx={{ p: 0, minWidth: 0 }}
              aria-label={t('approval.openCase', { order: c.platformOrderId })}
              onClick={() => onOpenCase(c.id)}
            >
              {PLATFORM_LABELS[c.platform][locale]} · {c.platformOrderId}
            </Button>
            {c.status === 'open' && (
              <Typography
                component="span"
                variant="caption"
                color={c.shipBy <= now ? 'error' : 'warning'}
                sx={{ ml: 1 }}
              >
                {formatCountdown(c.shipBy, now, t)}
              </Typography>
            )}
            <Typography variant="caption" color="textSecondary" component="div">
              {t('comp.offeredBy', {
                who: nameOf(compensation.offeredBy) ?? t('someone'),
                at: formatDateTime(compensation.offeredAt, locale),
              })}
              {compensation.note ? ` · ${compensation.note}` : ''}
            </Typography>
            <PenaltyLine c={c} dense />
          </Box>
          <DecideButtons c={c} compensation={compensation} />
        </Paper>
      ))}
    </Box>
  );
}

export function ApprovalDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer anchor="right" open={open} onClose={onClose} slotProps={{ paper: { sx: { width: 520 } } }}>
      <Box sx={{ position: 'relative' }}>
        <IconButton
          aria-label={t('approval.close')}
          onClick={onClose}
          sx={{ position: 'absolute', top: 12, right: 12 }}
        >
          <CloseIcon />
        </IconButton>
        {open && (
          <ApprovalQueue
            onOpenCase={(id) => {
              onClose();
              useDesk.getState().select(id);
            }}
          />
        )}
      </Box>
    </Drawer>
  );
}

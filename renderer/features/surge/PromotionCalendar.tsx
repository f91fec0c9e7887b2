// The promotion calendar (brief F15): what is running and what is coming, as a list and on one timeline
// with today marked. Admins add, edit and delete promotions; everyone else reads them.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogTitle,
  IconButton,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import type { Promotion } from '../../../shared/rules/platform-rules';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { RemoteError, useServer } from '../review/remote';
import { paths } from './api';
import { calendarOrder, promotionState, timeline, type PromotionState } from './plan';
import { PromotionDialog } from './PromotionDialog';

const STATE_COLOR: Record<PromotionState, 'success' | 'info' | 'default'> = {
  active: 'success',
  upcoming: 'info',
  ended: 'default',
};

export function PromotionCalendar({
  promotions,
  canEdit,
  timeZone,
  now,
  onChanged,
}: {
  promotions: readonly Promotion[];
  canEdit: boolean;
  timeZone: string;
  now: number;
  onChanged: () => void;
}) {
  const t = useT();
  const send = useServer();
  const locale = useDesk((s) => s.locale);
  const [editing, setEditing] = useState<Promotion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Promotion | null>(null);
  const list = calendarOrder(promotions, now);
  const when = (ms: number) => formatDateTime(ms, locale, timeZone);
  const platformsOf = (p: Promotion) =>
    p.platforms?.map((x) => PLATFORM_LABELS[x][locale]).join('、') ?? t('surge.allPlatforms');

  const remove = async (p: Promotion) => {
    setDeleting(null);
    try {
      const r = await send<{ ordersUpdated: number }>('DELETE', paths.promotion(p.id));
      useDesk.getState().showToast({
        text: t('surge.deleted', { name: p.name, orders: r.ordersUpdated }),
        severity: 'success',
      });
    } catch (err) {
      useDesk.getState().showToast({
        text: t('remote.error', { message: err instanceof RemoteError ? err.message : String(err) }),
        severity: 'error',
      });
    }
    onChanged();
  };

  return (
    <Paper variant="outlined" component="section" aria-label={t('surge.calendar')} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
          {t('surge.calendar')}
        </Typography>
        {canEdit ? (
          <Button variant="outlined" size="small" onClick={() => setEditing('new')}>
            {t('surge.add')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('surge.adminOnly')}
          </Typography>
        )}
      </Box>
      {list.length === 0 ? (
        <Alert severity="info">{t('surge.none')}</Alert>
      ) : (
        <>
          <Timeline promotions={list} now={now} when={when} />
          <Table size="small" aria-label={t('surge.calendar')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('surge.promo.name')}</TableCell>
                <TableCell>{t('surge.promo.platforms')}</TableCell>
                <TableCell>{t('surge.promo.paid')}</TableCell>
                <TableCell>{t('surge.promo.shipBy')}</TableCell>
                <TableCell>{t('surge.promo.state')}</TableCell>
                {canEdit && <TableCell>{t('surge.actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((p) => {
                const state = promotionState(p, now);
                return (
                  <TableRow key={p.id} data-promotion-id={p.id}>
                    <TableCell>{p.name}</TableCell>
                    <TableCell>{platformsOf(p)}</TableCell>
                    <TableCell>
                      {when(p.paidFrom)} – {when(p.paidUntil)}
                    </TableCell>
                    <TableCell>{when(p.shipBy)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATE_COLOR[state]} label={t(`surge.state.${state}`)} />
                    </TableCell>
                    {canEdit && (
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Tooltip title={t('surge.edit', { name: p.name })}>
                          <IconButton
                            size="small"
                            aria-label={t('surge.edit', { name: p.name })}
                            onClick={() => setEditing(p)}
                          >
                            <EditOutlinedIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title={t('surge.delete', { name: p.name })}>
                          <IconButton
                            size="small"
                            aria-label={t('surge.delete', { name: p.name })}
                            onClick={() => setDeleting(p)}
                          >
                            <DeleteOutlineIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
      {editing && (
        <PromotionDialog
          promotion={editing === 'new' ? null : editing}
          timeZone={timeZone}
          now={now}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {/* Deleting re-times every unfinished order in the window, so it asks first. */}
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)}>
        <DialogTitle>{deleting ? t('surge.delete', { name: deleting.name }) : ''}</DialogTitle>
        <DialogActions>
          <Button onClick={() => setDeleting(null)}>{t('surge.form.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => deleting && void remove(deleting)}>
            {deleting ? t('surge.delete', { name: deleting.name }) : ''}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}

/** Payment window (solid) and shipping tail (light) of each promotion on one scale, with a line at now. */
function Timeline({
  promotions,
  now,
  when,
}: {
  promotions: readonly Promotion[];
  now: number;
  when: (ms: number) => string;
}) {
  const t = useT();
  const tl = timeline(promotions, now);
  return (
    <Box role="list" aria-label={t('surge.timeline')} sx={{ position: 'relative', mb: 2, mt: 1 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', color: 'text.secondary', fontSize: 12 }}>
        <span>{when(tl.from)}</span>
        <span>{when(tl.to)}</span>
      </Box>
      {promotions.map((p, i) => {
        const bar = tl.bars[i]!;
        const label = t('surge.timeline.paid', {
          name: p.name,
          from: when(p.paidFrom),
          until: when(p.paidUntil),
          shipBy: when(p.shipBy),
        });
        return (
          <Tooltip key={p.id} title={label}>
            <Box role="listitem" aria-label={label} sx={{ position: 'relative', height: 22, my: 0.5 }}>
              <Box
                sx={{
                  position: 'absolute',
                  left: `${bar.left}%`,
                  width: `${Math.max(bar.paidWidth, 0.5)}%`,
                  height: '100%',
                  bgcolor: 'primary.main',
                  borderRadius: 1,
                }}
              />
              <Box
                sx={{
                  position: 'absolute',
                  left: `${bar.left + bar.paidWidth}%`,
                  width: `${bar.shipWidth}%`,
                  height: '100%',
                  bgcolor: 'primary.light',
                  opacity: 0.5,
                  borderRadius: 1,
                }}
              />
              <Typography
                variant="caption"
                sx={{
                  position: 'absolute',
                  left: `${bar.left}%`,
                  pl: 0.5,
                  lineHeight: '22px',
                  color: 'white',
                }}
                noWrap
              >
                {p.name}
              </Typography>
            </Box>
          </Tooltip>
        );
      })}
      <Box
        aria-hidden
        sx={{
          position: 'absolute',
          top: 16,
          bottom: 0,
          left: `${tl.nowAt}%`,
          borderLeft: 2,
          borderColor: 'error.main',
        }}
      >
        <Typography variant="caption" color="error" sx={{ pl: 0.5 }}>
          {t('surge.timeline.now')}
        </Typography>
      </Box>
    </Box>
  );
}

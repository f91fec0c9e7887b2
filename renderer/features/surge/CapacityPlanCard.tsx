// The capacity plan for a promotion's days (brief F15), zone by zone: the orders expected against planned
// pickers × pick rate, shortfalls highlighted. The server estimates it (last week's orders × the surge factor,
// the picker roster); a lead adjusts any figure and saves the plan, which then replaces the estimate.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControl,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { Promotion } from '../../../shared/rules/platform-rules';
import type { StaffingPlan, StaffingZone } from '../../../shared/schemas/surge';
import { usePersonName, useDirectory } from '../../data/hooks';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { RemoteError, useRemote, useServer } from '../review/remote';
import { RemoteState } from '../review/RemoteState';
import type { CapacityPlan } from '../../../shared/schemas/analytics';
import { formatNumber, paths } from './api';
import { calendarOrder, mergePlan, promotionState, SHIFT_HOURS, totals, zoneRow } from './plan';

type Field = 'expectedPerDay' | 'pickers' | 'picksPerHour';
const FIELDS: readonly { field: Field; label: MessageKey }[] = [
  { field: 'expectedPerDay', label: 'surge.plan.expected' },
  { field: 'pickers', label: 'surge.plan.pickers' },
  { field: 'picksPerHour', label: 'surge.plan.rate' },
];

/** The promotion a lead most likely plans for: the running one, else the next. */
export function defaultPromotion(promotions: readonly Promotion[], now: number): string | null {
  const next = calendarOrder(promotions, now).find((p) => promotionState(p, now) !== 'ended');
  return next?.id ?? null;
}

export function CapacityPlanCard({
  warehouseId,
  promotions,
  canEdit,
  timeZone,
  now,
}: {
  warehouseId: string;
  promotions: readonly Promotion[];
  canEdit: boolean;
  timeZone: string;
  now: number;
}) {
  const t = useT();
  const send = useServer();
  const locale = useDesk((s) => s.locale);
  const directory = useDirectory();
  const personName = usePersonName();
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  // undefined: the lead has not chosen, so follow the calendar; a deleted promotion falls back the same way.
  const promotionId =
    chosen === undefined || (chosen !== null && !promotions.some((p) => p.id === chosen))
      ? defaultPromotion(promotions, now)
      : chosen;
  const estimate = useRemote<CapacityPlan>(warehouseId ? paths.estimate(warehouseId, promotionId) : null);
  const saved = useRemote<StaffingPlan>(warehouseId ? paths.staffing(warehouseId, promotionId) : null);
  // Edits belong to the plan they were made on; switching promotion shows that plan's own figures.
  const planKey = `${promotionId ?? ''}`;
  const [edits, setEdits] = useState<{ key: string; zones: Record<string, StaffingZone> }>({
    key: planKey,
    zones: {},
  });
  const myEdits = edits.key === planKey ? edits.zones : {};
  const [busy, setBusy] = useState(false);

  const ready = estimate.data && saved.data && saved.data.promotionId === promotionId;
  const base = ready ? mergePlan(estimate.data!.zones, saved.data!.zones) : [];
  const rows = base.map((z) => zoneRow(myEdits[z.zoneId] ?? z));
  const sum = totals(rows);
  const dirty = Object.keys(myEdits).length > 0;
  const valid = rows.every((r) => r.picksPerHour > 0);
  const zoneName = (id: string) => directory.zone.get(id)?.name ?? id;
  const n = (x: number) => formatNumber(x, locale);

  const edit = (zone: StaffingZone, field: Field, raw: string) => {
    // An emptied field counts as 0 so it can be retyped; a zero pick rate blocks saving (see `valid`).
    const value = raw === '' ? 0 : Number(raw);
    if (!Number.isFinite(value) || value < 0) return;
    const next = { ...zone, [field]: field === 'picksPerHour' ? value : Math.round(value) };
    setEdits({ key: planKey, zones: { ...myEdits, [zone.zoneId]: next } });
  };

  const save = async () => {
    setBusy(true);
    try {
      await send('PUT', paths.staffingSave(warehouseId), {
        promotionId,
        zones: rows.map(({ zoneId, expectedPerDay, pickers, picksPerHour }) => ({
          zoneId,
          expectedPerDay,
          pickers,
          picksPerHour,
        })),
      });
      setEdits({ key: planKey, zones: {} });
      saved.reload();
      useDesk.getState().showToast({ text: t('surge.plan.saved'), severity: 'success' });
    } catch (err) {
      useDesk.getState().showToast({
        text: t('remote.error', { message: err instanceof RemoteError ? err.message : String(err) }),
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-label={t('surge.plan')} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
          {t('surge.plan')}
        </Typography>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="surge-plan-promo">{t('surge.plan.promo')}</InputLabel>
          <Select
            labelId="surge-plan-promo"
            label={t('surge.plan.promo')}
            value={promotionId ?? ''}
            onChange={(e) => setChosen(e.target.value === '' ? null : e.target.value)}
          >
            <MenuItem value="">{t('surge.plan.normal')}</MenuItem>
            {calendarOrder(promotions, now).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Box>
      <RemoteState remote={estimate} />
      <RemoteState remote={saved} />
      {ready && (
        <>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('surge.plan.summary', {
              normal: n(estimate.data!.normalOrdersPerDay),
              expected: n(estimate.data!.expectedOrdersPerDay),
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {saved.data!.updatedAt !== null
              ? t('surge.plan.savedAt', {
                  who: personName(saved.data!.updatedBy) ?? saved.data!.updatedBy ?? '',
                  time: formatDateTime(saved.data!.updatedAt, locale, timeZone),
                })
              : t('surge.plan.estimate')}
            {' · '}
            {t('surge.plan.shiftHours', { hours: SHIFT_HOURS })}
          </Typography>
          <Table size="small" aria-label={t('surge.plan')} sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('surge.plan.zone')}</TableCell>
                {FIELDS.map((f) => (
                  <TableCell key={f.field} align="right">
                    {t(f.label)}
                  </TableCell>
                ))}
                <TableCell align="right">{t('surge.plan.capacity')}</TableCell>
                <TableCell align="right">{t('surge.plan.shortfall')}</TableCell>
                <TableCell align="right">{t('surge.plan.extra')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow
                  key={r.zoneId}
                  data-zone-id={r.zoneId}
                  data-short={r.shortfall > 0 ? 'true' : 'false'}
                  sx={r.shortfall > 0 ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : undefined}
                >
                  <TableCell>{zoneName(r.zoneId)}</TableCell>
                  {FIELDS.map((f) => (
                    <TableCell key={f.field} align="right">
                      {canEdit ? (
                        <TextField
                          type="number"
                          size="small"
                          variant="standard"
                          value={r[f.field]}
                          error={f.field === 'picksPerHour' && r.picksPerHour <= 0}
                          onChange={(e) => edit(r, f.field, e.target.value)}
                          slotProps={{
                            htmlInput: {
                              min: 0,
                              step: f.field === 'picksPerHour' ? 'any' : 1,
                              'aria-label': t('surge.plan.field', {
                                zone: zoneName(r.zoneId),
                                field: t(f.label),
                              }),
                              style: { textAlign: 'right', width: 80 },
                            },
                          }}
                        />
                      ) : (
                        n(r[f.field])
                      )}
                    </TableCell>
                  ))}
                  <TableCell align="right">{n(r.capacityPerDay)}</TableCell>
                  <TableCell align="right">
                    {r.shortfall > 0 ? (
                      <Chip
                        size="small"
                        color="error"
                        label={t('surge.plan.short', { count: n(r.shortfall) })}
                      />
                    ) : (
                      <Typography variant="body2" color="success.main" component="span">
                        {t('surge.plan.ok')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{n(r.extraPickerShifts)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{t('surge.plan.total')}</TableCell>
                <TableCell align="right">{n(sum.expectedPerDay)}</TableCell>
                <TableCell colSpan={2} />
                <TableCell align="right">{n(sum.capacityPerDay)}</TableCell>
                <TableCell align="right">{n(sum.shortfall)}</TableCell>
                <TableCell align="right">{n(sum.extraPickerShifts)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1.5, flexWrap: 'wrap' }}>
            <Alert severity={sum.zonesShort > 0 ? 'warning' : 'success'} sx={{ flex: 1 }} role="status">
              {sum.zonesShort > 0
                ? t('surge.plan.totalShort', {
                    zones: sum.zonesShort,
                    count: n(sum.shortfall),
                    shifts: n(sum.extraPickerShifts),
                  })
                : t('surge.plan.totalOk')}
            </Alert>
            {canEdit ? (
              <Button
                variant="contained"
                onClick={() => void save()}
                disabled={busy || rows.length === 0 || !valid}
              >
                {t('surge.plan.save')}
                {dirty ? ' *' : ''}
              </Button>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('surge.plan.readOnly')}
              </Typography>
            )}
          </Box>
        </>
      )}
    </Paper>
  );
}

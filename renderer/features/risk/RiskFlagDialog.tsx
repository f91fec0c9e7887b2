// A lead sets a risk flag: a region (as orders record it: province or city) or a courier, a kind, a window on
// the warehouse's wall clock, and optionally other points than the kind's default.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { DEFAULT_RISK_POINTS, RISK_KINDS, type RiskFlag, type RiskKind } from '../../../shared/schemas/risk';
import type { Courier } from '../../../shared/schemas/directory';
import { useT } from '../../i18n/use-t';
import { RemoteError, useServer } from '../review/remote';
import { fromWallInput, toWallInput, windowOk } from './risk-model';

const HOUR = 3_600_000;

export function RiskFlagDialog({
  open,
  warehouseId,
  timeZone,
  couriers,
  now,
  onClose,
  onSaved,
}: {
  open: boolean;
  warehouseId: string;
  timeZone: string;
  couriers: readonly Courier[];
  now: number;
  onClose: () => void;
  onSaved: (flag: RiskFlag) => void;
}) {
  const t = useT();
  const send = useServer();
  // A flag usually starts now (it is raining) and lasts the evening.
  const [scope, setScope] = useState<'region' | 'courier'>('region');
  const [region, setRegion] = useState('');
  const [courierId, setCourierId] = useState(couriers[0]?.id ?? '');
  const [kind, setKind] = useState<RiskKind>('rain');
  const [startsAt, setStartsAt] = useState(() => toWallInput(now, timeZone));
  const [endsAt, setEndsAt] = useState(() => toWallInput(now + 6 * HOUR, timeZone));
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = fromWallInput(startsAt, timeZone);
  const end = fromWallInput(endsAt, timeZone);
  const badWindow = start === null || end === null || !windowOk(start, end);
  const target = scope === 'region' ? region.trim() : courierId;
  const pointsValue = points.trim() === '' ? undefined : Number(points);
  const badPoints =
    pointsValue !== undefined && !(Number.isInteger(pointsValue) && pointsValue >= 0 && pointsValue <= 300);

  const save = async () => {
    if (badWindow || badPoints || !target || start === null || end === null) return;
    setBusy(true);
    setError(null);
    try {
      const flag = await send<RiskFlag>('POST', `/api/warehouses/${warehouseId}/risk-flags`, {
        scope,
        target,
        kind,
        startsAt: start,
        endsAt: end,
        note: note.trim(),
        ...(pointsValue !== undefined ? { points: pointsValue } : {}),
      });
      onSaved(flag);
    } catch (err) {
      setError(err instanceof RemoteError && err.offline ? t('remote.offline') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="risk-flag-title" maxWidth="sm" fullWidth>
      <DialogTitle id="risk-flag-title">{t('risk.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('risk.scope')}
            value={scope}
            onChange={(e) => setScope(e.target.value as 'region' | 'courier')}
          >
            <MenuItem value="region">{t('risk.scope.region')}</MenuItem>
            <MenuItem value="courier">{t('risk.scope.courier')}</MenuItem>
          </TextField>
          {scope === 'region' ? (
            <TextField
              label={t('risk.target.region')}
              value={region}
              required
              onChange={(e) => setRegion(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
          ) : (
            <TextField
              select
              label={t('risk.target.courier')}
              value={courierId}
              onChange={(e) => setCourierId(e.target.value)}
            >
              {couriers.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.carrier} · {c.depot}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            label={t('risk.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as RiskKind)}
          >
            {RISK_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`risk.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField
              type="datetime-local"
              label={t('risk.startsAt')}
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              fullWidth
            />
            <TextField
              type="datetime-local"
              label={t('risk.endsAt')}
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              error={badWindow}
              helperText={badWindow ? t('risk.invalidWindow') : t('risk.zoneNote', { zone: timeZone })}
              slotProps={{ inputLabel: { shrink: true } }}
              fullWidth
            />
          </Stack>
          <TextField
            type="number"
            label={t('risk.points', { points: DEFAULT_RISK_POINTS[kind] })}
            value={points}
            error={badPoints}
            onChange={(e) => setPoints(e.target.value)}
            slotProps={{ htmlInput: { min: 0, max: 300, step: 1 } }}
          />
          <TextField
            label={t('risk.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('risk.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || badWindow || badPoints || !target}
          onClick={() => void save()}
        >
          {t('risk.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Adding or editing a promotion (admins): name, platforms (none: every platform), payment window and ship-by,
// entered in the warehouse's time zone since that is how promotions are announced to the warehouse.
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
  Typography,
} from '@mui/material';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import type { Promotion } from '../../../shared/rules/platform-rules';
import { PLATFORMS, type Platform } from '../../../shared/schemas/enums';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { RemoteError, useServer } from '../review/remote';
import { paths } from './api';
import { fromWallInput, spanProblem, toWallInput } from './plan';

export function PromotionDialog({
  promotion,
  timeZone,
  now,
  onClose,
  onSaved,
}: {
  /** null: a new promotion. */
  promotion: Promotion | null;
  timeZone: string;
  now: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const send = useServer();
  const DAY = 24 * 3_600_000;
  const [name, setName] = useState(promotion?.name ?? '');
  const [platforms, setPlatforms] = useState<Platform[]>(promotion?.platforms ?? []);
  const [paidFrom, setPaidFrom] = useState(toWallInput(promotion?.paidFrom ?? now + DAY, timeZone));
  const [paidUntil, setPaidUntil] = useState(toWallInput(promotion?.paidUntil ?? now + 2 * DAY, timeZone));
  const [shipBy, setShipBy] = useState(toWallInput(promotion?.shipBy ?? now + 4 * DAY, timeZone));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const span = {
    paidFrom: fromWallInput(paidFrom, timeZone),
    paidUntil: fromWallInput(paidUntil, timeZone),
    shipBy: fromWallInput(shipBy, timeZone),
  };
  const complete = span.paidFrom !== null && span.paidUntil !== null && span.shipBy !== null;
  const invalid =
    !complete || spanProblem({ paidFrom: span.paidFrom!, paidUntil: span.paidUntil!, shipBy: span.shipBy! });

  const save = async () => {
    if (invalid || !name.trim()) return;
    setBusy(true);
    setError(null);
    const body = {
      name: name.trim(),
      // An empty choice means every platform, which the server spells null.
      platforms: platforms.length ? platforms : null,
      paidFrom: span.paidFrom,
      paidUntil: span.paidUntil,
      shipBy: span.shipBy,
    };
    try {
      const r = promotion
        ? await send<{ ordersUpdated: number }>('PUT', paths.promotion(promotion.id), body)
        : await send<{ ordersUpdated: number }>('POST', paths.promotions, body);
      useDesk.getState().showToast({
        text: promotion
          ? t('surge.saved', { name: body.name, orders: r.ordersUpdated })
          : t('surge.added', { name: body.name }),
        severity: 'success',
      });
      onSaved();
    } catch (err) {
      setError(err instanceof RemoteError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (p: Platform) =>
    setPlatforms((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));
  const locale = useDesk((s) => s.locale);

  return (
    <Dialog open onClose={onClose} aria-labelledby="promo-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="promo-dialog-title">
        {promotion ? t('surge.form.title.edit') : t('surge.form.title.add')}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField
          label={t('surge.form.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <FormGroup>
          <FormLabel component="legend">{t('surge.form.platforms')}</FormLabel>
          <FormGroup row>
            {PLATFORMS.map((p) => (
              <FormControlLabel
                key={p}
                control={<Checkbox checked={platforms.includes(p)} onChange={() => toggle(p)} />}
                label={PLATFORM_LABELS[p][locale]}
              />
            ))}
          </FormGroup>
        </FormGroup>
        <Typography variant="body2" color="text.secondary">
          {t('surge.form.zone', { zone: timeZone })}
        </Typography>
        {(
          [
            ['surge.form.paidFrom', paidFrom, setPaidFrom],
            ['surge.form.paidUntil', paidUntil, setPaidUntil],
            ['surge.form.shipBy', shipBy, setShipBy],
          ] as const
        ).map(([label, value, set]) => (
          <TextField
            key={label}
            label={t(label)}
            type="datetime-local"
            value={value}
            onChange={(e) => set(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ))}
        {complete && invalid && <Alert severity="warning">{t('surge.form.invalid')}</Alert>}
        {error && <Alert severity="error">{t('remote.error', { message: error })}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('surge.form.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy || invalid || !name.trim()}>
          {t('surge.form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

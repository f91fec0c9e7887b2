// The message half of talking to the customer (brief F9, W7): a template filled from the case in the customer's
// language (chosen here, independent of the desk's), editable, and copied to the clipboard.
import { Box, Button, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { CAUSE_LABELS, LOCALES, type Locale } from '../../../shared/i18n/labels';
import type { CaseView } from '../../../shared/schemas/case';
import { CAUSES, type Cause } from '../../../shared/schemas/enums';
import { usePickerView, useServerNow } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { useCouriers } from '../courier/use-couriers';
import {
  defaultPromiseDate,
  fillTemplate,
  likelyCause,
  promisedCompensations,
  TEMPLATE_KINDS,
  type DateKind,
  type TemplateKind,
} from './templates';

/** Dense toggle buttons that keep the labels' case. */
export const TOGGLES_SX = {
  '& .MuiToggleButton-root': { textTransform: 'none', px: 1.25, py: 0.25 },
} as const;

/** "datetime-local" speaks the desk's wall clock; the warehouse and the desk share a time zone. */
const toInput = (ms: number) =>
  new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function useDefaultCause(c: CaseView): Cause {
  const { couriers } = useCouriers(c.warehouseId);
  const picker = usePickerView(c.pickerId);
  const courier = couriers.find((x) => x.id === c.order.courierId);
  return likelyCause(c, { pickerAbsent: picker?.status === 'absent', depotStatus: courier?.status ?? null });
}

export function MessageComposer({ c }: { c: CaseView }) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const now = useServerNow(60_000);
  const { timeZone } = useCouriers(c.warehouseId);
  const defaultCause = useDefaultCause(c);

  const [kind, setKind] = useState<TemplateKind>('full');
  const [lang, setLang] = useState<Locale>(locale);
  const [cause, setCause] = useState<Cause>(defaultCause);
  const [dateKind, setDateKind] = useState<DateKind>('ship');
  const [when, setWhen] = useState(() => toInput(defaultPromiseDate(c, now)));
  const [edited, setEdited] = useState<string | null>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  const date = new Date(when).getTime();
  const compensations = promisedCompensations(c);
  const filled = fillTemplate(kind, lang, {
    customerName: c.order.customerName,
    platform: c.platform,
    orderNo: c.platformOrderId,
    cause,
    date: Number.isFinite(date) ? date : c.shipBy,
    dateKind,
    currency: c.order.currency,
    compensations,
    timeZone,
  });
  const message = edited ?? filled;
  // Changing a template input refills the message (the coordinator's own edits were for the old one).
  const refill =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setEdited(null);
      setCopy(null);
    };

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        {t('contact.compose')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }}>
        <TextField
          select
          label={t('contact.template')}
          value={kind}
          onChange={(e) => refill(setKind)(e.target.value as TemplateKind)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contact.tpl.${k}`)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('contact.reason')}
          value={cause}
          onChange={(e) => refill(setCause)(e.target.value as Cause)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {CAUSES.map((x) => (
            <option key={x} value={x}>
              {CAUSE_LABELS[x][locale]}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('contact.dateKind')}
          value={dateKind}
          onChange={(e) => refill(setDateKind)(e.target.value as DateKind)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="ship">{t('contact.dateKind.ship')}</option>
          <option value="arrival">{t('contact.dateKind.arrival')}</option>
        </TextField>
        <TextField
          type="datetime-local"
          label={t('contact.date')}
          value={when}
          onChange={(e) => refill(setWhen)(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="textSecondary" id="contact-lang-label">
          {t('contact.language')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          sx={TOGGLES_SX}
          value={lang}
          onChange={(_, v: Locale | null) => v && refill(setLang)(v)}
          aria-labelledby="contact-lang-label"
        >
          {LOCALES.map((l) => (
            <ToggleButton key={l} value={l} lang={l}>
              {t(`contact.lang.${l}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {compensations.length === 0 && (
          <Typography variant="caption" color="textSecondary">
            {t('contact.noComp')}
          </Typography>
        )}
      </Box>
      <TextField
        label={t('contact.message')}
        value={message}
        onChange={(e) => setEdited(e.target.value)}
        multiline
        minRows={kind === 'full' ? 6 : 3}
        slotProps={{ htmlInput: { lang } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Button variant="outlined" onClick={() => void copyText()}>
          {t('contact.copy')}
        </Button>
        <Typography role="status" variant="body2" color={copy === 'failed' ? 'error' : 'success'}>
          {copy === 'copied' ? t('contact.copied') : copy === 'failed' ? t('contact.copyFailed') : ''}
        </Typography>
      </Box>
    </>
  );
}

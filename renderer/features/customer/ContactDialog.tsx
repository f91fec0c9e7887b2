// Talking to the customer (brief F9, W7): a template filled from the case in the customer's language (chosen
// here, independent of the desk's), editable, copied to the clipboard; then each attempt is logged with its
// channel and outcome. A logged contact feeds the priority ("customer already contacted").
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../../../shared/mutators/case-customer';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import type { CaseView } from '../../../shared/schemas/case';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { MessageComposer, TOGGLES_SX } from './MessageComposer';

type Channel = (typeof CONTACT_CHANNELS)[number];
type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export function ContactDialog({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const t = useT();
  const { store } = useRuntime();
  const [channel, setChannel] = useState<Channel>('phone');
  const [outcome, setOutcome] = useState<ContactOutcome | null>(null);
  const [note, setNote] = useState('');

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="contact-title">
      <DialogTitle id="contact-title">
        {t('contact.title')} · {c.order.customerName} · {c.order.customerPhone}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, pt: '8px !important' }}>
        <MessageComposer c={c} />
        <Divider />
        <Typography variant="subtitle2" component="h3">
          {t('contact.log')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography variant="body2" color="textSecondary" id="contact-channel-label">
              {t('contact.channel')}
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              sx={TOGGLES_SX}
              value={channel}
              onChange={(_, v: Channel | null) => v && setChannel(v)}
              aria-labelledby="contact-channel-label"
            >
              {CONTACT_CHANNELS.map((ch) => (
                <ToggleButton key={ch} value={ch}>
                  {t(`channel.${ch}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography variant="body2" color="textSecondary" id="contact-outcome-label">
              {t('contact.outcome')}
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              sx={TOGGLES_SX}
              value={outcome}
              onChange={(_, v: ContactOutcome | null) => setOutcome(v)}
              aria-labelledby="contact-outcome-label"
            >
              {CONTACT_OUTCOMES.map((o) => (
                <ToggleButton key={o} value={o}>
                  {t(`contactOutcome.${o}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
        </Box>
        <TextField
          label={t('contact.note')}
          value={note}
          onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX_CHARS))}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('contact.close')}</Button>
        <Button
          variant="contained"
          disabled={!outcome}
          onClick={() => {
            if (!outcome) return;
            onClose();
            void store.enqueue('logContact', {
              caseId: c.id,
              contactId: crypto.randomUUID(),
              channel,
              outcome,
              note: note.trim(),
            });
          }}
        >
          {t('contact.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Running the floor (brief F7, W5): load per zone, every picker with status and contact, and for a lead the
// controls to mark a picker absent (or back), move them to another zone, and hand the picks an absent picker
// still holds to someone on shift in one click. Exported for the desk layout; also opened as a drawer from a
// case's picking tab.
import { Box, Button, FormControlLabel, Paper, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useServerNow } from '../../data/hooks';
import { formatCountdown } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { isRostered, reassignCandidates } from './floor-model';
import { FloorControls, ZonePressure } from './FloorControls';
import { FloorRefusals } from './FloorRefusals';
import { PickerLine } from './PickerLine';
import { assignPickerTo, useFloor, zoneLabel } from './use-floor';

export function FloorPanel() {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { store, user } = useRuntime();
  const lead = canOverride(actorOf(user));
  const floor = useFloor();
  const now = useServerNow(30_000);
  const [showOff, setShowOff] = useState(false);

  return (
    <Box
      role="region"
      aria-label={t('floor.title')}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography variant="h6" component="h2" sx={{ pr: 5 }}>
        {t('floor.title')}
      </Typography>
      {!lead && (
        <Typography variant="body2" color="textSecondary">
          {t('floor.leadOnly')}
        </Typography>
      )}
      <FloorRefusals />

      <Typography variant="subtitle2" component="h3">
        {t('floor.stranded')}
      </Typography>
      {floor.stranded.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('floor.strandedNone')}
        </Typography>
      ) : (
        <Box component="ul" aria-label={t('floor.stranded')} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {floor.stranded.map(({ c, picker }) => {
            const [best] = reassignCandidates(floor.pickers, floor.load, c.order.zoneId, picker.id);
            return (
              <Box
                component="li"
                key={c.id}
                aria-label={c.platformOrderId}
                sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5, flexWrap: 'wrap' }}
              >
                <Typography variant="body2" sx={{ flex: 1, minWidth: 200 }}>
                  {PLATFORM_LABELS[c.platform][locale]} · {c.platformOrderId} ·{' '}
                  <Typography component="span" variant="body2" color={c.shipBy <= now ? 'error' : 'warning'}>
                    {formatCountdown(c.shipBy, now, t)}
                  </Typography>
                  <br />
                  <Typography component="span" variant="caption" color="textSecondary">
                    {t('flags.pickerAbsent', { name: picker.name })}
                  </Typography>
                </Typography>
                {lead &&
                  (best ? (
                    <Button
                      variant="contained"
                      color="warning"
                      onClick={() => void assignPickerTo(store, [c.id], best.id)}
                    >
                      {t('picker.reassignTo', { name: best.name })}
                    </Button>
                  ) : (
                    <Typography variant="caption" color="textSecondary">
                      {t('picker.noCandidate')}
                    </Typography>
                  ))}
              </Box>
            );
          })}
        </Box>
      )}

      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          {t('floor.zones')}
        </Typography>
        <FormControlLabel
          control={<Switch size="small" checked={showOff} onChange={(e) => setShowOff(e.target.checked)} />}
          label={<Typography variant="body2">{t('floor.showOff')}</Typography>}
        />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(440px, 1fr))', gap: 1.5 }}>
        {floor.zones.map((z) => {
          const shown = z.pickers.filter((p) => showOff || isRostered(p.picker));
          return (
            <Paper
              key={z.zone.id}
              variant="outlined"
              role="group"
              aria-label={zoneLabel(z.zone)}
              sx={{ p: 1.25 }}
            >
              <Box sx={{ display: 'flex', alignItems: 'center', columnGap: 1, flexWrap: 'wrap', mb: 0.5 }}>
                <Typography variant="body2" component="h4" sx={{ m: 0, fontWeight: 700 }}>
                  {zoneLabel(z.zone)}
                </Typography>
                <Typography variant="caption" color="textSecondary" data-testid="zone-load">
                  {t('floor.zoneSummary', {
                    onShift: z.onShift,
                    open: z.openCases,
                    assigned: z.assigned,
                    unassigned: z.unassigned,
                  })}
                </Typography>
                {z.stranded > 0 && (
                  <Typography variant="caption" color="error">
                    {t('floor.zoneStranded', { count: z.stranded })}
                  </Typography>
                )}
                <Box sx={{ ml: 'auto' }}>
                  <ZonePressure onShift={z.onShift} open={z.openCases} />
                </Box>
              </Box>
              <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
                {shown.map(({ picker, load }) => (
                  <PickerLine key={picker.id} picker={picker} load={load} showStatus={!lead}>
                    {lead && <FloorControls picker={picker} />}
                  </PickerLine>
                ))}
              </Box>
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
}

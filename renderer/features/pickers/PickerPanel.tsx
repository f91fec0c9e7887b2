// The picking side of one case (brief F7, W4): who picks it now, the pickers on shift by zone with their load
// and contact, and for a lead the assignment of this case (or every ticked case) to one of them. A coordinator
// sees the same floor and asks for a picker instead: the server would refuse their assignment anyway.
import { Box, Button, Chip, Paper, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { isRostered } from './floor-model';
import { FloorDrawer } from './FloorDrawer';
import { PickerLine } from './PickerLine';
import { assignPickerTo, useFloor, zoneLabel } from './use-floor';

type Target = 'case' | 'checked';

export function PickerPanel({ c }: { c: CaseView }) {
  const t = useT();
  const { store, user } = useRuntime();
  const lead = canOverride(actorOf(user));
  const floor = useFloor();
  const checkedIds = useDesk((s) => s.checkedIds);
  const openDialog = useDesk((s) => s.openDialog);
  const [target, setTarget] = useState<Target>('case');
  const [floorOpen, setFloorOpen] = useState(false);
  const open = c.status === 'open';
  const bulk = target === 'checked' && checkedIds.size > 0;
  const current = c.pickerId ? store.memory.pickerView(c.pickerId) : undefined;
  const caseZone = c.order.zoneId ? floor.zoneById.get(c.order.zoneId) : undefined;

  const assign = async (pickerId: string, name: string) => {
    if (!bulk) {
      await assignPickerTo(store, [c.id], pickerId);
      return;
    }
    const count = await assignPickerTo(store, checkedIds, pickerId);
    const desk = useDesk.getState();
    desk.setChecked(new Set());
    setTarget('case');
    desk.showToast({ text: t('picker.bulkDone', { count, name }), severity: 'success' });
  };

  const zones = [...floor.zones].sort(
    (a, b) => Number(b.zone.id === c.order.zoneId) - Number(a.zone.id === c.order.zoneId),
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('picker.current')}
        </Typography>
        {current ? (
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            <PickerLine picker={current} load={floor.load.get(current.id) ?? 0} />
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('picker.none')}
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          {!lead && open && (
            <>
              <Typography variant="body2" color="textSecondary" sx={{ flex: 1 }}>
                {t('picker.coordinatorHint')}
              </Typography>
              <Button variant="outlined" onClick={() => openDialog('assignPicker')}>
                {t('picker.request')}
              </Button>
            </>
          )}
          {lead && open && checkedIds.size > 0 && (
            <ToggleButtonGroup
              size="small"
              exclusive
              value={bulk ? 'checked' : 'case'}
              onChange={(_, v: Target | null) => v && setTarget(v)}
              aria-label={t('picker.target')}
            >
              <ToggleButton value="case">{t('picker.target.case')}</ToggleButton>
              <ToggleButton value="checked">
                {t('picker.target.checked', { count: checkedIds.size })}
              </ToggleButton>
            </ToggleButtonGroup>
          )}
          <Button sx={{ ml: 'auto' }} onClick={() => setFloorOpen(true)}>
            {t('picker.floor')}
          </Button>
        </Box>
      </Paper>

      {zones.map(({ zone, pickers }) => {
        const rostered = pickers.filter((p) => isRostered(p.picker));
        const own = zone.id === c.order.zoneId;
        if (!rostered.length && !own) return null;
        return (
          <Box key={zone.id}>
            <Typography
              variant="caption"
              color={own ? 'primary' : 'textSecondary'}
              component="h4"
              sx={{ m: 0, fontWeight: 600 }}
            >
              {own ? t('picker.caseZone', { zone: zoneLabel(zone) }) : zoneLabel(zone)}
            </Typography>
            <Box component="ul" aria-label={zoneLabel(zone)} sx={{ m: 0, p: 0, listStyle: 'none' }}>
              {rostered.map(({ picker, load }) => (
                <PickerLine key={picker.id} picker={picker} load={load} highlight={picker.id === c.pickerId}>
                  {picker.id === c.pickerId && !bulk ? (
                    <Chip label={t('picker.isCurrent')} color="primary" />
                  ) : (
                    lead &&
                    open && (
                      <Button
                        variant="outlined"
                        disabled={picker.status === 'absent' || picker.status === 'off'}
                        aria-label={t('picker.assignTo', { name: picker.name })}
                        onClick={() => void assign(picker.id, picker.name)}
                      >
                        {t('picker.assign')}
                      </Button>
                    )
                  )}
                </PickerLine>
              ))}
            </Box>
          </Box>
        );
      })}
      {!caseZone && (
        <Typography variant="body2" color="textSecondary">
          {t('picker.noZone')}
        </Typography>
      )}
      <FloorDrawer open={floorOpen} onClose={() => setFloorOpen(false)} />
    </Box>
  );
}

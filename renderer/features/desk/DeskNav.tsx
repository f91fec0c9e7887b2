// The desk's areas. Everyone works the worklist and reads the review and the forecast; leads and admins also
// get the floor, the approval queue and the promotion (surge) tools.
import { Tab, Tabs } from '@mui/material';
import { useT } from '../../i18n/use-t';
import { useDesk, type DeskView } from '../../state/store';

export function DeskNav({ lead }: { lead: boolean }) {
  const t = useT();
  const view = useDesk((s) => s.view);
  return (
    <Tabs
      value={view}
      onChange={(_, v: DeskView) => useDesk.getState().setView(v)}
      aria-label={t('nav.main')}
      textColor="inherit"
      slotProps={{ indicator: { sx: { bgcolor: 'common.white' } } }}
    >
      <Tab value="worklist" label={t('worklist.title')} />
      <Tab value="review" label={t('nav.review')} />
      <Tab value="forecast" label={t('nav.forecast')} />
      {lead && <Tab value="floor" label={t('nav.floor')} />}
      {lead && <Tab value="approvals" label={t('nav.approvals')} />}
      {lead && <Tab value="surge" label={t('nav.surge')} />}
    </Tabs>
  );
}

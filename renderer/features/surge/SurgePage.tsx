// The surge area (brief F15), a lead's tab: the promotion calendar, the capacity plan for its days, and
// overflow assignment with each coordinator's load. Loaded on first visit (see DeskPage).
import { Box, Typography } from '@mui/material';
import { useRuntime } from '../../app/runtime-context';
import { useServerNow } from '../../data/hooks';
import { useT } from '../../i18n/use-t';
import { useRemote } from '../review/remote';
import { RemoteState } from '../review/RemoteState';
import { useWarehouse } from '../review/use-warehouse';
import { canEditPromotions, canPlan, paths, type RuleBookReply } from './api';
import { CapacityPlanCard } from './CapacityPlanCard';
import { OverflowCard } from './OverflowCard';
import { PromotionCalendar } from './PromotionCalendar';

export function SurgePage() {
  const t = useT();
  const { user } = useRuntime();
  const warehouse = useWarehouse();
  // Minute resolution is plenty for "running / upcoming" and the timeline's now line.
  const now = useServerNow(60_000);
  const rules = useRemote<RuleBookReply>(paths.rules);
  const promotions = rules.data?.promotions ?? [];
  return (
    <Box
      component="section"
      aria-label={t('surge.title')}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, overflow: 'auto' }}
    >
      <Typography variant="h6" component="h2">
        {t('surge.title')}
      </Typography>
      <RemoteState remote={rules} />
      {rules.data && (
        <>
          <PromotionCalendar
            promotions={promotions}
            canEdit={canEditPromotions(user.role)}
            timeZone={warehouse.timeZone}
            now={now}
            onChanged={rules.reload}
          />
          <CapacityPlanCard
            warehouseId={warehouse.id}
            promotions={promotions}
            canEdit={canPlan(user.role)}
            timeZone={warehouse.timeZone}
            now={now}
          />
        </>
      )}
      <OverflowCard warehouseId={warehouse.id} canEdit={canPlan(user.role)} timeZone={warehouse.timeZone} />
    </Box>
  );
}

export default SurgePage;

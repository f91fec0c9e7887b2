// The review area (brief F13): the dashboards and the handover report. Loaded on first visit, so the charting
// library is not part of the desk's first paint.
import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useT } from '../../i18n/use-t';
import { useDesk, type ReviewTab } from '../../state/store';
import { DashboardsView } from './DashboardsView';
import { HandoverReport } from './HandoverReport';

export function ReviewPage() {
  const t = useT();
  const tab = useDesk((s) => s.reviewTab);
  return (
    <Box
      role="region"
      aria-label={t('review.title')}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('review.title')}
        </Typography>
        <Tabs
          value={tab}
          onChange={(_, v: ReviewTab) => useDesk.getState().setReview({ reviewTab: v })}
          aria-label={t('review.tabs')}
        >
          <Tab value="dashboards" label={t('review.tab.dashboards')} />
          <Tab value="handover" label={t('review.tab.handover')} />
        </Tabs>
      </Box>
      {tab === 'dashboards' ? <DashboardsView /> : <HandoverReport />}
    </Box>
  );
}

export default ReviewPage;

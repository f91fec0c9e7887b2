// A lead's area other than the worklist: the floor or the approval queue, or a placeholder until that panel
// exists (panel-slots.ts).
import { Box, Typography } from '@mui/material';
import { useT } from '../../i18n/use-t';
import type { DeskView } from '../../state/store';
import { ApprovalQueue, FloorPanel } from './panel-slots';

export function LeadPanel({ view }: { view: Exclude<DeskView, 'worklist'> }) {
  const t = useT();
  const Panel = view === 'floor' ? FloorPanel : ApprovalQueue;
  if (Panel) return <Panel />;
  const name = t(view === 'floor' ? 'nav.floor' : 'nav.approvals');
  return (
    <Box component="section" aria-label={name} sx={{ p: 4 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {name}
      </Typography>
      <Typography sx={{ color: 'text.secondary' }}>{t('nav.placeholder', { name })}</Typography>
    </Box>
  );
}

import CloseIcon from '@mui/icons-material/Close';
import { Box, Drawer, IconButton } from '@mui/material';
import { useT } from '../../i18n/use-t';
import { FloorPanel } from './FloorPanel';

/** The floor overview in a side drawer, reachable from any case's picking tab. */
export function FloorDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer anchor="right" open={open} onClose={onClose} slotProps={{ paper: { sx: { width: 620 } } }}>
      <Box sx={{ position: 'relative' }}>
        <IconButton
          aria-label={t('floor.close')}
          onClick={onClose}
          sx={{ position: 'absolute', top: 12, right: 12 }}
        >
          <CloseIcon />
        </IconButton>
        {open && <FloorPanel />}
      </Box>
    </Drawer>
  );
}

// Saved views (W1): name the current bucket, search and filters; apply one from this menu (or the command
// palette). Kept per user in localStorage (saved-views.ts).
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { useSavedViews } from './saved-views';

export function SavedViewsMenu() {
  const t = useT();
  const { user } = useRuntime();
  const { views, save, remove } = useSavedViews(user.id);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const submit = () => {
    if (!name.trim()) return;
    const { bucket, search, filters } = useDesk.getState();
    save(name, { bucket, search, filters });
    setNaming(false);
    setName('');
  };

  return (
    <>
      <Button
        startIcon={<BookmarksIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
      >
        {t('views.menu')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {views.length === 0 && (
          <MenuItem disabled>
            <ListItemText secondary={t('views.empty')} />
          </MenuItem>
        )}
        {views.map((v) => (
          <MenuItem
            key={v.id}
            onClick={() => {
              useDesk.getState().applyView(v);
              setAnchor(null);
            }}
          >
            <ListItemText sx={{ mr: 2 }}>{v.name}</ListItemText>
            <IconButton
              size="small"
              edge="end"
              aria-label={t('views.delete', { name: v.name })}
              onClick={(e) => {
                e.stopPropagation();
                remove(v.id);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setNaming(true);
          }}
        >
          {t('views.save')}
        </MenuItem>
      </Menu>
      <Dialog
        open={naming}
        onClose={() => setNaming(false)}
        aria-labelledby="save-view-title"
        maxWidth="xs"
        fullWidth
      >
        <DialogTitle id="save-view-title">{t('views.saveTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            sx={{ mt: 1 }}
            label={t('views.name')}
            value={name}
            onChange={(e) => setName(e.target.value.slice(0, 60))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{t('views.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={!name.trim()}>
            {t('views.saveConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

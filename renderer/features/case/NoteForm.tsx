import { Box, Button, TextField } from '@mui/material';
import { memo, useState } from 'react';
import { NOTE_MAX_CHARS } from '../../../shared/mutators/add-note';
import { useT } from '../../i18n/use-t';

/** Memoised: the case panel re-renders on every change to its case, and the growing text box measures itself
 * (a forced layout) on each of its renders. */
export const NoteForm = memo(function NoteForm({ onSave }: { onSave: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const save = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSave(trimmed);
    setText('');
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <TextField
        label={t('case.note.label')}
        value={text}
        onChange={(e) => setText(e.target.value.slice(0, NOTE_MAX_CHARS))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
        multiline
        minRows={2}
        sx={{ flex: 1 }}
      />
      <Button variant="contained" onClick={save} disabled={!text.trim()}>
        {t('case.note.submit')}
      </Button>
    </Box>
  );
});

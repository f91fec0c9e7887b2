// Importing flags from a CSV (a weather service's warnings, a courier's notice): the good rows are stored, each
// bad row is listed with its line and the reason, so the lead fixes only those.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
} from '@mui/material';
import { useRef, useState } from 'react';
import type { RiskFlag } from '../../../shared/schemas/risk';
import { useT } from '../../i18n/use-t';
import { RemoteError, useServer } from '../review/remote';
import { importReason } from './risk-model';

export interface FlagImportResult {
  stored: RiskFlag[];
  rejected: { line: number; reason: string }[];
}

export function RiskImportDialog({
  open,
  warehouseId,
  onClose,
  onImported,
}: {
  open: boolean;
  warehouseId: string;
  onClose: () => void;
  onImported: (result: FlagImportResult) => void;
}) {
  const t = useT();
  const send = useServer();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<FlagImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setResult(null);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await send<FlagImportResult>(
        'POST',
        `/api/warehouses/${warehouseId}/risk-flags/import`,
        {
          csv,
        },
      );
      setResult(answer);
      onImported(answer);
    } catch (err) {
      setError(err instanceof RemoteError && err.offline ? t('remote.offline') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="risk-import-title" maxWidth="md" fullWidth>
      <DialogTitle id="risk-import-title">{t('risk.import.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('risk.import.help')}</DialogContentText>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            hidden
            aria-label={t('risk.import.file')}
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
          <Button
            variant="outlined"
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => fileRef.current?.click()}
          >
            {t('risk.import.file')}
          </Button>
          <TextField
            label={t('risk.import.text')}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setResult(null);
            }}
            multiline
            minRows={6}
            maxRows={16}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
          {result && (
            <Alert severity={result.rejected.length ? 'warning' : 'success'} role="status">
              {t('risk.import.result', { stored: result.stored.length, rejected: result.rejected.length })}
              {result.rejected.length > 0 && (
                <List dense disablePadding aria-label={t('risk.import.rejected')}>
                  {result.rejected.map((r) => (
                    <ListItem key={r.line} disableGutters>
                      <ListItemText
                        primary={t('risk.import.line', { line: r.line, reason: importReason(r.reason, t) })}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('risk.import.close')}</Button>
        <Button variant="contained" disabled={busy || !csv.trim()} onClick={() => void submit()}>
          {t('risk.import.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

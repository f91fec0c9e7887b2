// "导出" with CSV and XLSX: writes the given tables (built when chosen, so nothing is computed up front).
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { exportTables, type ExportKind } from './download';
import { exportFileName, type ExportTable } from './table-export';
import { useWarehouse } from './use-warehouse';

export function ExportMenu({
  title,
  build,
  kinds = ['csv', 'xlsx'],
  label,
  inherit = false,
}: {
  title: string;
  build: () => readonly ExportTable[];
  kinds?: readonly ExportKind[];
  /** The button's text (default "导出"). */
  label?: string;
  /** Take the surrounding text colour (in the app bar). */
  inherit?: boolean;
}) {
  const t = useT();
  const { store } = useRuntime();
  const { timeZone } = useWarehouse();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const run = (kind: ExportKind) => {
    setAnchor(null);
    const now = store.now();
    const name = exportFileName(title, kind, now, timeZone);
    exportTables(kind, title, build(), { now, timeZone }).then(
      () => useDesk.getState().showToast({ text: t('export.done', { name }), severity: 'success' }),
      (err: unknown) =>
        useDesk
          .getState()
          .showToast({ text: t('export.failed', { message: (err as Error).message }), severity: 'error' }),
    );
  };
  return (
    <>
      <Button
        startIcon={<DownloadIcon />}
        aria-label={t('export.menu', { title })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        color={inherit ? 'inherit' : 'primary'}
      >
        {label ?? t('export.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {kinds.map((kind) => (
          <MenuItem key={kind} onClick={() => run(kind)}>
            {t(kind === 'csv' ? 'export.csv' : 'export.xlsx')}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

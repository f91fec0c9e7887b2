// The table view of a dashboard (and of the forecast's tables): the same rows the exports write, each with a
// button that opens the cases behind it.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { displayCell, isNumeric } from './cell-format';
import type { DrillTarget } from './dashboard-tables';
import type { ExportTable } from './table-export';
import { useWarehouse } from './use-warehouse';

export function ReviewTableView({
  table,
  drills,
  onDrill,
  maxHeight = 360,
}: {
  table: ExportTable;
  drills?: readonly (DrillTarget | null)[];
  onDrill?: (target: DrillTarget) => void;
  maxHeight?: number | 'none';
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  const { timeZone } = useWarehouse();
  const drillable = Boolean(onDrill && drills?.some(Boolean));
  if (!table.rows.length)
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 2 }}>
        {t('review.empty')}
      </Typography>
    );
  return (
    <TableContainer sx={{ maxHeight }}>
      <Table size="small" stickyHeader aria-label={table.name}>
        <TableHead>
          <TableRow>
            {table.columns.map((c) => (
              <TableCell key={c.label} align={isNumeric(c.format) ? 'right' : 'left'}>
                {c.label}
              </TableCell>
            ))}
            {drillable && <TableCell align="right">{t('col.drill')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row, i) => {
            const drill = drills?.[i] ?? null;
            return (
              <TableRow key={`${String(row[0])}-${i}`} hover>
                {table.columns.map((c, j) => (
                  <TableCell key={c.label} align={isNumeric(c.format) ? 'right' : 'left'}>
                    {displayCell(row[j] ?? null, c.format, locale, t, timeZone)}
                  </TableCell>
                ))}
                {drillable && (
                  <TableCell align="right" sx={{ py: 0 }}>
                    {drill && onDrill && (
                      <Button
                        aria-label={t('drill.open', { label: drill.label })}
                        onClick={() => onDrill(drill)}
                      >
                        {t('drill.button')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

// Figures that are single numbers (time to resolve, money): large tiles, each opening its cases where it has
// any.
import { Box, ButtonBase, Paper, Typography } from '@mui/material';
import type { DrillTarget } from '../dashboard-tables';

export interface Tile {
  label: string;
  value: string;
  tone?: 'error' | 'success' | 'warning' | 'default';
  drill?: DrillTarget | null;
}

export function StatTiles({
  tiles,
  onDrill,
}: {
  tiles: readonly Tile[];
  onDrill: (target: DrillTarget) => void;
}) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1 }}>
      {tiles.map((tile) => {
        const body = (
          <>
            <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
              {tile.label}
            </Typography>
            <Typography
              variant="h6"
              component="p"
              sx={{
                m: 0,
                fontWeight: 700,
                color: tile.tone && tile.tone !== 'default' ? `${tile.tone}.main` : 'text.primary',
              }}
            >
              {tile.value}
            </Typography>
          </>
        );
        const drill = tile.drill;
        return (
          <Paper key={tile.label} variant="outlined" sx={{ p: 0, overflow: 'hidden' }}>
            {drill ? (
              <ButtonBase
                onClick={() => onDrill(drill)}
                sx={{ p: 1.25, width: '100%', display: 'block', textAlign: 'left' }}
                aria-label={`${tile.label} ${tile.value}`}
              >
                {body}
              </ButtonBase>
            ) : (
              <Box sx={{ p: 1.25 }}>{body}</Box>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}

// Suggested actions with the effect the model computed for each. The actions a coordinator on a promotion night
// needs in one step: a lead moves the suggested pickers from here (one floor action per picker, queued like any
// floor change); anyone opens the cases behind a suggestion in the worklist, where "notify customers" means
// working exactly those cases: contacting each customer before the deadline rather than apologising after it.
import { Alert, Box, Button, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import type { Suggestion } from '../../../shared/rules/forecast';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';

export interface SuggestionNames {
  zone: (zoneId: string | null) => string;
  courier: (courierId: string | null) => string;
  picker: (pickerId: string) => string;
}

/** The suggestion in words (also the label of its buttons and of the worklist drill it opens). */
export function suggestionText(s: Suggestion, names: SuggestionNames, t: Translate): string {
  switch (s.kind) {
    case 'move_pickers':
      return t('suggest.move', {
        count: s.pickerIds.length,
        from: names.zone(s.fromZoneId),
        to: names.zone(s.toZoneId),
        names: s.pickerIds.map(names.picker).join('、'),
      });
    case 'switch_carrier':
      return t('suggest.switch', {
        count: s.orderIds.length,
        region: s.region,
        from: names.courier(s.fromCourierId),
        to: names.courier(s.toCourierId),
      });
    case 'notify_customers':
      return t('suggest.notify', { count: s.orderIds.length });
  }
}

export function effectText(s: Suggestion, t: Translate, locale: string): string {
  if (s.kind === 'notify_customers')
    return t('suggest.notifyEffect', {
      hours: s.effect.meanNoticeHours.toLocaleString(locale, { maximumFractionDigits: 1 }),
    });
  return t('suggest.effect', {
    before: s.effect.breachesBefore.toLocaleString(locale),
    after: s.effect.breachesAfter.toLocaleString(locale),
    avoided: s.effect.breachesAvoided.toLocaleString(locale),
    h: s.effect.horizonHours,
  });
}

export function SuggestionList({
  suggestions,
  names,
  lead,
  caseCount,
  onCases,
  onMove,
}: {
  suggestions: readonly Suggestion[];
  names: SuggestionNames;
  lead: boolean;
  /** How many of a suggestion's orders have a case (nothing to open when none). */
  caseCount: (s: Suggestion) => number;
  onCases: (s: Suggestion, text: string) => void;
  onMove: (s: Extract<Suggestion, { kind: 'move_pickers' }>) => void;
}) {
  const t = useT();
  const locale = useDesk((s) => s.locale);
  return (
    <Paper variant="outlined" component="section" aria-label={t('suggest.title')}>
      <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5 }}>
        {t('suggest.title')}
      </Typography>
      {suggestions.length === 0 ? (
        <Typography color="textSecondary" sx={{ p: 2 }}>
          {t('suggest.none')}
        </Typography>
      ) : (
        <List dense aria-label={t('suggest.title')}>
          {suggestions.map((s, i) => {
            const text = suggestionText(s, names, t);
            const cases = caseCount(s);
            return (
              <ListItem key={`${s.kind}-${i}`} aria-label={text} divider data-kind={s.kind}>
                <ListItemText
                  primary={text}
                  secondary={
                    <>
                      <Box component="span" sx={{ display: 'block' }}>
                        {effectText(s, t, locale)}
                      </Box>
                      {s.kind === 'move_pickers' && !lead && (
                        <Box component="span" sx={{ display: 'block' }}>
                          {t('suggest.leadOnly')}
                        </Box>
                      )}
                    </>
                  }
                />
                <Box sx={{ display: 'flex', gap: 1, flexShrink: 0 }}>
                  {s.kind === 'move_pickers' && lead && (
                    <Button
                      variant="contained"
                      size="small"
                      aria-label={t('suggest.applyLabel', { text })}
                      onClick={() => onMove(s)}
                    >
                      {t('suggest.apply')}
                    </Button>
                  )}
                  <Button
                    variant={s.kind === 'notify_customers' ? 'contained' : 'outlined'}
                    size="small"
                    disabled={cases === 0}
                    aria-label={t('suggest.casesLabel', { text })}
                    onClick={() => onCases(s, text)}
                  >
                    {t('suggest.casesCount', { count: cases.toLocaleString(locale) })}
                  </Button>
                </Box>
              </ListItem>
            );
          })}
        </List>
      )}
      {suggestions.length > 0 && (
        <Alert severity="info" variant="outlined" sx={{ m: 2, mt: 0 }}>
          {t('suggest.oneAtATime')}
        </Alert>
      )}
    </Paper>
  );
}

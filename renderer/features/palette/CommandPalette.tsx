// The command palette (Ctrl/Cmd+K anywhere): type to find any action, arrows to choose, Enter to run, Esc to
// leave. A command runs after the palette has closed and given focus back, so a dialog it opens starts from the
// worklist and returns there.
import {
  Box,
  Dialog,
  List,
  ListItemButton,
  ListItemText,
  ListSubheader,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useCase } from '../../data/hooks';
import { DEFAULT_FILTERS } from '../../data/worklist-filter';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useDesk } from '../../state/store';
import { claimChecked } from '../worklist/bulk-claim';
import { useSavedViews } from '../worklist/saved-views';
import { TABS } from '../worklist/WorklistToolbar';
import { focusWorklist } from '../worklist/worklist-focus';
import {
  buildCommands,
  matchCommands,
  type Command,
  type CommandActions,
  type CommandSection,
} from './commands';
import { useEffectiveMode } from '../../app/use-effective-mode';

const SECTION_LABEL: Record<CommandSection, MessageKey> = {
  case: 'palette.section.case',
  selection: 'palette.section.selection',
  go: 'palette.section.go',
  views: 'palette.section.views',
  app: 'palette.section.app',
};

const optionId = (id: string) => `palette-option-${id.replace(/[^\w-]/g, '_')}`;

export function usePaletteHotkey(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        const desk = useDesk.getState();
        desk.setPaletteOpen(!desk.paletteOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function CommandPalette({ onLogout, onFocusNote }: { onLogout: () => void; onFocusNote: () => void }) {
  const t = useT();
  const open = useDesk((s) => s.paletteOpen);
  const { store, user } = useRuntime();
  const selectedId = useDesk((s) => s.selectedCaseId);
  const checkedCount = useDesk((s) => s.checkedIds.size);
  // Read only while open: closed, the palette does not re-render when the selected case changes.
  const selected = useCase(open ? selectedId : null);
  const { views } = useSavedViews(user.id);
  const effectiveMode = useEffectiveMode();
  const [query, setQuery] = useState('');
  /** Index of the highlighted command; -1: the first one that can run. */
  const [active, setActive] = useState(-1);
  const pending = useRef<(() => void) | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const actions = useMemo((): CommandActions => {
    const desk = () => useDesk.getState();
    const toWorklist = () => desk().setView('worklist');
    return {
      claim: (c) => void store.enqueue('claimCase', { caseId: c.id, baseVersion: c.version }),
      release: (c) => void store.enqueue('releaseCase', { caseId: c.id }),
      openDialog: (dialog) => {
        toWorklist();
        desk().openDialog(dialog);
      },
      focusNote: () => {
        toWorklist();
        onFocusNote();
      },
      bulkClaim: () => void claimChecked(store, actorOf(user)),
      clearSelection: () => desk().setChecked(new Set(), null),
      goToBucket: (bucket) => {
        toWorklist();
        desk().setBucket(bucket);
        if (!desk().filters.statuses.includes('open'))
          desk().setFilters({ statuses: DEFAULT_FILTERS.statuses });
        focusWorklist('grid');
      },
      goToView: (view) => desk().setView(view),
      focusSearch: () => {
        toWorklist();
        focusWorklist('search');
      },
      showMine: () => desk().setFilters({ assignee: 'me' }),
      showUnassigned: () => desk().setFilters({ assignee: 'unassigned' }),
      clearFilters: () => desk().resetFilters(),
      applyView: (id) => {
        const view = views.find((v) => v.id === id);
        if (view) desk().applyView(view);
      },
      toggleLanguage: () => desk().setLocale(desk().locale === 'zh-CN' ? 'en' : 'zh-CN'),
      toggleTheme: () => desk().setThemeMode(effectiveMode === 'dark' ? 'light' : 'dark'),
      openSettings: () => desk().setSettingsOpen(true),
      openOutbox: () => desk().setOutboxOpen(true),
      logout: onLogout,
    };
  }, [store, user, views, effectiveMode, onFocusNote, onLogout]);

  const commands = useMemo(
    () =>
      open
        ? buildCommands({
            t,
            user,
            selected,
            checkedCount,
            buckets: TABS.map((bucket) => ({ bucket, label: t(`bucket.${bucket}` as MessageKey) })),
            views,
            actions,
          })
        : [],
    [open, t, user, selected, checkedCount, views, actions],
  );
  const matches = useMemo(() => matchCommands(commands, query), [commands, query]);
  const currentIndex =
    active >= 0 && active < matches.length ? active : matches.findIndex((c) => !c.disabledReason);
  const current = currentIndex >= 0 ? matches[currentIndex] : undefined;

  useEffect(() => {
    if (!current) return;
    document.getElementById(optionId(current.id))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const close = () => useDesk.getState().setPaletteOpen(false);
  const run = (command: Command | undefined) => {
    if (!command || command.disabledReason) return;
    pending.current = command.run;
    close();
  };
  const step = (delta: number) => {
    if (!matches.length) return;
    let i = currentIndex < 0 ? (delta > 0 ? -1 : 0) : currentIndex;
    for (let n = 0; n < matches.length; n++) {
      i = (i + delta + matches.length) % matches.length;
      if (!matches[i]!.disabledReason) break;
    }
    setActive(i);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowUp') step(-1);
    else if (e.key === 'Enter') run(current);
    else return;
    e.preventDefault();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="palette-title"
      slotProps={{
        paper: { sx: { alignSelf: 'flex-start', mt: '12vh' } },
        transition: {
          onEnter: () => {
            setQuery('');
            setActive(-1);
          },
          onExited: () => {
            const next = pending.current;
            pending.current = null;
            next?.();
          },
        },
      }}
    >
      <Box sx={{ px: 2, pt: 1.5, display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography id="palette-title" variant="subtitle2" component="h2">
          {t('palette.title')}
        </Typography>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          ↑↓ · Enter · Esc
        </Typography>
      </Box>
      <Box sx={{ px: 2, py: 1 }}>
        <TextField
          autoFocus
          fullWidth
          value={query}
          placeholder={t('palette.input')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKey}
          slotProps={{
            htmlInput: {
              role: 'combobox',
              'aria-label': t('palette.input'),
              'aria-expanded': true,
              'aria-controls': 'palette-list',
              'aria-autocomplete': 'list',
              ...(current ? { 'aria-activedescendant': optionId(current.id) } : {}),
            },
          }}
        />
      </Box>
      <List
        ref={listRef}
        id="palette-list"
        role="listbox"
        aria-label={t('palette.title')}
        dense
        sx={{ maxHeight: '50vh', overflow: 'auto', pt: 0 }}
      >
        {matches.length === 0 && (
          <Typography variant="body2" sx={{ color: 'text.secondary', px: 2, py: 1.5 }}>
            {t('palette.empty')}
          </Typography>
        )}
        {matches.map((command, i) => {
          const header =
            !query && command.section !== matches[i - 1]?.section ? (
              <ListSubheader key={`h-${command.section}`} role="presentation" sx={{ lineHeight: 2.5 }}>
                {t(SECTION_LABEL[command.section])}
              </ListSubheader>
            ) : null;
          const isActive = command === current;
          return [
            header,
            <ListItemButton
              key={command.id}
              id={optionId(command.id)}
              role="option"
              aria-selected={isActive}
              aria-disabled={Boolean(command.disabledReason)}
              selected={isActive}
              tabIndex={-1}
              onClick={() => run(command)}
              onMouseMove={() => !isActive && !command.disabledReason && setActive(i)}
              sx={{
                opacity: command.disabledReason ? 0.55 : 1,
                cursor: command.disabledReason ? 'default' : 'pointer',
              }}
            >
              <ListItemText primary={command.label} secondary={command.disabledReason} />
            </ListItemButton>,
          ];
        })}
      </List>
    </Dialog>
  );
}

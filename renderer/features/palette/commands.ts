// Every action of the desk as a command for the palette (W1, W12): case actions on the selected case (simple ones
// queue a mutation; the others open the case panel's dialog through the store), bulk actions on the ticked cases,
// going to a bucket or area, saved views, and the app's own settings. Pure: what is listed, enabled and matched is
// tested without React; `run` calls what the context hands in.
import { canOverride } from '../../../shared/rules/permissions';
import type { SessionUser } from '../../../shared/schemas/auth';
import type { CaseView } from '../../../shared/schemas/case';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import type { BucketFilter, CaseDialog, DeskView } from '../../state/store';

export type CommandSection = 'case' | 'selection' | 'go' | 'views' | 'app';

export interface Command {
  id: string;
  section: CommandSection;
  label: string;
  /** More words it is found by (English names, so they work in either language). */
  keywords: string;
  /** Why it cannot run now; null when it can. */
  disabledReason: string | null;
  run: () => void;
}

export interface CommandActions {
  claim: (c: CaseView) => void;
  release: (c: CaseView) => void;
  openDialog: (dialog: CaseDialog) => void;
  focusNote: () => void;
  bulkClaim: () => void;
  clearSelection: () => void;
  goToBucket: (bucket: BucketFilter) => void;
  goToView: (view: DeskView) => void;
  focusSearch: () => void;
  showMine: () => void;
  showUnassigned: () => void;
  clearFilters: () => void;
  applyView: (id: string) => void;
  toggleLanguage: () => void;
  toggleTheme: () => void;
  openSettings: () => void;
  openOutbox: () => void;
  logout: () => void;
}

export interface CommandContext {
  t: Translate;
  user: SessionUser;
  /** The selected case, as the desk shows it now. */
  selected: CaseView | undefined;
  checkedCount: number;
  buckets: readonly { bucket: BucketFilter; label: string }[];
  views: readonly { id: string; name: string }[];
  actions: CommandActions;
}

const DIALOG_COMMANDS: readonly {
  dialog: CaseDialog;
  label: MessageKey;
  keywords: string;
  needs: 'open' | 'resolved' | 'any';
  leadOnly?: boolean;
}[] = [
  { dialog: 'resolve', label: 'cmd.resolve', keywords: 'resolve close jiejue', needs: 'open' },
  { dialog: 'delay', label: 'cmd.delay', keywords: 'delay agree postpone yanchi', needs: 'open' },
  { dialog: 'contact', label: 'cmd.contact', keywords: 'contact customer call message lianxi', needs: 'any' },
  {
    dialog: 'compensate',
    label: 'cmd.compensate',
    keywords: 'compensate coupon refund gift buchang',
    needs: 'any',
  },
  { dialog: 'reopen', label: 'cmd.reopen', keywords: 'reopen dakai', needs: 'resolved' },
  {
    dialog: 'switchCarrier',
    label: 'cmd.switchCarrier',
    keywords: 'switch carrier courier kuaidi',
    needs: 'open',
  },
  {
    dialog: 'assignPicker',
    label: 'cmd.assignPicker',
    keywords: 'assign picker jianhuo',
    needs: 'open',
    leadOnly: true,
  },
  { dialog: 'reassign', label: 'cmd.reassign', keywords: 'reassign gaipai', needs: 'open', leadOnly: true },
];

export function buildCommands(ctx: CommandContext): Command[] {
  const { t, user, selected: c, actions } = ctx;
  const actor = { userId: user.id, role: user.role, warehouseIds: user.warehouseIds };
  const lead = canOverride(actor);
  const needCase = c ? null : t('cmd.needCase');
  const needOpen = needCase ?? (c!.status === 'open' ? null : t('cmd.notOpen'));
  const commands: Command[] = [];
  const add = (
    id: string,
    section: CommandSection,
    label: string,
    keywords: string,
    disabledReason: string | null,
    run: () => void,
  ) => commands.push({ id, section, label, keywords, disabledReason, run });

  // ---- the selected case ----
  let claimBlock = needOpen;
  if (!claimBlock && c!.assigneeId === user.id) claimBlock = t('cmd.alreadyMine');
  else if (!claimBlock && c!.assigneeId !== null && !lead) claimBlock = t('cmd.heldByOther');
  add('case.claim', 'case', t('cmd.claim'), 'claim take renling', claimBlock, () => c && actions.claim(c));
  let releaseBlock = needOpen;
  if (!releaseBlock && c!.assigneeId === null) releaseBlock = t('cmd.notHeld');
  else if (!releaseBlock && c!.assigneeId !== user.id && !lead) releaseBlock = t('cmd.heldByOther');
  add(
    'case.release',
    'case',
    t('cmd.release'),
    'release unclaim shifang',
    releaseBlock,
    () => c && actions.release(c),
  );
  for (const d of DIALOG_COMMANDS) {
    if (d.leadOnly && !lead) continue;
    const block =
      d.needs === 'open'
        ? needOpen
        : d.needs === 'resolved'
          ? (needCase ??
            (c!.status === 'open'
              ? t('cmd.stillOpen')
              : c!.status === 'closed'
                ? t('cmd.engineClosed')
                : null))
          : needCase;
    add(`case.${d.dialog}`, 'case', t(d.label), d.keywords, block, () => actions.openDialog(d.dialog));
  }
  add('case.note', 'case', t('cmd.note'), 'note comment beizhu', needCase, actions.focusNote);

  // ---- ticked cases ----
  if (ctx.checkedCount > 0) {
    add(
      'selection.claim',
      'selection',
      t('cmd.bulkClaim', { count: ctx.checkedCount }),
      'bulk claim all selected piliang',
      null,
      actions.bulkClaim,
    );
    add(
      'selection.clear',
      'selection',
      t('cmd.clearSelection'),
      'clear selection',
      null,
      actions.clearSelection,
    );
  }

  // ---- going places ----
  for (const b of ctx.buckets)
    add(
      `go.bucket.${b.bucket}`,
      'go',
      t('cmd.bucket', { bucket: b.label }),
      `go bucket ${b.bucket}`,
      null,
      () => actions.goToBucket(b.bucket),
    );
  add('go.search', 'go', t('cmd.search'), 'search find sousuo', null, actions.focusSearch);
  add('go.mine', 'go', t('cmd.mine'), 'mine my cases wode', null, actions.showMine);
  add('go.unassigned', 'go', t('cmd.unassigned'), 'unassigned unclaimed', null, actions.showUnassigned);
  add('go.clearFilters', 'go', t('cmd.clearFilters'), 'clear reset filters', null, actions.clearFilters);
  add('go.view.worklist', 'go', t('cmd.view', { view: t('worklist.title') }), 'worklist', null, () =>
    actions.goToView('worklist'),
  );
  add('go.view.review', 'go', t('cmd.view', { view: t('nav.review') }), 'review dashboards fupan', null, () =>
    actions.goToView('review'),
  );
  add(
    'go.view.forecast',
    'go',
    t('cmd.view', { view: t('nav.forecast') }),
    'forecast breach yuce',
    null,
    () => actions.goToView('forecast'),
  );
  if (lead) {
    add('go.view.floor', 'go', t('cmd.view', { view: t('nav.floor') }), 'floor pickers xianchang', null, () =>
      actions.goToView('floor'),
    );
    add(
      'go.view.approvals',
      'go',
      t('cmd.view', { view: t('nav.approvals') }),
      'approvals shenpi',
      null,
      () => actions.goToView('approvals'),
    );
    add('go.view.surge', 'go', t('cmd.view', { view: t('nav.surge') }), 'surge promotion dacu', null, () =>
      actions.goToView('surge'),
    );
  }

  // ---- saved views ----
  for (const v of ctx.views)
    add(`views.${v.id}`, 'views', t('views.apply', { name: v.name }), 'view saved apply', null, () =>
      actions.applyView(v.id),
    );

  // ---- the app ----
  add(
    'app.language',
    'app',
    t('cmd.language'),
    'language english chinese yuyan',
    null,
    actions.toggleLanguage,
  );
  add('app.theme', 'app', t('cmd.theme'), 'theme dark light zhuti', null, actions.toggleTheme);
  add(
    'app.settings',
    'app',
    t('cmd.settings'),
    'settings preferences density shezhi',
    null,
    actions.openSettings,
  );
  add('app.outbox', 'app', t('cmd.outbox'), 'outbox pending sync fajianxiang', null, actions.openOutbox);
  add('app.logout', 'app', t('cmd.logout'), 'logout sign out tuichu', null, actions.logout);
  return commands;
}

/**
 * The commands whose label or keywords contain every word of the query (any case), best first: enabled before
 * disabled, then labels that start with the query, then the listed order.
 */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...commands];
  const q = words.join(' ');
  const scored: { c: Command; rank: number; i: number }[] = [];
  commands.forEach((c, i) => {
    const label = c.label.toLowerCase();
    const text = `${label} ${c.keywords.toLowerCase()}`;
    if (!words.every((w) => text.includes(w))) return;
    const rank = (c.disabledReason ? 4 : 0) + (label.startsWith(q) ? 0 : label.includes(q) ? 1 : 2);
    scored.push({ c, rank, i });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.i - b.i).map((s) => s.c);
}

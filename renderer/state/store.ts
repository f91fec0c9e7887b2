// UI and session state (zustand, one store built from slices). Domain data is not here: it lives in IndexedDB
// and reaches React through LocalStore subscriptions. Preferences (language, theme, density, alerts) are kept in
// localStorage, so they survive restarts.
import { z } from 'zod';
import { create, type StateCreator } from 'zustand';
import type { Locale } from '../../shared/i18n/labels';
import type { SessionUser } from '../../shared/schemas/auth';
import type { Bucket } from '../../shared/rules/buckets';
import { DEFAULT_FILTERS, type WorklistFilters } from '../data/worklist-filter';
import type { SyncStatus } from '../data/sync-engine';

export type ThemeMode = 'light' | 'dark' | 'system';
export type Density = 'comfortable' | 'compact';

export interface PrefsSlice {
  locale: Locale;
  themeMode: ThemeMode;
  density: Density;
  /** Desktop notifications for newly overdue critical cases. */
  notifications: boolean;
  /** The window/tray badge with the number of overdue open cases. */
  badge: boolean;
  setLocale: (locale: Locale) => void;
  setThemeMode: (mode: ThemeMode) => void;
  setDensity: (density: Density) => void;
  setNotifications: (on: boolean) => void;
  setBadge: (on: boolean) => void;
}

export interface SessionSlice {
  user: SessionUser | null;
  /** The server refused our token: the desk stays usable, a login dialog asks for the password again. */
  sessionExpired: boolean;
  setUser: (user: SessionUser | null) => void;
  setSessionExpired: (expired: boolean) => void;
}

export type BucketFilter = Bucket | 'all';

/** Dialogs of the case panel; the command palette and keyboard shortcuts open them through the store. */
export type CaseDialog =
  'resolve' | 'delay' | 'contact' | 'compensate' | 'reopen' | 'switchCarrier' | 'assignPicker' | 'reassign';

/** What a saved view restores. */
export interface WorklistView {
  bucket: BucketFilter;
  search: string;
  filters: WorklistFilters;
}

export interface WorklistSlice {
  bucket: BucketFilter;
  search: string;
  filters: WorklistFilters;
  /** The case open in the detail panel. */
  selectedCaseId: string | null;
  /** Cases ticked for a bulk action (claim, assign a picker). */
  checkedIds: ReadonlySet<string>;
  /** Where the last tick was: a shift-click ticks the range from here. */
  checkAnchorId: string | null;
  dialog: CaseDialog | null;
  setBucket: (bucket: BucketFilter) => void;
  setSearch: (search: string) => void;
  setFilters: (patch: Partial<WorklistFilters>) => void;
  resetFilters: () => void;
  applyView: (view: WorklistView) => void;
  select: (caseId: string | null) => void;
  setChecked: (ids: ReadonlySet<string>, anchorId?: string | null) => void;
  openDialog: (dialog: CaseDialog | null) => void;
}

/**
 * The desk's main areas. Everyone has the worklist, the review (dashboards and the handover report) and the
 * forecast; leads and admins also the floor (pickers), the approval queue and the promotion (surge) tools.
 */
export type DeskView = 'worklist' | 'review' | 'forecast' | 'floor' | 'approvals' | 'surge';

/** The review area's tab and periods, kept while the user drills into the worklist and comes back. */
export type ReviewTab = 'dashboards' | 'handover';
export type ReviewRange = 'today' | '7d' | '30d';
export type HandoverRange = 'shift' | 'previousShift' | 'today' | 'yesterday';

/** A short message at the bottom of the desk (e.g. what a bulk action did). */
export interface Toast {
  text: string;
  severity: 'success' | 'info' | 'warning' | 'error';
}

export interface UiSlice {
  view: DeskView;
  reviewTab: ReviewTab;
  reviewRange: ReviewRange;
  handoverRange: HandoverRange;
  toast: Toast | null;
  paletteOpen: boolean;
  settingsOpen: boolean;
  outboxOpen: boolean;
  setView: (view: DeskView) => void;
  setReview: (patch: Partial<Pick<UiSlice, 'reviewTab' | 'reviewRange' | 'handoverRange'>>) => void;
  setPaletteOpen: (open: boolean) => void;
  setSettingsOpen: (open: boolean) => void;
  setOutboxOpen: (open: boolean) => void;
  showToast: (toast: Toast | null) => void;
}

export interface SyncSlice {
  sync: SyncStatus | null;
  connected: boolean;
  /** Whether the browser granted persistent storage (null: not asked or not supported). */
  storagePersisted: boolean | null;
  /** Set when the local database failed and the desk recovered by re-syncing (shown once). */
  storageRecovered: boolean;
  setStorage: (persisted: boolean | null, recovered?: boolean) => void;
  setSync: (status: SyncStatus) => void;
  setConnected: (connected: boolean) => void;
}

export type DeskState = PrefsSlice & SessionSlice & WorklistSlice & UiSlice & SyncSlice;

const LOCALE_KEY = 'desk.locale';
const PREFS_KEY = 'desk.prefs';

const Prefs = z.object({
  themeMode: z.enum(['light', 'dark', 'system']).catch('light'),
  density: z.enum(['comfortable', 'compact']).catch('comfortable'),
  notifications: z.boolean().catch(true),
  badge: z.boolean().catch(true),
});
type Prefs = z.infer<typeof Prefs>;

const hasStorage = () => typeof localStorage !== 'undefined';

function initialLocale(): Locale {
  const saved = hasStorage() ? localStorage.getItem(LOCALE_KEY) : null;
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

function initialPrefs(): Prefs {
  let raw: unknown = {};
  try {
    raw = JSON.parse((hasStorage() && localStorage.getItem(PREFS_KEY)) || '{}');
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return Prefs.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

const prefsSlice: StateCreator<DeskState, [], [], PrefsSlice> = (set, get) => {
  const save = (patch: Partial<Prefs>) => {
    const { themeMode, density, notifications, badge } = { ...get(), ...patch };
    if (hasStorage())
      localStorage.setItem(PREFS_KEY, JSON.stringify({ themeMode, density, notifications, badge }));
    set(patch);
  };
  return {
    locale: initialLocale(),
    ...initialPrefs(),
    setLocale(locale) {
      localStorage.setItem(LOCALE_KEY, locale);
      document.documentElement.lang = locale;
      set({ locale });
    },
    setThemeMode: (themeMode) => save({ themeMode }),
    setDensity: (density) => save({ density }),
    setNotifications: (notifications) => save({ notifications }),
    setBadge: (badge) => save({ badge }),
  };
};

const sessionSlice: StateCreator<DeskState, [], [], SessionSlice> = (set) => ({
  user: null,
  sessionExpired: false,
  setUser: (user) => set({ user }),
  setSessionExpired: (sessionExpired) => set({ sessionExpired }),
});

const worklistSlice: StateCreator<DeskState, [], [], WorklistSlice> = (set) => ({
  bucket: 'all',
  search: '',
  filters: DEFAULT_FILTERS,
  selectedCaseId: null,
  checkedIds: new Set(),
  checkAnchorId: null,
  dialog: null,
  setBucket: (bucket) => set({ bucket }),
  setSearch: (search) => set({ search }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
  applyView: ({ bucket, search, filters }) =>
    set({ bucket, search, filters: { ...DEFAULT_FILTERS, ...filters } }),
  select: (selectedCaseId) => set({ selectedCaseId }),
  setChecked: (checkedIds, anchorId) =>
    set(anchorId === undefined ? { checkedIds } : { checkedIds, checkAnchorId: anchorId }),
  openDialog: (dialog) => set({ dialog }),
});

const uiSlice: StateCreator<DeskState, [], [], UiSlice> = (set) => ({
  view: 'worklist',
  reviewTab: 'dashboards',
  reviewRange: '7d',
  handoverRange: 'shift',
  toast: null,
  paletteOpen: false,
  settingsOpen: false,
  outboxOpen: false,
  setView: (view) => set({ view }),
  setReview: (patch) => set(patch),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setOutboxOpen: (outboxOpen) => set({ outboxOpen }),
  showToast: (toast) => set({ toast }),
});

const syncSlice: StateCreator<DeskState, [], [], SyncSlice> = (set) => ({
  sync: null,
  connected: false,
  storagePersisted: null,
  storageRecovered: false,
  setStorage: (storagePersisted, storageRecovered = false) => set({ storagePersisted, storageRecovered }),
  setSync: (sync) => set({ sync }),
  setConnected: (connected) => set({ connected }),
});

export const useDesk = create<DeskState>()((...a) => ({
  ...prefsSlice(...a),
  ...sessionSlice(...a),
  ...worklistSlice(...a),
  ...uiSlice(...a),
  ...syncSlice(...a),
}));

// UI and session state (zustand, one store built from slices). Domain data is not here: it lives in IndexedDB
// and reaches React through LocalStore subscriptions.
import { create, type StateCreator } from 'zustand';
import type { Locale } from '../../shared/i18n/labels';
import type { SessionUser } from '../../shared/schemas/auth';
import type { Bucket } from '../../shared/rules/buckets';
import type { SyncStatus } from '../data/sync-engine';

export interface PrefsSlice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
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

export interface WorklistSlice {
  bucket: BucketFilter;
  search: string;
  /** The case open in the detail panel. */
  selectedCaseId: string | null;
  /** Cases ticked for a bulk action (claim, assign a picker). */
  checkedIds: ReadonlySet<string>;
  dialog: CaseDialog | null;
  setBucket: (bucket: BucketFilter) => void;
  setSearch: (search: string) => void;
  select: (caseId: string | null) => void;
  setChecked: (ids: ReadonlySet<string>) => void;
  openDialog: (dialog: CaseDialog | null) => void;
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

export type DeskState = PrefsSlice & SessionSlice & WorklistSlice & SyncSlice;

const LOCALE_KEY = 'desk.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

const prefsSlice: StateCreator<DeskState, [], [], PrefsSlice> = (set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    localStorage.setItem(LOCALE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
});

const sessionSlice: StateCreator<DeskState, [], [], SessionSlice> = (set) => ({
  user: null,
  sessionExpired: false,
  setUser: (user) => set({ user }),
  setSessionExpired: (sessionExpired) => set({ sessionExpired }),
});

const worklistSlice: StateCreator<DeskState, [], [], WorklistSlice> = (set) => ({
  bucket: 'all',
  search: '',
  selectedCaseId: null,
  checkedIds: new Set(),
  dialog: null,
  setBucket: (bucket) => set({ bucket }),
  setSearch: (search) => set({ search }),
  select: (selectedCaseId) => set({ selectedCaseId }),
  setChecked: (checkedIds) => set({ checkedIds }),
  openDialog: (dialog) => set({ dialog }),
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
  ...syncSlice(...a),
}));

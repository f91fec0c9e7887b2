// Saved views (W1): a name for the current bucket, search and filters, kept in localStorage per user so each
// coordinator on a shared desk computer has their own. Read with the same schema it was written with; a damaged
// entry reads as no views.
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { CASE_STATUSES, CAUSES, PLATFORMS } from '../../../shared/schemas/enums';
import { BUCKETS } from '../../../shared/rules/buckets';
import { DEFAULT_FILTERS } from '../../data/worklist-filter';
import type { WorklistView } from '../../state/store';

const SavedView = z.object({
  id: z.string(),
  name: z.string().min(1).max(60),
  bucket: z.enum([...BUCKETS, 'all']),
  search: z.string().max(200),
  filters: z.object({
    statuses: z.array(z.enum(CASE_STATUSES)).catch([...DEFAULT_FILTERS.statuses]),
    causes: z.array(z.enum(CAUSES)).catch([]),
    categories: z.array(z.string()).catch([]),
    platforms: z.array(z.enum(PLATFORMS)).catch([]),
    courierIds: z.array(z.string()).catch([]),
    zoneIds: z.array(z.string()).catch([]),
    assignee: z.enum(['anyone', 'me', 'unassigned']).catch('anyone'),
  }),
});
export type SavedView = z.infer<typeof SavedView>;

export const viewsKey = (userId: string): string => `desk.views.${userId}`;

export function readViews(storage: Storage, userId: string): SavedView[] {
  try {
    const parsed = z.array(SavedView).safeParse(JSON.parse(storage.getItem(viewsKey(userId)) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Adds a view, or replaces the one with the same name (names are what people pick from). */
export function withView(
  views: readonly SavedView[],
  name: string,
  view: WorklistView,
  id: string,
): SavedView[] {
  const trimmed = name.trim();
  const saved: SavedView = {
    id,
    name: trimmed,
    bucket: view.bucket,
    search: view.search,
    filters: {
      ...view.filters,
      statuses: [...view.filters.statuses],
      causes: [...view.filters.causes],
      categories: [...view.filters.categories],
      platforms: [...view.filters.platforms],
      courierIds: [...view.filters.courierIds],
      zoneIds: [...view.filters.zoneIds],
    },
  };
  const at = views.findIndex((v) => v.name === trimmed);
  return at < 0 ? [...views, saved] : views.map((v, i) => (i === at ? { ...saved, id: v.id } : v));
}

// A tiny external store per user, so the views menu and the command palette stay in step.
const listeners = new Set<() => void>();
const cache = new Map<string, SavedView[]>();

function current(userId: string): SavedView[] {
  let views = cache.get(userId);
  if (!views) cache.set(userId, (views = readViews(localStorage, userId)));
  return views;
}

function write(userId: string, views: SavedView[]): void {
  localStorage.setItem(viewsKey(userId), JSON.stringify(views));
  cache.set(userId, views);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useSavedViews(userId: string) {
  const views = useSyncExternalStore(subscribe, () => current(userId));
  return {
    views,
    save: (name: string, view: WorklistView) =>
      write(userId, withView(current(userId), name, view, crypto.randomUUID())),
    remove: (id: string) =>
      write(
        userId,
        current(userId).filter((v) => v.id !== id),
      ),
  };
}

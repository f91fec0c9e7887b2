// Remembers the window's bounds between runs in `<userData>/window-state.json`: read and checked with zod (a
// corrupt file gives the defaults), fitted onto a display that exists now (monitors come and go), saved after
// moves and resizes have settled and once more when the window closes. The bounds saved are the *normal* ones,
// so a maximized window comes back maximized over the place it will restore to.
import { z } from 'zod';
import type { FileStore } from './file-store';
import type { Log } from './log';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const DEFAULT_WIDTH = 1440;
export const DEFAULT_HEIGHT = 900;
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 680;
/** How much of the window must overlap a display for its saved position to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 };

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Size,
  height: Size,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** A state with a position: what the window is opened with. */
export type PlacedWindowState = WindowState & { x: number; y: number };

export const DEFAULT_WINDOW_STATE: WindowState = {
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  maximized: false,
};

/** The saved state, or the defaults when the text is missing, not JSON or not a window state. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return { ...DEFAULT_WINDOW_STATE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { x, y, width, height, maximized } = parsed.data;
  // A position needs both coordinates.
  return x !== undefined && y !== undefined
    ? { x, y, width, height, maximized }
    : { width, height, maximized };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/**
 * Fits a state onto the displays' work areas (the first one is the primary). The size is raised to the minimum
 * and lowered to the chosen work area; a saved position is kept only when enough of the window overlaps a
 * display, and is then moved just enough to be fully on it; otherwise the window is centred on the primary.
 * Always returns a position.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): PlacedWindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT };
  let width = Math.max(state.width, MIN_WIDTH);
  let height = Math.max(state.height, MIN_HEIGHT);

  let area = primary;
  let keepPosition = false;
  if (state.x !== undefined && state.y !== undefined) {
    const saved = { x: state.x, y: state.y, width, height };
    let best = 0;
    for (const candidate of workAreas) {
      const o = overlap(saved, candidate);
      if (o.width >= Math.min(MIN_VISIBLE.width, width) && o.height >= Math.min(MIN_VISIBLE.height, height)) {
        if (o.width * o.height > best) {
          best = o.width * o.height;
          area = candidate;
          keepPosition = true;
        }
      }
    }
  }

  width = Math.min(width, area.width);
  height = Math.min(height, area.height);
  const x =
    keepPosition && state.x !== undefined
      ? clamp(state.x, area.x, area.x + area.width - width)
      : area.x + Math.round((area.width - width) / 2);
  const y =
    keepPosition && state.y !== undefined
      ? clamp(state.y, area.y, area.y + area.height - height)
      : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height, maximized: state.maximized };
}

/** The part of Electron's `BrowserWindow` the keeper watches. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateKeeperDeps {
  files: FileStore;
  /** Full path, normally `<userData>/window-state.json`. */
  filePath: string;
  /** Work areas of the connected displays, primary first. */
  workAreas(): readonly Rectangle[];
  log: Pick<Log, 'warn'>;
  debounceMs?: number;
}

export interface WindowStateKeeper {
  /** The state to open the window with: saved, checked and fitted to the current displays. */
  load(): PlacedWindowState;
  /** Saves after moves/resizes settle, and on close. Returns a function that cancels a pending save. */
  track(window: TrackedWindow): () => void;
  /** Writes the window's current state now. */
  save(window: TrackedWindow): void;
}

export function createWindowStateKeeper(deps: WindowStateKeeperDeps): WindowStateKeeper {
  const debounceMs = deps.debounceMs ?? 500;

  const save = (window: TrackedWindow): void => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: window.isMaximized(),
    };
    try {
      deps.files.write(deps.filePath, JSON.stringify(state));
    } catch (error) {
      deps.log.warn('could not save the window state', error);
    }
  };

  return {
    load() {
      let text: string | null = null;
      try {
        text = deps.files.read(deps.filePath)?.toString('utf8') ?? null;
      } catch (error) {
        deps.log.warn('could not read the window state', error);
      }
      return fitToDisplays(parseWindowState(text), deps.workAreas());
    },
    save,
    track(window) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cancel = () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      };
      const later = () => {
        cancel();
        timer = setTimeout(() => {
          timer = undefined;
          save(window);
        }, debounceMs);
      };
      for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
      window.on('close', () => {
        cancel();
        save(window);
      });
      return cancel;
    },
  };
}

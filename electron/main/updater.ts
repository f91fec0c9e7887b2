// Auto-update through electron-updater against a feed the team hosts (a generic HTTP provider, see
// docs/packaging.md). On only in a packaged app with a feed: `DESK_UPDATE_URL` at run time, or the `publish`
// configuration written into the app (`resources/app-update.yml`) when `npm run dist` ran with DESK_UPDATE_URL.
// It checks in the background a while after start and then every few hours, downloads in the background and
// installs when the app quits. It never prompts, never restarts the app and never blocks the window: a failure is
// a log line and the next check tries again.
import type { Log } from './log';

export const UPDATE_URL_ENV = 'DESK_UPDATE_URL';
/** The first check waits until the app has started and synced once. */
export const FIRST_CHECK_DELAY_MS = 2 * 60_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;

/** The part of electron-updater's `autoUpdater` (an `AppUpdater`) used here, so it is tested with a fake. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  logger: UpdaterLogger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

export type UpdateFeed = { source: 'env'; url: string } | { source: 'publish-config' };
export type UpdatePlan = { enabled: true; feed: UpdateFeed } | { enabled: false; reason: string };

export interface UpdatePlanInput {
  /** `app.isPackaged`: development runs never update. */
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the packaged app carries `app-update.yml` (built with a publish configuration). */
  hasPublishConfig: boolean;
}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** Whether and from where to update. Pure. `DESK_UPDATE_URL=off` turns updates off even with a built-in feed. */
export function planUpdates({ packaged, env, hasPublishConfig }: UpdatePlanInput): UpdatePlan {
  if (!packaged) return { enabled: false, reason: 'not a packaged app (development)' };
  const raw = env[UPDATE_URL_ENV]?.trim();
  if (raw === 'off') return { enabled: false, reason: `${UPDATE_URL_ENV}=off` };
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { enabled: false, reason: `${UPDATE_URL_ENV} is not a URL: ${JSON.stringify(raw)}` };
    }
    // The feed decides what code runs next: https only (plain http for a feed on this machine, for testing).
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
    if (!secure) return { enabled: false, reason: `${UPDATE_URL_ENV} must be an https URL, got ${raw}` };
    if (url.username || url.password) {
      return { enabled: false, reason: `${UPDATE_URL_ENV} must not carry credentials` };
    }
    return { enabled: true, feed: { source: 'env', url: url.href } };
  }
  if (hasPublishConfig) return { enabled: true, feed: { source: 'publish-config' } };
  return { enabled: false, reason: `no update feed (${UPDATE_URL_ENV} unset and no publish configuration)` };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  setInterval(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  clearInterval(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export interface AutoUpdatesDeps {
  updater: UpdaterLike;
  feed: UpdateFeed;
  log: Pick<Log, 'info' | 'warn'>;
  timers?: Timers;
  firstCheckDelayMs?: number;
  intervalMs?: number;
}

export interface AutoUpdates {
  /** One background check now (skipped while one is running). Never rejects. */
  check(): Promise<void>;
  stop(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Configures the updater and schedules the background checks. */
export function startAutoUpdates(deps: AutoUpdatesDeps): AutoUpdates {
  const { updater, log } = deps;
  const timers = deps.timers ?? globalTimers;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.logger = {
    info: (message) => log.info(`updater: ${String(message)}`),
    warn: (message) => log.warn(`updater: ${String(message)}`),
    error: (message) => log.warn(`updater: ${String(message)}`),
  };
  if (deps.feed.source === 'env') updater.setFeedURL({ provider: 'generic', url: deps.feed.url });

  updater.on('error', (error) => log.warn(`update failed: ${describe(error)}`));
  updater.on('update-available', (info) => log.info(`update ${info.version} available; downloading`));
  updater.on('update-not-available', (info) => log.info(`no update (latest is ${info.version})`));
  updater.on('update-downloaded', (info) =>
    log.info(`update ${info.version} downloaded; it is installed when the app quits`),
  );

  let running: Promise<void> | null = null;
  const check = (): Promise<void> => {
    if (running) return running;
    running = Promise.resolve()
      .then(() => updater.checkForUpdates())
      .then(
        (result) => {
          // The download goes on in the background; its failure is also emitted as 'error' (logged above).
          result?.downloadPromise?.catch(() => undefined);
        },
        (error: unknown) => {
          log.warn(`update check failed: ${describe(error)}`);
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  let interval: unknown = null;
  const first = timers.setTimeout(() => {
    void check();
    interval = timers.setInterval(() => void check(), deps.intervalMs ?? CHECK_INTERVAL_MS);
  }, deps.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS);

  return {
    check,
    stop: () => {
      timers.clearTimeout(first);
      if (interval !== null) timers.clearInterval(interval);
    },
  };
}

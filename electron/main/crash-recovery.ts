// When the renderer process dies, the window is reloaded: the renderer keeps its outbox in IndexedDB, so nothing
// typed is lost. A renderer that keeps dying is not reloaded forever: after `maxReloads` within `windowMs` the
// window is left alone and the failure logged. Every crash, hang and recovery is a line in main.log, and so is a
// crash of Chromium's other processes (GPU, network, utility), which Chromium restarts by itself.
import type { Log } from './log';

export interface RenderProcessGoneDetails {
  reason: string;
  exitCode: number;
}

export interface RecoverableContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: RenderProcessGoneDetails) => void,
  ): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  reload(): void;
}

export interface CrashRecoveryOptions {
  log: Pick<Log, 'info' | 'warn' | 'error'>;
  now?: () => number;
  maxReloads?: number;
  windowMs?: number;
}

/** What to do when the renderer is gone, given the times of the earlier reloads. */
export function crashDecision(
  reason: string,
  recentReloads: readonly number[],
  now: number,
  options: { maxReloads: number; windowMs: number },
): 'reload' | 'ignore' | 'give-up' {
  // 'clean-exit' happens when the app is closing.
  if (reason === 'clean-exit') return 'ignore';
  const recent = recentReloads.filter((time) => now - time < options.windowMs);
  return recent.length >= options.maxReloads ? 'give-up' : 'reload';
}

export function attachCrashRecovery(contents: RecoverableContents, options: CrashRecoveryOptions): void {
  const now = options.now ?? Date.now;
  const limits = { maxReloads: options.maxReloads ?? 3, windowMs: options.windowMs ?? 60_000 };
  let reloads: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    const time = now();
    const decision = crashDecision(details.reason, reloads, time, limits);
    if (decision === 'ignore' || contents.isDestroyed()) return;
    if (decision === 'give-up') {
      options.log.error(
        `renderer gone again (${details.reason}); not reloading after ${limits.maxReloads} tries`,
      );
      return;
    }
    reloads = [...reloads.filter((t) => time - t < limits.windowMs), time];
    options.log.warn(`renderer gone (${details.reason}, exit code ${details.exitCode}); reloading`);
    contents.reload();
  });
  // A hung page is left to finish (it may be busy with a large sync) but recorded, with how long it hung.
  let hungSince: number | null = null;
  contents.on('unresponsive', () => {
    hungSince = now();
    options.log.warn('renderer unresponsive');
  });
  contents.on('responsive', () => {
    if (hungSince === null) return;
    options.log.info(`renderer responsive again after ${Math.round((now() - hungSince) / 1000)} s`);
    hungSince = null;
  });
}

export interface ChildProcessGoneDetails {
  type: string;
  reason: string;
  exitCode: number;
  name?: string;
  serviceName?: string;
}

export interface ChildProcessSource {
  on(
    event: 'child-process-gone',
    listener: (event: unknown, details: ChildProcessGoneDetails) => void,
  ): unknown;
}

/** Logs crashes of Chromium's helper processes (`app`'s `child-process-gone`); a clean exit is not news. */
export function logChildProcessCrashes(app: ChildProcessSource, log: Pick<Log, 'warn'>): void {
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const name = details.name ?? details.serviceName;
    log.warn(
      `${details.type} process${name ? ` (${name})` : ''} gone: ${details.reason}, exit code ${details.exitCode}`,
    );
  });
}

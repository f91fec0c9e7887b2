// When the renderer process dies, the window is reloaded: the renderer keeps its outbox in IndexedDB, so nothing
// typed is lost. A renderer that keeps dying is not reloaded forever: after `maxReloads` within `windowMs` the
// window is left alone and the failure logged.
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
  isDestroyed(): boolean;
  reload(): void;
}

export interface CrashRecoveryOptions {
  log: Pick<Log, 'warn' | 'error'>;
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
}

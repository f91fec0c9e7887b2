// Watches the local cases while the desk is open: a desktop notification for each critical case that becomes
// overdue (rule in overdue-watch.ts), and the window/tray badge with the number of overdue open cases. Both can
// be turned off in the settings. Renders nothing.
import { useEffect, useRef } from 'react';
import { runInIdleSlices } from '../../app/idle-slices';
import { useRuntime } from '../../app/runtime-context';
import { translator } from '../../i18n/format';
import { useDesk } from '../../state/store';
import { caseNotice, summaryNotice } from './alert-text';
import { MAX_NAMED_ALERTS, OverdueWatch, type ScanResult } from './overdue-watch';

/** How often the cases are checked against server time (a scan of 100,000 cases takes 5-20 ms, in slices). */
export const SCAN_MS = 3_000;
/** A slice of the scan runs within this time even when the browser is never idle. */
const SCAN_TIMEOUT_MS = 500;

export function CriticalAlerts() {
  const { store, platform } = useRuntime();
  const watch = useRef<OverdueWatch | null>(null);
  const notificationsOn = useDesk((s) => s.notifications);
  const badgeOn = useDesk((s) => s.badge);

  useEffect(() => {
    watch.current ??= new OverdueWatch();
    const baseTitle = document.title;
    let shownBadge = -1;
    const show = ({ overdueOpen, newlyCritical }: ScanResult) => {
      const badge = badgeOn ? overdueOpen : 0;
      if (badge !== shownBadge) {
        shownBadge = badge;
        platform.setBadge(badge);
        document.title = badge > 0 ? `(${badge}) ${baseTitle}` : baseTitle;
      }
      if (!notificationsOn || newlyCritical.length === 0) return;
      const { locale } = useDesk.getState();
      const t = translator(locale);
      const named = newlyCritical.slice(0, MAX_NAMED_ALERTS);
      for (const c of named) {
        void platform.notify(caseNotice(c, t, locale)).then((clicked) => {
          if (!clicked) return;
          const desk = useDesk.getState();
          desk.setView('worklist');
          desk.select(c.id);
        });
      }
      const rest = newlyCritical.length - named.length;
      if (rest > 0) void platform.notify(summaryNotice(rest, t));
    };
    // A scan of 100,000 cases runs in idle slices (app/idle-slices.ts): in one piece it cost a frame while
    // scrolling or typing. A new scan starts every SCAN_MS once the last one is done.
    let cancel: (() => void) | null = null;
    const scan = () => {
      // Take stock only when the stored cases are in memory and have been synced at least once.
      if (cancel || !store.loaded || store.lastSyncAt === null) return;
      const pass = watch.current!.begin(store.now());
      const cases = store.memory.allCases()[Symbol.iterator]();
      cancel = runInIdleSlices(
        (more) => pass.take(cases, more),
        () => {
          cancel = null;
          show(pass.finish());
        },
        SCAN_TIMEOUT_MS,
      );
    };
    scan();
    const id = setInterval(scan, SCAN_MS);
    return () => {
      clearInterval(id);
      cancel?.();
      document.title = baseTitle;
      platform.setBadge(0);
    };
  }, [store, platform, notificationsOn, badgeOn]);

  return null;
}

// Watches the local cases while the desk is open: a desktop notification for each critical case that becomes
// overdue (rule in overdue-watch.ts), and the window/tray badge with the number of overdue open cases. Both can
// be turned off in the settings. Renders nothing.
import { useEffect, useRef } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { translator } from '../../i18n/format';
import { useDesk } from '../../state/store';
import { caseNotice, summaryNotice } from './alert-text';
import { MAX_NAMED_ALERTS, OverdueWatch } from './overdue-watch';

/** How often the cases are checked against server time (a scan of 100,000 cases takes a few ms). */
export const SCAN_MS = 3_000;

export function CriticalAlerts() {
  const { store, platform } = useRuntime();
  const watch = useRef<OverdueWatch | null>(null);
  const notificationsOn = useDesk((s) => s.notifications);
  const badgeOn = useDesk((s) => s.badge);

  useEffect(() => {
    watch.current ??= new OverdueWatch();
    const baseTitle = document.title;
    let shownBadge = -1;
    const scan = () => {
      // Take stock only when the stored cases are in memory and have been synced at least once.
      if (!store.loaded || store.lastSyncAt === null) return;
      const { overdueOpen, newlyCritical } = watch.current!.scan(store.memory.allCases(), store.now());
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
    scan();
    // In idle time when there is some (a scan of 100,000 cases must not land in a scrolled frame or between two
    // keystrokes), and within a second when the desk is never idle.
    let idle: number | null = null;
    const id = setInterval(() => {
      if (typeof requestIdleCallback !== 'function') return scan();
      if (idle === null)
        idle = requestIdleCallback(
          () => {
            idle = null;
            scan();
          },
          { timeout: 1000 },
        );
    }, SCAN_MS);
    return () => {
      clearInterval(id);
      if (idle !== null) cancelIdleCallback(idle);
      document.title = baseTitle;
      platform.setBadge(0);
    };
  }, [store, platform, notificationsOn, badgeOn]);

  return null;
}

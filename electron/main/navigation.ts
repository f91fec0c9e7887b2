// Where the app's web contents may go. The app never leaves its own origin: in-page navigation and redirects to
// anything else are cancelled, new windows are always denied, and http(s) links asked for a new window open in the
// system browser instead. The decisions are pure functions; `attachNavigationGuards` wires them to any web
// contents (index.ts does so for every one created).
import { APP_ORIGIN, APP_SCHEME } from './config';

/**
 * The origin of a URL as Chromium sees it, or null when the URL does not parse or has an opaque origin.
 * Node's URL gives `"null"` for schemes it does not know as special, so app:// is spelled out here: the scheme is
 * registered as standard in Chromium, where its origin is `app://<host>`.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') return `${APP_SCHEME}://${parsed.host}`;
  return null;
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** Whether a URL may be handed to the system browser: http(s) only, never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'deny';

/** `will-navigate` and `will-redirect`: only within the app's origin. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** `setWindowOpenHandler`: the app never opens a second window; web links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isExternalWebUrl(url) };
}

export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's `WebContents` the guards use. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardDeps {
  openExternal(url: string): Promise<void>;
  log?: { warn(message: string): void };
}

export function attachNavigationGuards(contents: GuardableContents, deps: NavigationGuardDeps): void {
  const guard = (kind: string) => (event: NavigationEvent) => {
    if (navigationDecision(event.url) === 'allow') return;
    event.preventDefault();
    deps.log?.warn(`blocked ${kind} to ${event.url}`);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log?.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) {
      deps.openExternal(url).catch(() => deps.log?.warn(`could not open ${url} in the system browser`));
    } else {
      deps.log?.warn(`blocked a new window for ${url}`);
    }
    return { action: decision.action };
  });
}

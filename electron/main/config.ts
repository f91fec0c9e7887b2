// Fixed facts about the desktop app: its custom-protocol origin, where the sync server is, and the constants the
// other main-process modules share. Pure: the environment is passed in.

/** The renderer is served from `app://desk/…` (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4870';
export const APP_TITLE = '逾期工作台';

/**
 * The sync server the renderer talks to: `DESK_SERVER_URL` or the local default. Throws with a readable message
 * when the variable is set but is not an http(s) URL; a trailing slash is dropped.
 */
export function resolveServerUrl(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env['DESK_SERVER_URL']?.trim();
  if (!raw) return DEFAULT_SERVER_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DESK_SERVER_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`DESK_SERVER_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `DESK_SERVER_URL must not carry credentials, a query or a fragment: ${JSON.stringify(raw)}`,
    );
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

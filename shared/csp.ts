// The Content-Security-Policy of the app's pages, in the desktop app (app:// protocol) and in browser mode
// (served by the sync server). 'unsafe-inline' for styles only: MUI/emotion injects <style> tags at run time.
// Scripts come from the app's own files and nowhere else.

/** `serverOrigin`: where the API lives when it is not the page's own origin (the desktop app). */
export function contentSecurityPolicy(serverOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    serverOrigin ? `connect-src 'self' ${serverOrigin}` : "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

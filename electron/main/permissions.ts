// Web permissions (camera, geolocation, …) asked for by pages: the app needs almost none. Only the app's own
// origin may have the few below; everything else is refused.
import { isAppUrl } from './navigation';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'notifications',
  'fullscreen',
]);

export function permissionDecision(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

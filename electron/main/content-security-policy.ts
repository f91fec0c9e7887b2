// The Content-Security-Policy sent with every response of the app:// protocol: the shared policy, with the sync
// server's origin allowed for fetch and the event stream.
import { contentSecurityPolicy as policy } from '../../shared/csp';

export const contentSecurityPolicy = (serverUrl: string): string => policy(new URL(serverUrl).origin);

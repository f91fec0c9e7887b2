/** Browser mode only: the app shell is cached so the desk opens offline. Electron serves files locally. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || window.desk || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .catch((err: unknown) => console.warn('service worker not registered', err));
  });
}

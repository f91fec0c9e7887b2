// Service worker for browser mode only (the desktop app loads its files locally). It keeps the app shell so a
// reload while offline still opens the desk from IndexedDB. API calls are never cached: the outbox and the
// sync engine own the network. Self-contained (no imports) so it builds to one classic script.
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;
export {};

interface Precache {
  version: string;
  files: string[];
}

const PREFIX = 'desk-shell-';

async function currentCache(): Promise<Cache> {
  const keys = (await caches.keys()).filter((k) => k.startsWith(PREFIX));
  return caches.open(keys.at(-1) ?? `${PREFIX}none`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const res = await fetch('/precache.json', { cache: 'no-store' });
      const manifest = (await res.json()) as Precache;
      const cache = await caches.open(PREFIX + manifest.version);
      await cache.addAll(['/', ...manifest.files.map((f) => `/${f}`)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = (await caches.keys()).filter((k) => k.startsWith(PREFIX));
      const newest = keys.at(-1);
      await Promise.all(keys.filter((k) => k !== newest).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/'))
    return;
  if (request.mode === 'navigate') {
    // Network first so a new version shows up at once; the cached shell when the network is gone.
    event.respondWith(
      fetch(request).catch(async () => (await (await currentCache()).match('/')) ?? Response.error()),
    );
    return;
  }
  event.respondWith((async () => (await (await currentCache()).match(request)) ?? fetch(request))());
});

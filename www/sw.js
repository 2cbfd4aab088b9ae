// The offline cache. `offline.mjs` fills in the version and the file list at build time.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `pyprep-${VERSION}`;

self.addEventListener('install', (event) => {
  // Fetch every file fresh from the server, so the cache holds exactly this build.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('pyprep-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages of the app are all index.html (routes live in the fragment).
    const match = request.mode === 'navigate'
      ? await cache.match('index.html')
      : await cache.match(request, { ignoreSearch: true });
    return match || fetch(request);
  })());
});

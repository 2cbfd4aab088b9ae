// The offline copy of the app: one cache per build, holding every file of
// that build and nothing else, so that a page never mixes two versions.
// `offline.mjs` fills in the version and the file list at build time.
//
// Each file is downloaded once:
// - On a first visit there is no older build to replace, so this worker takes
//   control at once, and the page starts the app only then (www/boot.js).
//   Every file the page and its judge worker ask for is downloaded through
//   here and stored as it passes; once the app has started, the rest is
//   downloaded in the background (but for the judge's later library, which
//   the judge worker asks for after its first run: ASKED_FOR_LATER). A file asked for while it is being
//   downloaded shares that download.
// - A new build is downloaded whole, while the page runs the old one from
//   the old cache; it takes over when the page asks ('skip-waiting', once the
//   user chose to reload), and the old cache is deleted then.
// The exceptions are what the browser fetches on a first visit before a
// service worker can exist: index.html itself and the icon it names.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `pyprep-${VERSION}`;
/** The built files, by absolute URL. */
const BUILT = new Map(FILES.map((file) => [new URL(file, self.location.href).href, file]));

/** Opened once per run, so that a run outlived by its build cannot bring a deleted cache back. */
let cacheOpened = null;
function openCache() {
  cacheOpened ??= caches.open(CACHE);
  return cacheOpened;
}

/** Whether this run of the worker made the cache, empty, on a first visit. */
let startedEmpty = false;

self.addEventListener('install', (event) => {
  if (self.registration.active) {
    // A new build while an older one runs: all of it, fresh from the server, before it may take over.
    event.waitUntil(openCache().then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
  } else {
    // A first visit: take control at once (the page waits for it) and fill the cache as files are asked for.
    startedEmpty = true;
    event.waitUntil(caches.delete(CACHE).then(() => self.skipWaiting()));
  }
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
  // The page has what it needs first (www/boot.js): download the rest of the build now.
  if (event.data === 'app-started') event.waitUntil(cacheMode().then((mode) => mode === 'fill' && fillCache()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  // Pages of the app are all index.html (routes live in the fragment).
  const file = request.mode === 'navigate' ? 'index.html' : BUILT.get(url.href);
  if (!file) return; // not part of the build: the network, as without a service worker
  event.respondWith(respond(file, request, event));
});

async function respond(file, request, event) {
  const mode = await cacheMode();
  if (mode === 'dropped') return fetch(request);
  const cached = await (await openCache()).match(file);
  if (cached) return cached;
  if (mode !== 'fill') return fetch(request);
  const entry = download(file);
  event.waitUntil(entry.stored.catch(() => {})); // kept running until the copy is stored
  return entry.forPage();
}

/**
 * How this run may use the cache: 'fill' (read it, and store what it lacks),
 * 'read' (read it only) or 'dropped' (not at all). A cache this run started,
 * or a complete one, is filled. One left incomplete by an earlier run (the
 * browser stopped the worker before the background download finished) is
 * resumed only if the server still has this build; if it has another,
 * filling it could mix two builds, so it is dropped (the browser is
 * installing the new build anyway). Offline, what there is can be read.
 */
let modeDecided = null;
function cacheMode() {
  modeDecided ??= (async () => {
    if (startedEmpty || (await isComplete())) return 'fill';
    let script;
    try {
      script = await (await fetch(new Request(self.location.href, { cache: 'no-store' }))).text();
    } catch {
      modeDecided = null; // offline: ask again on a later request
      return 'read';
    }
    if (script.includes(VERSION)) return 'fill';
    await caches.delete(CACHE);
    return 'dropped';
  })();
  return modeDecided;
}

async function isComplete() {
  const stored = new Set((await (await openCache()).keys()).map((request) => request.url));
  return [...BUILT.keys()].every((url) => stored.has(url));
}

/** This run's downloads, by file: one network request per file, whoever asks for it. */
const downloads = new Map();

function download(file) {
  let entry = downloads.get(file);
  if (entry) return entry;
  const response = fetch(new Request(file, { cache: 'reload' }));
  const stored = response.then(async (r) => {
    if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
    await (await openCache()).put(file, r.clone());
  });
  entry = {
    stored,
    /** A copy of the response as it arrives; after it is stored, the stored copy. */
    async forPage() {
      const r = await response;
      try {
        return r.clone();
      } catch {
        await stored;
        return (await openCache()).match(file);
      }
    },
  };
  downloads.set(file, entry);
  // The original response stays unread, for pages to copy while it downloads, and is let go once stored.
  stored.then(
    () => response.then((r) => r.body?.cancel()),
    () => downloads.delete(file), // a failed download is tried again when next asked for
  );
  return entry;
}

/**
 * The later part of the judge's standard library: the judge worker asks for
 * it after its first run (or once it has been idle a while), so that it
 * never shares the network with what the first verdict needs; it is stored
 * as it passes, like every file asked for.
 */
const ASKED_FOR_LATER = new Set(['judge/stdlib-later.frozen']);

/** Downloads, one at a time, every file of the build the cache lacks (but those asked for later). */
let filling = null;
function fillCache() {
  filling ??= (async () => {
    const cache = await openCache();
    for (const file of FILES) {
      if (!ASKED_FOR_LATER.has(file) && !(await cache.match(file))) await download(file).stored;
    }
  })().catch((error) => {
    filling = null; // tried again on the next request
    throw error;
  });
  return filling;
}

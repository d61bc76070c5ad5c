/*
 * The big screen's service worker: it lets a screen reloaded while the network is down start the
 * app again (the meeting itself comes from the documents' IndexedDB copies and the screen's last
 * answers). A plain file in client/public, so Vite copies it unchanged to the root of the build
 * and the server serves it at /screen-sw.js: a worker's scope cannot be wider than its own folder,
 * and the app's pages and /assets/ all sit under /. Registered by the screen page only
 * (client/src/pages/screen/registerScreenWorker.ts).
 *
 * It does only this:
 * - navigations: the network first; when it fails (or hangs), the last index.html it saw;
 * - hashed /assets/*: from the cache first (a hashed file never changes), stored on first fetch;
 *   the app's lazy chunks among them, the pt-BR and es catalogues too (a screen reloaded offline
 *   keeps its language);
 * - nothing else: /api, /socket.io, /yjs and every other request go to the network untouched;
 * - signing out (DELETE /api/session) deletes its caches, like the documents' local copies.
 */
const CACHE = 'statroom-screen-v1';
const SHELL = '/__statroom-shell';
/** A navigation that has not answered by then is served from the cache (a network that hangs). */
const NAVIGATION_TIMEOUT_MS = 4000;
const NOT_PAGES = ['/api/', '/socket.io/', '/yjs/', '/healthz', '/metrics'];

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('statroom-screen-') && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      // The screen that registered us is controlled at once, so its later chunks are cached.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  // The page that registered us loaded before we could see it: its shell and files are fetched
  // now. One that cannot be fetched now is stored when the page next asks for it.
  const shell =
    typeof data.shell === 'string' ? [storeShell(fetch(data.shell, { credentials: 'same-origin' }))] : [];
  event.waitUntil(
    Promise.allSettled([...shell, ...data.urls.filter(isAsset).map((url) => asset(new Request(url)))]),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'DELETE' && url.pathname === '/api/session') {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && !NOT_PAGES.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(navigation(request));
    return;
  }
  if (isAsset(request.url)) event.respondWith(asset(request));
});

function isAsset(href) {
  const url = new URL(href, self.location.origin);
  return url.origin === self.location.origin && url.pathname.startsWith('/assets/');
}

async function navigation(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return await storeShell(response);
  } catch {
    // No network: the cached shell below.
  }
  const shell = await caches.match(SHELL);
  return shell ?? network;
}

/** Keeps an HTML answer as the shell served to navigations while offline. */
async function storeShell(answer) {
  const response = await answer;
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  if (response.ok && html) {
    const cache = await caches.open(CACHE);
    await cache.put(SHELL, response.clone());
  }
  return response;
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  return cacheAsset(request);
}

async function cacheAsset(request) {
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

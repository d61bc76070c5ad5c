/**
 * Registers the big screen's service worker (client/public/screen-sw.js, which says why it is a
 * plain file at the root) and hands it the app's files this page already loaded: the page was
 * not controlled yet when it fetched them, so the worker never saw them pass.
 */

const WORKER_URL = '/screen-sw.js';

function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => new URL(name, location.href).pathname.startsWith('/assets/'));
}

/** Once per page; a browser without service workers (or one refusing them) just has no offline reload. */
let registering: Promise<void> | null = null;

export function registerScreenWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return Promise.resolve();
  registering ??= (async () => {
    try {
      await navigator.serviceWorker.register(WORKER_URL, { scope: '/' });
      const registration = await navigator.serviceWorker.ready;
      const handOver = () =>
        registration.active?.postMessage({
          type: 'cache-assets',
          shell: location.href,
          urls: loadedAssets(),
        });
      handOver();
      // Chunks loaded once the worker controls the page pass through it; those loaded just before, not.
      navigator.serviceWorker.addEventListener('controllerchange', handOver, { once: true });
    } catch (error) {
      console.warn('StatRoom: the screen cannot be made available offline', error);
    }
  })();
  return registering;
}

/**
 * Registers the big screen's service worker (client/public/screen-sw.js, which says why it is a
 * plain file at the root) and hands it the app's files this page already loaded, and those still
 * arriving: the page was not controlled yet when it asked for them, so the worker never saw them
 * pass. Among them the reader's language catalogue (pt-BR, es: a lazy chunk under /assets/), so a
 * screen reloaded offline still speaks that language.
 */

const WORKER_URL = '/screen-sw.js';

const assetsOf = (entries: PerformanceEntryList): string[] =>
  entries
    .map((entry) => entry.name)
    .filter((name) => new URL(name, location.href).pathname.startsWith('/assets/'));

const loadedAssets = (): string[] => assetsOf(performance.getEntriesByType('resource'));

/** Once per page; a browser without service workers (or one refusing them) just has no offline reload. */
let registering: Promise<void> | null = null;

export function registerScreenWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return Promise.resolve();
  registering ??= (async () => {
    try {
      await navigator.serviceWorker.register(WORKER_URL, { scope: '/' });
      const registration = await navigator.serviceWorker.ready;
      // A file still on its way at the hand-over (a lazy chunk asked for an instant before: the
      // chart, a language's catalogue) is listed only once it arrives: handed over then.
      if (typeof PerformanceObserver !== 'undefined')
        new PerformanceObserver((list) => {
          const urls = assetsOf(list.getEntries());
          if (urls.length > 0) registration.active?.postMessage({ type: 'cache-assets', urls });
        }).observe({ type: 'resource' });
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

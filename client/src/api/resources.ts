/**
 * The client's one way to load API data: route loaders `preload` a page's requests (so they run
 * while the page's code downloads) and the page reads them with `useResource`, which takes the
 * preloaded request for its key, once. Whatever comes later (another mount, a `reload()` after a
 * write) fetches afresh, so nothing here is ever served stale.
 */

/** Requests started by a loader and not yet taken by a page, by key. */
const started = new Map<string, Promise<unknown>>();
/** The data of those that have already answered, so a page mounting after the answer draws it at once. */
const arrived = new Map<string, unknown>();

/** Starts `load()` now; the next reader of `key` takes this request instead of starting its own. */
export function preload<T>(key: string, load: () => Promise<T>): void {
  const request = load();
  // The reader handles a refusal; one that no page reads (a redirect, a navigation elsewhere) is dropped.
  request.then(
    (data) => started.get(key) === request && arrived.set(key, data),
    () => undefined,
  );
  // A newer navigation's request replaces an older one that no page took.
  started.set(key, request);
  arrived.delete(key);
}

/** Drops every request no page has taken: when the person signed in changes, none is theirs. */
export function forgetPreloads(): void {
  started.clear();
  arrived.clear();
}

/** The data a preloaded request for `key` has already answered with, without taking it. */
export function arrivedData<T>(key: string): { data: T } | undefined {
  return arrived.has(key) ? { data: arrived.get(key) as T } : undefined;
}

/** The request preloaded for `key`, handed out once; else a new `load()`. */
export function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const request = started.get(key) as Promise<T> | undefined;
  if (!request) return load();
  started.delete(key);
  arrived.delete(key);
  return request;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

/**
 * Reads `key` (`take`) and hands its outcome to `settle`, unless the returned `stop` was called
 * first: a reader stops when its key changes, so an older key's answer never lands over a newer one.
 */
export function read<T>(key: string, load: () => Promise<T>, settle: (outcome: Outcome<T>) => void) {
  let current = true;
  take(key, load).then(
    (data) => current && settle({ ok: true, data }),
    (error: unknown) => current && settle({ ok: false, error }),
  );
  return function stop() {
    current = false;
  };
}

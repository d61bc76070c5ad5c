/**
 * Loads one API resource for a page: loading, error (with the server's message) and data, plus a
 * `reload` for after a write. A request its route's loader preloaded is used first (resources.ts);
 * a response for an older key never overwrites a newer one (e.g. when moving quickly between
 * indicators).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { i18next } from '../i18n/i18n.ts';
import { ApiError } from './http.ts';
import { arrivedData, read, take } from './resources.ts';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined }
  | { state: 'error'; data: undefined; error: ApiError }
  | { state: 'ready'; data: T; error: undefined };

const LOADING = { state: 'loading', data: undefined, error: undefined } as const;

export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> & { reload: () => void } {
  // A preloaded answer that is already here is drawn in the first render, not one render later.
  const [resource, setResource] = useState<Resource<T>>(() => {
    const arrived = arrivedData<T>(key);
    return arrived ? { state: 'ready', data: arrived.data, error: undefined } : LOADING;
  });
  const [version, setVersion] = useState(0);
  /** The key whose data `resource` holds, so a reload of the same key keeps it on screen. */
  const loadedKey = useRef<string | null>(resource.state === 'ready' ? key : null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches; `version` forces a reload.
  useEffect(() => {
    // Keep showing the data while reloading the same resource (after a save), so the page does not flash.
    setResource((previous) => (previous.state === 'ready' && loadedKey.current === key ? previous : LOADING));
    // Drawn at mount from the preloaded answer: taking that request is all that is left to do.
    if (version === 0 && loadedKey.current === key && arrivedData(key)) {
      void take(key, load);
      return;
    }
    // The effect's cleanup stops the read: an older key's answer is dropped.
    return read(key, load, (outcome) => {
      if (outcome.ok) {
        loadedKey.current = key;
        setResource({ state: 'ready', data: outcome.data, error: undefined });
        return;
      }
      loadedKey.current = null;
      const apiError =
        outcome.error instanceof ApiError
          ? outcome.error
          : new ApiError('internal', i18next.t('common:states.loadFailedMessage'), 0);
      setResource({ state: 'error', data: undefined, error: apiError });
    });
  }, [key, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { ...resource, reload };
}

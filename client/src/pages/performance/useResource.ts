/**
 * Loads one API resource for a page: loading, error (with the server's message) and data, plus a
 * `reload` for after a write. A later response never overwrites a newer one when the key changes
 * quickly (e.g. moving between indicators).
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/http.ts';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined }
  | { state: 'error'; data: undefined; error: ApiError }
  | { state: 'ready'; data: T; error: undefined };

export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({
    state: 'loading',
    data: undefined,
    error: undefined,
  });
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches; `version` forces a reload.
  useEffect(() => {
    let current = true;
    setResource((previous) =>
      // Keep showing the previous data while reloading the same resource, so a save does not flash.
      previous.state === 'ready' && version > 0
        ? previous
        : { state: 'loading', data: undefined, error: undefined },
    );
    load().then(
      (data) => {
        if (current) setResource({ state: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (!current) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('internal', 'Something went wrong loading this page', 0);
        setResource({ state: 'error', data: undefined, error: apiError });
      },
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { ...resource, reload };
}

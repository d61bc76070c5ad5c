/**
 * Reads a value derived from a Y.Doc and re-renders when the given roots change.
 *
 * `useSyncExternalStore` requires the snapshot to be the same object until something changes, but
 * readers such as `readAgenda` build a fresh array on every call: so the snapshot is cached and only
 * recomputed after an `observeDeep` event (or when the doc itself changes).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

type Roots = (doc: Y.Doc) => Y.AbstractType<unknown>[];

export function useYValue<T>(doc: Y.Doc, roots: Roots, read: (doc: Y.Doc) => T): T {
  const readRef = useRef(read);
  readRef.current = read;
  const rootsRef = useRef(roots);
  rootsRef.current = roots;
  const cache = useRef<{ doc: Y.Doc; stale: boolean; value: T } | null>(null);

  const subscribe = useCallback(
    (notify: () => void) => {
      const observed = rootsRef.current(doc);
      const onChange = () => {
        if (cache.current) cache.current.stale = true;
        notify();
      };
      for (const root of observed) root.observeDeep(onChange);
      return () => {
        for (const root of observed) root.unobserveDeep(onChange);
      };
    },
    [doc],
  );

  const getSnapshot = useCallback((): T => {
    const current = cache.current;
    if (current && current.doc === doc && !current.stale) return current.value;
    const value = readRef.current(doc);
    cache.current = { doc, stale: false, value };
    return value;
  }, [doc]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

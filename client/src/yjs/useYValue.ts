/** Reads a value derived from a Y.Doc and re-renders when the given roots change (yValueStore.ts). */
import { useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { createYValueStore, type Roots } from './yValueStore.ts';

export function useYValue<T>(doc: Y.Doc, roots: Roots, read: (doc: Y.Doc) => T): T {
  const readRef = useRef(read);
  readRef.current = read;
  const rootsRef = useRef(roots);
  rootsRef.current = roots;
  const store = useMemo(
    () =>
      createYValueStore(
        doc,
        () => rootsRef.current,
        () => readRef.current,
      ),
    [doc],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

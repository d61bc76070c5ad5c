/** The other people on a document, from y-protocols awareness, as a stable snapshot for React. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface PeerState<T> {
  clientId: number;
  state: T;
}

/**
 * Returns every remote client whose state passes `parse` (states come from other browsers, so they
 * are validated rather than trusted). The local client is left out.
 */
export function useAwareness<T>(awareness: Awareness, parse: (state: unknown) => T | null): PeerState<T>[] {
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const cache = useRef<{ awareness: Awareness; stale: boolean; value: PeerState<T>[] } | null>(null);

  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        if (cache.current) cache.current.stale = true;
        notify();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );

  const getSnapshot = useCallback(() => {
    const current = cache.current;
    if (current && current.awareness === awareness && !current.stale) return current.value;
    const value: PeerState<T>[] = [];
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const state = parseRef.current(raw);
      if (state !== null) value.push({ clientId, state });
    }
    value.sort((a, b) => a.clientId - b.clientId);
    cache.current = { awareness, stale: false, value };
    return value;
  }, [awareness]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

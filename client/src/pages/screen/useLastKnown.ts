/**
 * An API answer for the screen, with this browser's last copy when the server cannot be reached
 * (see lastKnown.ts). A failed load is tried again each time the live connection comes back, so a
 * screen that started offline fills in its names once the network returns.
 */
import { useEffect, useState } from 'react';
import { useStore } from '../../store/index.ts';
import { withLastKnown } from './lastKnown.ts';

/**
 * Answers this page already has, so going back to an item shows its names at once. Kept as the
 * answer handed out, so that a render with nothing new hands out the same object (memoized views).
 */
const memory = new Map<string, { state: 'ready'; data: unknown }>();

export type Known<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: T };

export function useLastKnown<T>(key: string | null, load: () => Promise<T>): Known<T> {
  const [known, setKnown] = useState<{ key: string; value: Known<T> } | null>(null);
  const connected = useStore((state) => state.connection.status === 'connected');
  const remembered = key !== null ? ((memory.get(key) as Known<T> | undefined) ?? null) : null;
  const current = known && known.key === key ? known.value : remembered;
  const retry = current?.state === 'failed' && connected;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    if (key === null || (current && !retry)) return;
    let live = true;
    withLastKnown(key, load).then(
      (data) => {
        const value = { state: 'ready' as const, data };
        memory.set(key, value);
        if (live) setKnown({ key, value });
      },
      () => live && setKnown({ key, value: { state: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [key, retry]);

  return current ?? { state: 'loading' };
}

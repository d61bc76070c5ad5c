/**
 * A value derived from a Y.Doc as an external store for `useSyncExternalStore`.
 *
 * Readers such as `readAgenda` build a fresh array on every call, while React needs the same
 * snapshot until something changes: so the value is cached and read again only after a change to
 * the given roots. A change that lands between a render and the subscription (a sync arriving while
 * the page mounts) is caught by counting the document's transactions.
 */
import type * as Y from 'yjs';

export type Roots = (doc: Y.Doc) => Y.AbstractType<unknown>[];

const transactions = new WeakMap<Y.Doc, number>();

/** How many transactions `doc` has seen since it was first read here. */
function transactionCount(doc: Y.Doc): number {
  const seen = transactions.get(doc);
  if (seen !== undefined) return seen;
  transactions.set(doc, 0);
  doc.on('afterTransaction', () => transactions.set(doc, (transactions.get(doc) ?? 0) + 1));
  return 0;
}

export interface YValueStore<T> {
  subscribe(notify: () => void): () => void;
  getSnapshot(): T;
}

/** `roots` and `read` are getters so that a caller's latest functions are used without resubscribing. */
export function createYValueStore<T>(
  doc: Y.Doc,
  roots: () => Roots,
  read: () => (doc: Y.Doc) => T,
): YValueStore<T> {
  let cache: { value: T; stale: boolean; seenAt: number } | null = null;
  return {
    subscribe(notify) {
      // Checked before the roots are looked up: defining a root is itself a transaction.
      const missed = cache !== null && cache.seenAt !== transactionCount(doc);
      const observed = roots()(doc);
      const onChange = () => {
        if (cache) cache.stale = true;
        notify();
      };
      for (const root of observed) root.observeDeep(onChange);
      if (missed) onChange();
      return () => {
        for (const root of observed) root.unobserveDeep(onChange);
      };
    },
    getSnapshot() {
      if (cache && !cache.stale) return cache.value;
      const value = read()(doc);
      // Counted after reading, for the same reason.
      cache = { value, stale: false, seenAt: transactionCount(doc) };
      return cache.value;
    },
  };
}

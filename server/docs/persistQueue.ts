/**
 * What waits to be stored, in what order, and the batching: updates applied to the documents during
 * one event-loop callback are appended in ONE transaction from a microtask queued when the callback
 * returns; batches commit one after another, so the store sees updates in the order they were
 * applied. Only after its commit is an update handed to `onStored` (the DocHub relays it then).
 * A failed commit keeps the batch, in front of what came since, and retries every second.
 */
import type { Logger } from '../logger.ts';
import type { DocStore } from './docStore.ts';

const RETRY_MS = 1_000;

export interface QueuedUpdate {
  update: Uint8Array;
  /** Who applied it (a connection, or the server): the relay skips its sender. */
  origin: unknown;
}

export interface PersistQueue {
  /** An update just applied to `docName`'s copy. */
  push(docName: string, update: Uint8Array, origin: unknown): void;
  /** Resolves once everything pushed for `docName` so far is stored. */
  stored(docName: string): Promise<void>;
  /** Whether `docName` has updates not yet stored. */
  hasUnstored(docName: string): boolean;
  /** Largest row id stored for `docName` through this queue (0 if none). */
  lastStoredId(docName: string): number;
  /** Resolves once everything pushed so far is stored (however many retries that takes). */
  drain(): Promise<void>;
  /** Forgets a document that left memory with nothing unstored. */
  forget(docName: string): void;
  /** Stops retrying (shutdown). */
  stop(): void;
}

interface DocQueue {
  waiting: QueuedUpdate[];
  pushed: number;
  storedCount: number;
  lastId: number;
  waiters: Array<{ count: number; resolve: () => void }>;
}

export interface PersistQueueOptions {
  store: DocStore;
  logger: Logger;
  /** After the commit; `lastId` is the largest row id now stored for the document. */
  onStored(docName: string, updates: QueuedUpdate[], lastId: number): void;
  /** Seconds one commit took (metrics). */
  onCommitTime?(seconds: number): void;
}

export function createPersistQueue(options: PersistQueueOptions): PersistQueue {
  const { store, logger } = options;
  const queues = new Map<string, DocQueue>();
  const dirty = new Set<string>();
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastCommitFailed = false;

  const queueOf = (docName: string): DocQueue => {
    let queue = queues.get(docName);
    if (!queue) {
      queue = { waiting: [], pushed: 0, storedCount: 0, lastId: 0, waiters: [] };
      queues.set(docName, queue);
    }
    return queue;
  };

  function schedule(): void {
    if (scheduled || retryTimer) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void commitNext();
    });
  }

  function commitNext(): Promise<void> {
    inFlight++;
    chain = chain.then(commitBatch).finally(() => {
      inFlight--;
    });
    return chain;
  }

  async function commitBatch(): Promise<void> {
    if (dirty.size === 0) return;
    const taken = [...dirty].map((docName) => {
      const queue = queueOf(docName);
      const updates = queue.waiting;
      queue.waiting = [];
      return { docName, queue, updates };
    });
    dirty.clear();
    const rows = taken.flatMap(({ docName, updates }) =>
      updates.map((item) => ({ docName, data: item.update })),
    );
    const startedAt = performance.now();
    let ids: number[];
    try {
      ids = await store.append(rows);
      lastCommitFailed = false;
    } catch (error) {
      lastCommitFailed = true;
      logger.error({ err: error, rows: rows.length }, 'storing document updates failed; retrying');
      for (const { docName, queue, updates } of taken) {
        queue.waiting = updates.concat(queue.waiting);
        dirty.add(docName);
      }
      if (!stopped) {
        retryTimer ??= setTimeout(() => {
          retryTimer = null;
          void commitNext();
        }, RETRY_MS);
      }
      return;
    }
    options.onCommitTime?.((performance.now() - startedAt) / 1000);
    let offset = 0;
    for (const { docName, queue, updates } of taken) {
      offset += updates.length;
      queue.storedCount += updates.length;
      queue.lastId = Math.max(queue.lastId, ids[offset - 1] ?? 0);
      try {
        options.onStored(docName, updates, queue.lastId);
      } catch (error) {
        logger.error({ err: error, doc: docName }, 'handling stored updates failed');
      }
      const due = queue.waiters.filter((waiter) => waiter.count <= queue.storedCount);
      queue.waiters = queue.waiters.filter((waiter) => waiter.count > queue.storedCount);
      for (const waiter of due) waiter.resolve();
    }
  }

  return {
    push(docName, update, origin) {
      const queue = queueOf(docName);
      queue.waiting.push({ update, origin });
      queue.pushed++;
      dirty.add(docName);
      schedule();
    },
    stored(docName) {
      const queue = queues.get(docName);
      if (!queue || queue.storedCount >= queue.pushed) return Promise.resolve();
      return new Promise((resolve) => queue.waiters.push({ count: queue.pushed, resolve }));
    },
    hasUnstored: (docName) => {
      const queue = queues.get(docName);
      return queue !== undefined && queue.storedCount < queue.pushed;
    },
    lastStoredId: (docName) => queues.get(docName)?.lastId ?? 0,
    async drain() {
      while (dirty.size > 0 || inFlight > 0) {
        if (retryTimer) {
          // A failed commit is waiting to retry: wait for that retry rather than hammer the store.
          if (stopped) return;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS / 10));
          continue;
        }
        await commitNext();
        if (lastCommitFailed && stopped) return;
      }
    },
    forget(docName) {
      const queue = queues.get(docName);
      if (queue && queue.storedCount >= queue.pushed) queues.delete(docName);
    },
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}

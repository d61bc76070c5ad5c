/**
 * What waits to be stored, in what order, and the batching: updates applied to the documents during
 * one event-loop callback are appended in ONE transaction from a microtask queued when the callback
 * returns; batches commit one after another, so the store sees updates in the order they were
 * applied. Only after its commit is an update handed to `onStored` (the DocHub relays it then).
 * A failed commit keeps the batch, in front of what came since, and retries every second.
 */
import type { Logger } from '../logger.ts';
import type { DocStore, StoredUpdate } from './docStore.ts';

const RETRY_MS = 1_000;

export interface QueuedUpdate extends StoredUpdate {
  /** Who applied it (a connection, or the server): the relay skips its sender. */
  origin: unknown;
  /** Its row id, once stored. */
  id: number;
}

export interface PersistQueue {
  /** An update just applied to `docName`'s copy. */
  push(docName: string, update: Uint8Array, origin: unknown): void;
  /** Resolves once everything pushed for `docName` so far is stored. */
  stored(docName: string): Promise<void>;
  /** Whether `docName` has updates not yet stored. */
  hasUnstored(docName: string): boolean;
  /** Resolves once everything pushed so far is stored (however many retries that takes). */
  drain(): Promise<void>;
  /** Forgets a document that left memory with nothing unstored. */
  forget(docName: string): void;
  /** Stops retrying (shutdown). */
  stop(): void;
}

interface DocQueue {
  pushed: number;
  storedCount: number;
  waiters: Array<{ count: number; resolve: () => void }>;
}

export interface PersistQueueOptions {
  store: DocStore;
  logger: Logger;
  /** After the commit, every update of the batch in the order applied, each with its row id. */
  onStored(updates: QueuedUpdate[]): void;
  /** Seconds one commit took (metrics). */
  onCommitTime?(seconds: number): void;
}

export function createPersistQueue(options: PersistQueueOptions): PersistQueue {
  const { store, logger } = options;
  const queues = new Map<string, DocQueue>();
  /** Applied, not yet stored, in the order applied: the next batch is all of it. */
  let waiting: QueuedUpdate[] = [];
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastCommitFailed = false;

  const queueOf = (docName: string): DocQueue => {
    let queue = queues.get(docName);
    if (!queue) {
      queue = { pushed: 0, storedCount: 0, waiters: [] };
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

  // One batch is the queued updates themselves: they are the rows (docName, data), with nothing
  // copied per batch (allocation per edit sets how often the server collects; docs/architecture.md).
  async function commitBatch(): Promise<void> {
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    const startedAt = performance.now();
    let ids: number[];
    try {
      ids = await store.append(batch);
      lastCommitFailed = false;
    } catch (error) {
      lastCommitFailed = true;
      logger.error({ err: error, rows: batch.length }, 'storing document updates failed; retrying');
      waiting = batch.concat(waiting);
      if (!stopped) {
        retryTimer ??= setTimeout(() => {
          retryTimer = null;
          void commitNext();
        }, RETRY_MS);
      }
      return;
    }
    options.onCommitTime?.((performance.now() - startedAt) / 1000);
    // Waiters resolve in microtasks, so they run after the relay below.
    for (let index = 0; index < batch.length; index++) {
      const item = batch[index] as QueuedUpdate;
      item.id = ids[index] ?? 0;
      const queue = queueOf(item.docName);
      queue.storedCount++;
      resolveDue(queue);
    }
    try {
      options.onStored(batch);
    } catch (error) {
      logger.error({ err: error }, 'handling stored updates failed');
    }
  }

  function resolveDue(queue: DocQueue): void {
    if (queue.waiters.length === 0) return;
    const due = queue.waiters.filter((waiter) => waiter.count <= queue.storedCount);
    queue.waiters = queue.waiters.filter((waiter) => waiter.count > queue.storedCount);
    for (const waiter of due) waiter.resolve();
  }

  return {
    push(docName, update, origin) {
      waiting.push({ docName, data: update, origin, id: 0 });
      queueOf(docName).pushed++;
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
    async drain() {
      while (waiting.length > 0 || inFlight > 0) {
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

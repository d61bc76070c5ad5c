/**
 * `Y.mergeUpdates` off the event loop, for compaction.
 *
 * Compacting a document decodes every stored row, the big merged one included, and encodes the
 * result: work that grows with the document (2–10 ms for a meeting a few thousand edits long, on
 * the machines we measure on). On the event loop that is a pause in which no edit is relayed, once
 * every 100 edits of a busy document; in a worker thread it costs the event loop only the copy of
 * the rows there and back.
 *
 * The worker is plain JavaScript evaluated from a string (like the WAL checkpointer), so it runs
 * the same under tsx, vitest and plain node. It loads the CommonJS build of the very `yjs` package
 * the server uses: its own realm, its own copy in memory, the same code, and only bytes cross over.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

export type MergeUpdates = (updates: Uint8Array[]) => Promise<Uint8Array>;

export interface UpdateMerger {
  merge: MergeUpdates;
  /** Ends the worker; merges still waiting are rejected. */
  close(): Promise<void>;
}

/**
 * `Y.mergeUpdates` over many updates at once costs more than linear time: 40–50 ms for 1,000
 * one-item updates, against 2–7 ms for the same updates merged 32 at a time, then the results
 * 32 at a time, and so on (same document, same state vector). A document edited without a pause is
 * compacted at 1,000 rows (`docHub.ts`), so the merge goes by chunks.
 */
export const MERGE_CHUNK = 32;

/** The chunked merge on the calling thread (the worker runs the same steps, see WORKER_SOURCE). */
export function mergeInChunks(updates: Uint8Array[]): Uint8Array {
  let level = updates;
  while (level.length > MERGE_CHUNK) {
    const next: Uint8Array[] = [];
    for (let start = 0; start < level.length; start += MERGE_CHUNK) {
      next.push(Y.mergeUpdates(level.slice(start, start + MERGE_CHUNK)));
    }
    level = next;
  }
  return Y.mergeUpdates(level);
}

/** The same merge on the calling thread: for scripts and tools that compact nothing under load. */
export const mergeOnThisThread: MergeUpdates = async (updates) => mergeInChunks(updates);

type WorkerReply = { id: number; merged: Uint8Array } | { id: number; error: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjsPath);
const chunk = workerData.chunk;
function mergeInChunks(updates) {
  let level = updates;
  while (level.length > chunk) {
    const next = [];
    for (let start = 0; start < level.length; start += chunk) {
      next.push(Y.mergeUpdates(level.slice(start, start + chunk)));
    }
    level = next;
  }
  return Y.mergeUpdates(level);
}
parentPort.on('message', ({ id, updates }) => {
  try {
    const merged = mergeInChunks(updates);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Waiting {
  resolve: (merged: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** Starts the worker on the first merge; a worker that dies is replaced on the next one. */
export function createUpdateMerger(): UpdateMerger {
  const yjsPath = createRequire(import.meta.url).resolve('yjs');
  let worker: Worker | null = null;
  let nextId = 0;
  let closed = false;
  const waiting = new Map<number, Waiting>();

  function failAll(error: Error): void {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjsPath, chunk: MERGE_CHUNK } });
    // Only a merge in flight keeps the process alive (see `merge`).
    started.unref();
    started.on('message', (reply: WorkerReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if ('merged' in reply) entry.resolve(reply.merged);
      else entry.reject(new Error(`merging updates failed: ${reply.error}`));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`the merge worker exited (code ${code})`));
    });
    worker = started;
    return started;
  }

  return {
    merge(updates) {
      if (closed) return Promise.reject(new Error('the update merger is closed'));
      const target = started();
      const id = ++nextId;
      return new Promise<Uint8Array>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.ref();
        target.postMessage({ id, updates });
      });
    },
    async close() {
      closed = true;
      const running = worker;
      worker = null;
      failAll(new Error('the update merger is closed'));
      if (running) await running.terminate();
    },
  };
}

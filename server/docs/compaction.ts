/**
 * Compaction that garbage-collects: a document's stored rows up to the last one it holds are
 * replaced by `Y.encodeStateAsUpdate` of the loaded document, which keeps only what is alive (Yjs
 * drops deleted content), where `Y.mergeUpdates` of the rows kept every deleted character forever.
 * It runs once the document has been quiet for `idleMs` past `threshold` rows, at unload, or at once
 * past `busyThreshold` rows, never between the edits of a burst of typing.
 *
 * The cut: every row with id ≤ the last stored id was applied to the document before it was stored,
 * so the state encoded on the same call stack holds them all; rows stored later have larger ids and
 * are kept. Updates applied but not yet stored are in the state too, and also stored later: Yjs
 * ignores what it already has.
 */
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { DocStore } from './docStore.ts';

export interface CompactionLimits {
  /** Rows past which a document is compacted once it is quiet. */
  threshold: number;
  idleMs: number;
  /** Rows past which it is compacted at once, edited or not: the bound on its rows. */
  busyThreshold: number;
}

export interface Compactable {
  name: string;
  doc: Y.Doc | null;
  rows: number;
  /** Running estimate of the encoded state's size; a compaction resets it to the real size. */
  stateBytes: number;
  /** Largest stored row id the document's copy holds. */
  lastId: number;
  compacting: Promise<void> | null;
  idleTimer: NodeJS.Timeout | null;
}

export interface Compactor {
  /** After rows were stored: compact now, when quiet, or not yet. */
  noteStored(entry: Compactable): void;
  /** Compacts now if past the threshold (the document is about to unload); resolves when done. */
  compactIfDue(entry: Compactable): Promise<void>;
  cancel(entry: Compactable): void;
  /** Every compaction in progress, for flush and shutdown. */
  running(): Promise<void>;
}

export function createCompactor(
  store: DocStore,
  limits: CompactionLimits,
  logger: Logger,
  onCompacted: (docName: string, rowsBefore: number, bytesAfter: number) => void,
): Compactor {
  const inProgress = new Set<Promise<void>>();

  function cancel(entry: Compactable): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
  }

  function start(entry: Compactable): Promise<void> {
    cancel(entry);
    if (entry.compacting) return entry.compacting;
    const doc = entry.doc;
    if (!doc || entry.rows <= 1) return Promise.resolve();
    const upToId = entry.lastId;
    const state = Y.encodeStateAsUpdate(doc);
    const rowsBefore = entry.rows;
    // Updates applied from now on add to the real size, measured here.
    entry.stateBytes = state.byteLength;
    const running = store
      .replace(entry.name, upToId, state)
      .then(() => {
        // Rows stored while the replace ran are still there, on top of the new one.
        entry.rows = Math.max(1, entry.rows - rowsBefore + 1);
        onCompacted(entry.name, rowsBefore, state.byteLength);
      })
      .catch((error: unknown) => {
        // Not fatal: every row is still there; the next commit tries again.
        logger.error({ err: error, doc: entry.name }, 'compaction failed');
      })
      .finally(() => {
        entry.compacting = null;
        inProgress.delete(running);
      });
    entry.compacting = running;
    inProgress.add(running);
    return running;
  }

  return {
    noteStored(entry) {
      if (entry.rows > limits.busyThreshold) {
        void start(entry);
        return;
      }
      if (entry.rows <= limits.threshold) return;
      if (entry.idleTimer) {
        entry.idleTimer.refresh();
        return;
      }
      entry.idleTimer = setTimeout(() => {
        entry.idleTimer = null;
        void start(entry);
      }, limits.idleMs);
      entry.idleTimer.unref();
    },
    compactIfDue(entry) {
      if (entry.rows <= limits.threshold) {
        cancel(entry);
        return entry.compacting ?? Promise.resolve();
      }
      return start(entry);
    },
    cancel,
    async running() {
      while (inProgress.size > 0) await Promise.all(inProgress);
    },
  };
}

/**
 * Which documents the DocHub holds in memory (its sessions, messages and relay stay in `docHub.ts`):
 * one load in flight per document, a failed one leaving the map so the next join retries; a document
 * unloads a while after its last use, once everything of it is stored and a due compaction has run.
 */
import type * as Y from 'yjs';
import { parseDocName } from '../../shared/docNames.ts';
import type { Logger } from '../logger.ts';
import type { Compactor } from './compaction.ts';
import type { ConnectionSender } from './connectionSender.ts';
import type { DocEntry } from './docEntry.ts';
import { upgradeDocument } from './docKinds.ts';
import { loadDocument } from './docLoader.ts';
import type { DocMetrics } from './docMetrics.ts';
import type { DocStore } from './docStore.ts';
import type { HubConnection } from './hubConnection.ts';
import type { PersistQueue } from './persistQueue.ts';
import { createDocPresence, type PresenceLimits } from './presence.ts';

export const DEFAULT_UNLOAD_DELAY_MS = 5_000;
/** A document past this many stored bytes is logged once per load: it deserves a look. */
export const DEFAULT_LARGE_DOC_BYTES = 4 * 1024 * 1024;

export interface DocLifecycleDeps {
  store: DocStore;
  queue: PersistQueue;
  compactor: Compactor;
  /** Presence sends through it. */
  sender: ConnectionSender;
  metrics: Pick<DocMetrics, 'updatesSetAside' | 'presenceRefused' | 'presenceCutOffs'>;
  logger: Logger;
  /** How long a document nothing uses stays in memory (a quick reconnect reuses it). */
  unloadDelayMs?: number;
  /** A document past this many stored bytes is logged once per load. */
  largeDocBytes?: number;
  presenceLimits?: PresenceLimits;
  /** Who presence relays to: the connections whose join has finished. */
  readyConnections(entry: DocEntry): Iterable<HubConnection>;
}

export interface DocLifecycle {
  /** The entry of `docName`, loaded or loading, if there is one. */
  get(docName: string): DocEntry | undefined;
  /** The entry of `docName`, starting its load if there is none; await its `ready`. */
  entryFor(docName: string): DocEntry;
  /** Sessions, server reads or changes hold it, or it has already left the map. */
  inUse(entry: DocEntry): boolean;
  /** Unloads it after the delay, if it is still unused then (never once closed). */
  scheduleUnload(entry: DocEntry): void;
  cancelUnload(entry: DocEntry): void;
  /** Loads the document (kept loaded while `use` runs) and hands it to `use`; refused once closed. */
  withDoc<T>(docName: string, use: (doc: Y.Doc) => Promise<T> | T): Promise<T>;
  /** Takes it out of the map at once (joins from now on load a fresh copy); `destroy` frees it. */
  remove(entry: DocEntry): void;
  /** Frees the copy: its timers, presence and Y.Doc. */
  destroy(entry: DocEntry): void;
  /** `remove` and `destroy` together. */
  forget(entry: DocEntry): void;
  /** Shutdown, after the last flush: every copy leaves memory; one still unstored is logged. */
  forgetAll(): void;
  loadedCount(): number;
  /** Shutting down: from now on no unload is scheduled and `withDoc` is refused. */
  close(): void;
  isClosed(): boolean;
}

export function createDocLifecycle(deps: DocLifecycleDeps): DocLifecycle {
  const { store, queue, compactor, sender, metrics, logger } = deps;
  const unloadDelayMs = deps.unloadDelayMs ?? DEFAULT_UNLOAD_DELAY_MS;
  const largeDocBytes = deps.largeDocBytes ?? DEFAULT_LARGE_DOC_BYTES;
  const docs = new Map<string, DocEntry>();
  let closed = false;

  function entryFor(docName: string): DocEntry {
    const existing = docs.get(docName);
    if (existing) return existing;
    const entry: DocEntry = {
      name: docName,
      kind: parseDocName(docName)?.kind ?? null,
      ready: Promise.resolve(),
      doc: null,
      presence: null,
      sessions: new Map(),
      rows: 0,
      stateBytes: 0,
      lastId: 0,
      compacting: null,
      idleTimer: null,
      unloadTimer: null,
      busy: 0,
      captured: null,
    };
    entry.ready = load(entry).catch((error: unknown) => {
      if (docs.get(docName) === entry) docs.delete(docName);
      logger.error({ err: error, doc: docName }, 'loading a document failed');
      throw error;
    });
    // Joins await `ready`; this only keeps an unobserved failure from being reported as unhandled.
    entry.ready.catch(() => {});
    docs.set(docName, entry);
    return entry;
  }

  async function load(entry: DocEntry): Promise<void> {
    // Updates of an earlier copy of this document (evicted after a failure) are stored first.
    await queue.stored(entry.name);
    const loaded = await loadDocument(store, entry.name, logger, (count) =>
      metrics.updatesSetAside.inc(count),
    );
    const { doc } = loaded;
    Object.assign(entry, {
      rows: loaded.rows,
      stateBytes: loaded.bytes,
      lastId: loaded.lastId,
    });
    if (loaded.bytes > largeDocBytes)
      logger.warn({ doc: entry.name, bytes: loaded.bytes, rows: loaded.rows }, 'large document');
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      entry.stateBytes += update.byteLength;
      // A client's update is held until it applied without throwing (see applyClientUpdate).
      if (entry.captured) entry.captured.push(update);
      else queue.push(entry.name, update, origin);
    });
    entry.presence = createDocPresence({
      docName: entry.name,
      doc,
      send: (conn, message) => sender.send(conn, entry.name, message),
      readyConnections: () => deps.readyConnections(entry),
      logger,
      counters: {
        refused: (reason) => metrics.presenceRefused.inc({ reason }),
        cutOff: () => metrics.presenceCutOffs.inc(),
      },
      ...deps.presenceLimits,
    });
    entry.doc = doc;
    // The upgrade goes through the update listener, so it is stored like any other change.
    if (upgradeDocument(entry.name, doc)) logger.info({ doc: entry.name }, 'upgraded document schema');
    // Left past the threshold by a process that stopped before compacting it.
    compactor.noteStored(entry);
  }

  const inUse = (entry: DocEntry) =>
    entry.sessions.size > 0 || entry.busy > 0 || docs.get(entry.name) !== entry;

  function scheduleUnload(entry: DocEntry): void {
    if (closed || entry.unloadTimer) return;
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null;
      void unload(entry);
    }, unloadDelayMs);
    entry.unloadTimer.unref();
  }

  function cancelUnload(entry: DocEntry): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
  }

  async function unload(entry: DocEntry): Promise<void> {
    if (inUse(entry)) return;
    try {
      await entry.ready;
    } catch {
      return;
    }
    // Nothing leaves memory before it is stored; then the compaction that waited for quiet runs.
    await queue.stored(entry.name);
    if (inUse(entry) || queue.hasUnstored(entry.name)) return;
    await compactor.compactIfDue(entry);
    if (inUse(entry) || queue.hasUnstored(entry.name)) return;
    docs.delete(entry.name);
    queue.forget(entry.name);
    destroy(entry);
    logger.debug({ doc: entry.name }, 'unloaded');
  }

  async function withDoc<T>(docName: string, use: (doc: Y.Doc) => Promise<T> | T): Promise<T> {
    if (closed) throw new Error('The server is shutting down');
    const entry = entryFor(docName);
    cancelUnload(entry);
    entry.busy++;
    try {
      await entry.ready;
      return await use(entry.doc as Y.Doc);
    } finally {
      entry.busy--;
      if (!inUse(entry)) scheduleUnload(entry);
    }
  }

  function destroy(entry: DocEntry): void {
    cancelUnload(entry);
    compactor.cancel(entry);
    entry.presence?.destroy();
    entry.doc?.destroy();
    entry.doc = null;
  }

  return {
    get: (docName) => docs.get(docName),
    entryFor,
    inUse,
    scheduleUnload,
    cancelUnload,
    withDoc,
    remove(entry) {
      docs.delete(entry.name);
    },
    destroy,
    forget(entry) {
      docs.delete(entry.name);
      destroy(entry);
    },
    forgetAll() {
      for (const entry of docs.values()) {
        if (queue.hasUnstored(entry.name)) logger.error({ doc: entry.name }, 'unsaved updates at shutdown');
        destroy(entry);
      }
      docs.clear();
    },
    loadedCount: () => [...docs.values()].filter((entry) => entry.doc !== null).length,
    close() {
      closed = true;
    },
    isClosed: () => closed,
  };
}

/**
 * The DocHub: every live Yjs document of this server, transport-free (tldraw's room registry,
 * Hocuspocus' hooks). Transports hand it connections and raw y-protocols messages; it owns loading,
 * validation, permissions, persistence, relaying, awareness, unloading and backpressure.
 *
 * The guarantees, and how they are kept:
 * - One in-flight load per document: the first join creates the entry and its `ready` promise;
 *   later joins await the same promise. Messages from a connection whose document is still loading
 *   are queued in its session, and nothing is sent to it before the load completes.
 * - Persist before relay: an update is relayed only after it is committed. On SQLite a writer's
 *   edit is committed synchronously as received, relayed, and only then applied to the server's
 *   copy (`relayAhead`), so readers wait for its commit and nothing else; other updates are
 *   committed right after they are applied (`commitNow`). That is for the first edit of an
 *   event-loop turn: the edits read in the same turn after it are applied and committed together
 *   at the turn's end (`scheduleFlush`), one transaction instead of one each. Otherwise
 *   (PostgreSQL, server-side changes) every update produced by one event-loop callback is written
 *   in ONE transaction from a microtask queued when that callback returns, and batches commit one
 *   after another.
 *   Answers to sync step 1 (the whole state) also wait until what they contain is committed. So a
 *   client never holds an edit that a SIGKILL could take away from the server. On a SQLite file,
 *   "committed" is the store's synchronous write to its intake journal (`updateIntake.ts`); the
 *   rows reach SQLite's tables in a group commit later.
 * - `read` sessions may sync and publish presence, but an update that would change the document is
 *   refused: nothing applied, the client told (`forbidden`), a warn line logged.
 */

import type { Registry } from 'prom-client';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ErrorCode } from '../../shared/errors.ts';
import { MAX_DOC_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { Permission } from '../../shared/roles.ts';
import type { Logger } from '../logger.ts';
import {
  type AwarenessBatcher,
  createAwarenessBatcher,
  DEFAULT_AWARENESS_INTERVAL_MS,
} from './awarenessBatcher.ts';
import { upgradeDocument } from './docKinds.ts';
import { createDocMetrics } from './docMetrics.ts';
import type { DocStore, StoredUpdate } from './docStore.ts';
import type { HubConnection, TransportName } from './hubConnection.ts';
import {
  decodeDocMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type IncomingDocMessage,
} from './syncMessages.ts';

export const DEFAULT_COMPACT_THRESHOLD = 100;
export const DEFAULT_COMPACT_IDLE_MS = 1_000;
/** `compactBusyThreshold` is this many times `compactThreshold` unless set. */
const BUSY_THRESHOLD_FACTOR = 10;
export const DEFAULT_UNLOAD_DELAY_MS = 5_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const PERSIST_RETRY_MS = 1_000;

/** Origin of transactions made by the server itself (`hub.change`, schema upgrades). */
export const SERVER_ORIGIN = 'server';

export interface DocHubLimits {
  /**
   * Rows a document may have in the store before it is compacted, once nobody has edited it for
   * `compactIdleMs` (see `compactWhenDue`).
   */
  compactThreshold?: number;
  compactIdleMs?: number;
  /** Rows past which a document is compacted at once, edited or not: the bound on its rows. */
  compactBusyThreshold?: number;
  /** How long a document without connections stays in memory (a quick reconnect reuses it). */
  unloadDelayMs?: number;
  /** A connection whose outgoing buffer passes this is dropped (it reconnects and resyncs). */
  maxBufferedBytes?: number;
  /** Presence changes of a document are relayed at most once per this interval (awarenessBatcher.ts). */
  awarenessIntervalMs?: number;
}

export interface DocHubOptions extends DocHubLimits {
  store: DocStore;
  logger: Logger;
  /** The app's Prometheus registry; the hub registers its metrics on it. */
  metrics: Registry;
}

interface Session {
  conn: HubConnection;
  permission: Permission;
  /** Awareness client ids this connection published, removed when it leaves. */
  awarenessClients: Set<number>;
  /** Messages received while the document loads; null once they are handled directly. */
  queue: IncomingDocMessage[] | null;
}

interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
  seq: number;
}

interface DocEntry {
  name: string;
  ready: Promise<void>;
  loaded: boolean;
  doc: Y.Doc | null;
  awareness: Awareness | null;
  sessions: Map<HubConnection, Session>;
  /** Applied but not yet persisted, in order. */
  pending: PendingUpdate[];
  appliedSeq: number;
  persistedSeq: number;
  /** Callbacks waiting until everything applied before they were registered is persisted. */
  waiters: Array<{ seq: number; run: () => void }>;
  rows: number;
  /** The compaction in progress, if any (one at a time per document). */
  compacting: Promise<void> | null;
  /** Runs the compaction that is due once the document has been quiet for `compactIdleMs`. */
  idleCompactionTimer: NodeJS.Timeout | null;
  unloadTimer: NodeJS.Timeout | null;
  /** `hub.change` calls in progress: they keep the document loaded. */
  busy: number;
  awarenessBatcher: AwarenessBatcher | null;
  /** The document's update listener: queues what is applied for the next commit. */
  onUpdate: (update: Uint8Array, origin: unknown) => void;
  /** For awareness clients waiting in the batcher: the session that sent the change (not echoed back). */
  awarenessSources: Map<number, Session>;
}

export interface DocHub {
  /** Registers a transport connection (for metrics and shutdown). */
  connect(conn: HubConnection): void;
  /** Leaves every document of the connection. Idempotent. */
  disconnect(conn: HubConnection): void;
  /**
   * Joins a document with a permission decided by `authorize`. Resolves once the document is loaded;
   * `onJoined` runs right before the first messages (sync step 1, awareness) are sent.
   */
  join(conn: HubConnection, docName: string, permission: Permission, onJoined?: () => void): Promise<void>;
  leave(conn: HubConnection, docName: string): void;
  isJoined(conn: HubConnection, docName: string): boolean;
  /** One raw y-protocols message from a connection. Never throws; refusals go to `conn.reportError`. */
  receive(conn: HubConnection, docName: string, data: Uint8Array): void;
  /** Server-side mutation: loads the document, runs `fn` in one transaction, persists and relays. */
  change<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  isLoaded(docName: string): boolean;
  loadedCount(): number;
  connectionCounts(): Map<TransportName, number>;
  /**
   * Writes everything pending now; resolves after the commit, the compactions it started, and the
   * store's own flush (its tables hold it all: what a second connection reads).
   */
  flush(): Promise<void>;
  /** Flushes, closes every connection and unloads every document. */
  shutdown(): Promise<void>;
}

export function createDocHub(options: DocHubOptions): DocHub {
  const { store } = options;
  const logger = options.logger.child({ module: 'docHub' });
  const compactThreshold = options.compactThreshold ?? DEFAULT_COMPACT_THRESHOLD;
  const compactIdleMs = options.compactIdleMs ?? DEFAULT_COMPACT_IDLE_MS;
  const compactBusyThreshold = options.compactBusyThreshold ?? compactThreshold * BUSY_THRESHOLD_FACTOR;
  const unloadDelayMs = options.unloadDelayMs ?? DEFAULT_UNLOAD_DELAY_MS;
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const awarenessIntervalMs = options.awarenessIntervalMs ?? DEFAULT_AWARENESS_INTERVAL_MS;

  const docs = new Map<string, DocEntry>();
  const connections = new Map<HubConnection, Set<string>>();
  const dirty = new Set<DocEntry>();
  let flushScheduled = false;
  /**
   * Set when the fast path (`relayAhead`) commits, cleared by `setImmediate` once the event loop has
   * handled this turn's I/O. While set, later edits of the turn are committed together (see
   * `scheduleFlush`).
   */
  let committedThisTurn = false;
  let flushChain: Promise<void> = Promise.resolve();
  /** Batches queued on `flushChain` and not yet done; a synchronous commit waits until none is. */
  let queuedFlushes = 0;
  /** Compactions in progress, awaited by `flush()` and `shutdown()`, never by the relay path. */
  const compactions = new Set<Promise<void>>();
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;
  const metrics = createDocMetrics(options.metrics, {
    connectionsByTransport: () => connectionCounts(),
    loadedDocuments: () => loadedCount(),
  });

  // ── sending ────────────────────────────────────────────────────────────────────────────────

  function sendTo(conn: HubConnection, docName: string, message: Uint8Array): void {
    try {
      conn.send(docName, message);
    } catch (error) {
      logger.warn({ err: error, conn: conn.id, doc: docName }, 'send failed');
      return;
    }
    const buffered = conn.bufferedBytes();
    if (buffered > maxBufferedBytes) {
      metrics.backpressureDisconnects.inc();
      logger.warn(
        { conn: conn.id, user: conn.principal.id, transport: conn.transport, buffered, limit: maxBufferedBytes },
        'dropping a slow connection: outgoing buffer over the limit',
      );
      disconnect(conn);
      conn.close('backpressure: outgoing buffer over the limit');
    }
  }

  function readySessions(entry: DocEntry): Session[] {
    return [...entry.sessions.values()].filter((session) => session.queue === null);
  }

  function refuse(conn: HubConnection, docName: string, code: ErrorCode, message: string): void {
    metrics.updatesRefused.inc({ reason: code });
    const level = code === ErrorCode.forbidden ? 'warn' : 'info';
    logger[level](
      { conn: conn.id, user: conn.principal.id, transport: conn.transport, doc: docName, code },
      message,
    );
    try {
      conn.reportError(docName, code, message);
    } catch (error) {
      logger.warn({ err: error, conn: conn.id }, 'could not report an error to the client');
    }
  }

  // ── persistence ────────────────────────────────────────────────────────────────────────────

  /**
   * Commits what was applied during the current callback, once it returns (see `commitNow`), or,
   * when the fast path already committed an edit in this event-loop turn, once the turn's other
   * messages are handled: one transaction per turn for everything after its first edit. A turn
   * holds several edits when they arrived together, typically right after the process was held
   * up (a GC pause, a busy CPU): committed one by one, the last of n waited for n commits before
   * its relay (4 `pwrite` and 5–6 `fcntl` calls each on SQLite).
   */
  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    const flushNow = () => {
      flushScheduled = false;
      if (!commitNow()) void persistPending();
    };
    if (committedThisTurn) setImmediate(flushNow);
    else queueMicrotask(flushNow);
  }

  /** Called by `relayAhead`, which only commits while `committedThisTurn` is still false. */
  function noteFastCommit(): void {
    committedThisTurn = true;
    // Queued before any flush `scheduleFlush` defers to the same check phase, so it runs first.
    setImmediate(() => {
      committedThisTurn = false;
    });
  }

  /** Commits what is pending, then relays it; batches run one after another. */
  function persistPending(): Promise<void> {
    queuedFlushes++;
    flushChain = flushChain.then(async () => {
      try {
        await flushOnce();
      } finally {
        queuedFlushes--;
      }
    });
    return flushChain;
  }

  /** Everything applied so far is persisted, and no compaction is running; never rejects. */
  async function persistAll(): Promise<void> {
    await persistPending();
    // A compaction may start another one when it ends (see startCompaction): wait for all of them.
    while (compactions.size > 0) await Promise.all(compactions);
  }

  /**
   * `persistAll`, then what the store only journaled is in its tables too (SQLite's intake), for
   * whoever reads the database next. Rejects when the store cannot get it there.
   */
  async function flush(): Promise<void> {
    await persistAll();
    await store.flush?.();
  }

  /** Runs `run` once everything applied to the document so far is committed. */
  function afterPersisted(entry: DocEntry, run: () => void): void {
    if (entry.persistedSeq >= entry.appliedSeq) run();
    else entry.waiters.push({ seq: entry.appliedSeq, run });
  }

  function persisted(entry: DocEntry): Promise<void> {
    return new Promise((resolve) => afterPersisted(entry, resolve));
  }

  interface Batch {
    taken: Array<{ entry: DocEntry; items: PendingUpdate[] }>;
    rows: StoredUpdate[];
  }

  /** Takes every pending update of every document, oldest first, for one transaction. */
  function takePending(): Batch {
    const taken: Batch['taken'] = [];
    const rows: StoredUpdate[] = [];
    for (const entry of dirty) {
      const items = entry.pending;
      entry.pending = [];
      taken.push({ entry, items });
      for (const item of items) rows.push({ docName: entry.name, data: item.update });
    }
    dirty.clear();
    return { taken, rows };
  }

  /** Puts a batch that was not committed back in front of what was applied since. */
  function putBack(batch: Batch): void {
    for (const { entry, items } of batch.taken) {
      entry.pending = items.concat(entry.pending);
      dirty.add(entry);
    }
  }

  function persistFailed(batch: Batch, error: unknown): void {
    logger.error({ err: error, rows: batch.rows.length }, 'persisting document updates failed; will retry');
    putBack(batch);
    retryTimer ??= setTimeout(() => {
      retryTimer = null;
      void persistPending();
    }, PERSIST_RETRY_MS);
  }

  /**
   * Commits the pending updates on this call stack when the store can append synchronously (SQLite)
   * and no earlier batch is still on its way (order is kept), then relays them. Called right after
   * a client's update is applied, so an edit reaches the other clients after its own commit and
   * nothing else: under fan-out load even the hop to a microtask cost ~40 µs per edit. Returns false
   * when the caller must go through the asynchronous flush chain instead.
   */
  function commitNow(): boolean {
    const appendNow = appendNowIfInOrder();
    if (!appendNow) return false;
    const batch = takePending();
    if (batch.rows.length === 0) return true;
    const startedAt = performance.now();
    try {
      if (!appendNow(batch.rows)) {
        putBack(batch);
        return false;
      }
    } catch (error) {
      persistFailed(batch, error);
      return true;
    }
    metrics.persisted((performance.now() - startedAt) / 1000);
    committed(batch);
    return true;
  }

  /**
   * The store's synchronous append, when it has one and nothing committed asynchronously (a queued
   * batch, a retry after a failure) is still ahead of whatever would be appended now.
   */
  function appendNowIfInOrder(): ((updates: StoredUpdate[]) => boolean) | null {
    if (!store.appendNow || queuedFlushes > 0 || retryTimer) return null;
    return store.appendNow;
  }

  async function flushOnce(): Promise<void> {
    const batch = takePending();
    if (batch.rows.length === 0) return;
    const startedAt = performance.now();
    try {
      await store.appendBatch(batch.rows);
    } catch (error) {
      persistFailed(batch, error);
      return;
    }
    metrics.persisted((performance.now() - startedAt) / 1000);
    committed(batch);
  }

  /** After the commit: relay, run what waited for it, and compact or unload what is due. */
  function committed({ taken }: Batch): void {
    for (const { entry, items } of taken) {
      for (const item of items) relay(entry, encodeUpdate(item.update), item.origin);
      entry.persistedSeq = items[items.length - 1]?.seq ?? entry.persistedSeq;
      entry.rows += items.length;
      if (entry.waiters.length === 0) continue;
      const due = entry.waiters.filter((waiter) => waiter.seq <= entry.persistedSeq);
      entry.waiters = entry.waiters.filter((waiter) => waiter.seq > entry.persistedSeq);
      for (const waiter of due) {
        try {
          waiter.run();
        } catch (error) {
          logger.error({ err: error, doc: entry.name }, 'post-persist callback failed');
        }
      }
    }
    for (const { entry } of taken) {
      compactWhenDue(entry);
      if (entry.sessions.size === 0 && entry.busy === 0) scheduleUnload(entry);
    }
  }

  /**
   * A compaction costs the event loop a millisecond or so (reading the rows, handing them to the
   * merge worker, writing the merged row) and the merge worker as much again on another core: in a
   * fan-out, the core the clients' own processes need. Edits keep coming in a live meeting in
   * bursts (typing), so past `compactThreshold` the compaction waits until the document has been
   * quiet for `compactIdleMs`; every commit restarts the wait. Only a document edited without a
   * pause until it passes `compactBusyThreshold` is compacted mid-burst, so rows stay bounded.
   */
  function compactWhenDue(entry: DocEntry): void {
    if (entry.rows > compactBusyThreshold) {
      cancelIdleCompaction(entry);
      startCompaction(entry);
      return;
    }
    if (entry.rows <= compactThreshold || closed) return;
    if (entry.idleCompactionTimer) {
      entry.idleCompactionTimer.refresh();
      return;
    }
    entry.idleCompactionTimer = setTimeout(() => {
      if (docs.get(entry.name) === entry) compactIfOverThreshold(entry);
    }, compactIdleMs);
    entry.idleCompactionTimer.unref();
  }

  function cancelIdleCompaction(entry: DocEntry): void {
    if (entry.idleCompactionTimer) clearTimeout(entry.idleCompactionTimer);
    entry.idleCompactionTimer = null;
  }

  /** Starts the compaction `compactWhenDue` left waiting: the document is quiet now, or closing. */
  function compactIfOverThreshold(entry: DocEntry): void {
    cancelIdleCompaction(entry);
    if (entry.rows > compactThreshold) startCompaction(entry);
  }

  /**
   * Compaction runs beside the flush chain, not in it: the next batch of edits is committed and
   * relayed without waiting for it (on PostgreSQL it is several round trips). It only merges and
   * deletes rows that are already stored, so it needs no ordering with later appends.
   */
  function startCompaction(entry: DocEntry): void {
    if (entry.compacting) return;
    const running = compact(entry).then((compacted) => {
      entry.compacting = null;
      compactions.delete(running);
      // Edits committed while the rows were being merged can leave the document past the
      // threshold again: it is due again, by the same rule. Only after a success, so that a failing
      // store is not hammered (the next commit tries again).
      if (compacted && docs.get(entry.name) === entry) compactWhenDue(entry);
    });
    entry.compacting = running;
    compactions.add(running);
  }

  /** True when the document's rows were compacted; a failure is logged, never thrown. */
  async function compact(entry: DocEntry): Promise<boolean> {
    try {
      const result = await store.compact(entry.name);
      logger.debug({ doc: entry.name, ...result }, 'compacted');
      entry.rows = result.rowsAfter;
      return result.replacedRows > 0;
    } catch (error) {
      // Not fatal: the rows are all still there; the next flush tries again.
      logger.error({ err: error, doc: entry.name }, 'compaction failed');
      return false;
    }
  }

  /** Sends an update message (`encodeUpdate`) to every ready session but the one it came from. */
  function relay(entry: DocEntry, message: Uint8Array, origin: unknown): void {
    let sent = 0;
    for (const session of entry.sessions.values()) {
      // Sessions still loading get the whole state from sync step 2 once they are ready.
      if (session.queue !== null || session.conn === origin) continue;
      sendTo(session.conn, entry.name, message);
      sent++;
    }
    if (sent > 0) metrics.relayed(sent);
  }

  // ── loading and unloading ──────────────────────────────────────────────────────────────────

  function entryFor(docName: string): DocEntry {
    const existing = docs.get(docName);
    if (existing) return existing;
    const entry: DocEntry = {
      name: docName,
      ready: Promise.resolve(),
      loaded: false,
      doc: null,
      awareness: null,
      sessions: new Map(),
      pending: [],
      appliedSeq: 0,
      persistedSeq: 0,
      waiters: [],
      rows: 0,
      compacting: null,
      idleCompactionTimer: null,
      unloadTimer: null,
      busy: 0,
      awarenessBatcher: null,
      awarenessSources: new Map(),
      onUpdate: () => {},
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
    const { updates } = await store.load(entry.name);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    entry.rows = updates.length;
    entry.onUpdate = (update: Uint8Array, origin: unknown) => {
      entry.pending.push({ update, origin, seq: ++entry.appliedSeq });
      dirty.add(entry);
      scheduleFlush();
    };
    doc.on('update', entry.onUpdate);
    const awareness = new Awareness(doc);
    // The server publishes no presence of its own.
    awareness.setLocalState(null);
    entry.awarenessBatcher = createAwarenessBatcher(awarenessIntervalMs, (clients) =>
      relayAwareness(entry, clients),
    );
    awareness.on('update', (changes: AwarenessChanges, origin: unknown) =>
      onAwarenessUpdate(entry, changes, origin),
    );
    entry.doc = doc;
    entry.awareness = awareness;
    entry.loaded = true;
    // The upgrade goes through the update listener, so it is persisted like any other change.
    if (upgradeDocument(entry.name, doc)) logger.info({ doc: entry.name }, 'upgraded document schema');
    logger.debug({ doc: entry.name, rows: updates.length }, 'loaded');
    // Left past the threshold by a process that stopped before compacting it.
    compactWhenDue(entry);
  }

  function scheduleUnload(entry: DocEntry): void {
    if (closed || entry.unloadTimer) return;
    if (unloadDelayMs <= 0) {
      void unload(entry);
      return;
    }
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

  const inUse = (entry: DocEntry) =>
    entry.sessions.size > 0 || entry.busy > 0 || docs.get(entry.name) !== entry;

  async function unload(entry: DocEntry): Promise<void> {
    if (inUse(entry)) return;
    try {
      await entry.ready;
    } catch {
      return;
    }
    // The final flush: nothing leaves memory before it is stored.
    if (entry.persistedSeq < entry.appliedSeq) await persistAll();
    // Someone joined while we flushed, or the flush failed (the retry flush reschedules the unload).
    if (inUse(entry) || entry.persistedSeq < entry.appliedSeq) return;
    // Nobody is editing it: the compaction that was waiting for a quiet moment runs now.
    compactIfOverThreshold(entry);
    while (entry.compacting) await entry.compacting;
    if (inUse(entry)) return;
    docs.delete(entry.name);
    destroyEntry(entry);
    logger.debug({ doc: entry.name }, 'unloaded');
  }

  function destroyEntry(entry: DocEntry): void {
    cancelUnload(entry);
    cancelIdleCompaction(entry);
    entry.awarenessBatcher?.cancel();
    entry.loaded = false;
    entry.awareness?.destroy();
    entry.doc?.destroy();
  }

  // ── awareness ──────────────────────────────────────────────────────────────────────────────

  interface AwarenessChanges {
    added: number[];
    updated: number[];
    removed: number[];
  }

  /** The document's session `origin` is, if it is one (awareness changes carry their session). */
  function sessionOf(entry: DocEntry, origin: unknown): Session | undefined {
    if (typeof origin !== 'object' || origin === null || !('conn' in origin)) return undefined;
    const session = entry.sessions.get((origin as Session).conn);
    return session === origin ? session : undefined;
  }

  function onAwarenessUpdate(entry: DocEntry, changes: AwarenessChanges, origin: unknown): void {
    const { added, updated, removed } = changes;
    // The origin is the session whose message was applied; a removal when a connection leaves or
    // a state times out comes from the server and goes to everyone.
    const source = sessionOf(entry, origin);
    if (source) {
      for (const client of [...added, ...updated]) source.awarenessClients.add(client);
      for (const client of removed) source.awarenessClients.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    for (const client of changed) {
      if (source) entry.awarenessSources.set(client, source);
      else entry.awarenessSources.delete(client);
    }
    entry.awarenessBatcher?.changed(changed, removed.length > 0);
  }

  /** One message with the latest state of every client in the batch; a sender's own are left out. */
  function relayAwareness(entry: DocEntry, clients: number[]): void {
    const awareness = entry.awareness;
    if (!awareness) return;
    const sourceOf = (client: number) => entry.awarenessSources.get(client);
    let forEveryone: Uint8Array | null = null;
    for (const session of readySessions(entry)) {
      const others = clients.filter((client) => sourceOf(client) !== session);
      if (others.length === 0) continue;
      if (others.length < clients.length) {
        sendTo(session.conn, entry.name, encodeAwareness(awareness, others));
        continue;
      }
      forEveryone ??= encodeAwareness(awareness, clients);
      sendTo(session.conn, entry.name, forEveryone);
    }
    for (const client of clients) entry.awarenessSources.delete(client);
  }

  function sendAllAwareness(entry: DocEntry, session: Session): void {
    const awareness = entry.awareness;
    if (!awareness) return;
    const clients = [...awareness.getStates().keys()];
    if (clients.length > 0) sendTo(session.conn, entry.name, encodeAwareness(awareness, clients));
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────────

  function handle(entry: DocEntry, session: Session, message: IncomingDocMessage): void {
    const doc = entry.doc;
    const awareness = entry.awareness;
    if (!doc || !awareness) return;
    const { conn } = session;
    switch (message.kind) {
      case 'syncStep1':
        // The answer is the whole state the client lacks: send it only once all of it is stored.
        afterPersisted(entry, () => {
          if (entry.sessions.get(conn) === session) {
            sendTo(conn, entry.name, encodeSyncStep2(doc, message.stateVector));
          }
        });
        return;
      case 'update':
        applyClientUpdate(entry, doc, session, message);
        return;
      case 'awareness':
        try {
          applyAwarenessUpdate(awareness, message.update, session);
        } catch (error) {
          refuse(
            conn,
            entry.name,
            ErrorCode.invalidPayload,
            `Awareness update could not be applied: ${String(error)}`,
          );
        }
        return;
      case 'queryAwareness':
        sendAllAwareness(entry, session);
        return;
    }
  }

  function applyClientUpdate(
    entry: DocEntry,
    doc: Y.Doc,
    session: Session,
    { update, step, message }: Extract<IncomingDocMessage, { kind: 'update' }>,
  ): void {
    const { conn } = session;
    if (session.permission !== 'write') {
      // Every client answers the server's sync step 1 with a sync step 2; for a viewer that is
      // already up to date it carries nothing new. Only an update that would change the document
      // is a refused write.
      if (Y.snapshotContainsUpdate(Y.snapshot(doc), update)) return;
      refuse(
        conn,
        entry.name,
        ErrorCode.forbidden,
        'This document is read-only for you; the update was not applied',
      );
      return;
    }
    if (step === 'update' && relayAhead(entry, doc, session, update, message)) return;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch (error) {
      refuse(conn, entry.name, ErrorCode.invalidPayload, `Update could not be applied: ${String(error)}`);
    }
  }

  /**
   * The fast path for an edit (a sync `update` message from a writer) on a store that commits
   * synchronously: commit the client's own bytes, relay them, and only then apply them to the
   * server's copy. Persist-before-relay holds; the readers just no longer also wait for the
   * server's Yjs integration and re-encoding of the edit. The bytes were decoded completely
   * (`decodeDocMessage`) before they got here, so what goes out is a well-formed update; relaying
   * it as sent is what the server would relay anyway, give or take parts a reader already has,
   * which Yjs ignores. What goes out is the client's own message: a plain update message is exactly
   * what `encodeUpdate` would make of its update. Declines (false) whenever anything else is waiting
   * to be committed, so the order of commits and relays is kept; the normal path then takes the
   * update.
   */
  function relayAhead(
    entry: DocEntry,
    doc: Y.Doc,
    session: Session,
    update: Uint8Array,
    message: Uint8Array,
  ): boolean {
    const appendNow = appendNowIfInOrder();
    // After the turn's first edit, the others go the normal way, to be committed together.
    if (!appendNow || dirty.size > 0 || committedThisTurn) return false;
    const startedAt = performance.now();
    try {
      if (!appendNow([{ docName: entry.name, data: update }])) return false;
    } catch (error) {
      logger.warn({ err: error, doc: entry.name }, 'committing an edit failed; it takes the retrying path');
      return false;
    }
    metrics.persisted((performance.now() - startedAt) / 1000);
    noteFastCommit();
    entry.rows++;
    relay(entry, message, session.conn);
    // Already stored and relayed: applied with the update listener off, so that it is not queued a
    // second time and Yjs does not spend time encoding an update event nobody needs.
    doc.off('update', entry.onUpdate);
    try {
      Y.applyUpdate(doc, update, session.conn);
    } catch (error) {
      logger.error({ err: error, doc: entry.name }, 'a stored and relayed edit could not be applied here');
    } finally {
      doc.on('update', entry.onUpdate);
    }
    compactWhenDue(entry);
    return true;
  }

  function receive(conn: HubConnection, docName: string, data: Uint8Array): void {
    try {
      const entry = docs.get(docName);
      const session = entry?.sessions.get(conn);
      if (!entry || !session) {
        refuse(conn, docName, ErrorCode.notJoined, `Join ${docName} before sending messages for it`);
        return;
      }
      if (data.byteLength > MAX_DOC_MESSAGE_BYTES) {
        refuse(conn, docName, ErrorCode.tooLarge, `Message of ${data.byteLength} bytes is over the limit`);
        return;
      }
      let message: IncomingDocMessage;
      try {
        message = decodeDocMessage(data);
      } catch (error) {
        refuse(
          conn,
          docName,
          ErrorCode.invalidPayload,
          `Malformed document message: ${(error as Error).message}`,
        );
        return;
      }
      if (session.queue) session.queue.push(message);
      else handle(entry, session, message);
      // After the turn's first edit, what this message applied waits for the turn's end (scheduleFlush).
      if (dirty.size > 0 && !committedThisTurn) commitNow();
    } catch (error) {
      logger.error({ err: error, conn: conn.id, doc: docName }, 'handling a document message failed');
      refuse(conn, docName, ErrorCode.internal, 'The message could not be handled');
    }
  }

  // ── connections and sessions ───────────────────────────────────────────────────────────────

  function connect(conn: HubConnection): void {
    if (!connections.has(conn)) connections.set(conn, new Set());
  }

  function disconnect(conn: HubConnection): void {
    const names = connections.get(conn);
    if (!names) return;
    connections.delete(conn);
    for (const name of names) leave(conn, name);
  }

  async function join(
    conn: HubConnection,
    docName: string,
    permission: Permission,
    onJoined?: () => void,
  ): Promise<void> {
    if (closed) throw new Error('The server is shutting down');
    connect(conn);
    const entry = entryFor(docName);
    cancelUnload(entry);
    const existing = entry.sessions.get(conn);
    const session: Session = existing ?? { conn, permission, awarenessClients: new Set(), queue: [] };
    session.permission = permission;
    entry.sessions.set(conn, session);
    connections.get(conn)?.add(docName);
    try {
      await entry.ready;
    } catch (error) {
      if (entry.sessions.get(conn) === session) entry.sessions.delete(conn);
      connections.get(conn)?.delete(docName);
      throw error;
    }
    // The connection left (or closed) while the document loaded.
    if (entry.sessions.get(conn) !== session || !entry.doc) return;
    onJoined?.();
    sendTo(conn, docName, encodeSyncStep1(entry.doc));
    sendAllAwareness(entry, session);
    const queued = session.queue ?? [];
    session.queue = null;
    for (const message of queued) {
      if (entry.sessions.get(conn) !== session) break;
      handle(entry, session, message);
    }
  }

  function leave(conn: HubConnection, docName: string): void {
    connections.get(conn)?.delete(docName);
    const entry = docs.get(docName);
    const session = entry?.sessions.get(conn);
    if (!entry || !session) return;
    entry.sessions.delete(conn);
    if (entry.awareness && session.awarenessClients.size > 0) {
      // Broadcast at once, so others do not see a ghost cursor until the 30 s awareness timeout.
      removeAwarenessStates(entry.awareness, [...session.awarenessClients], 'connection left');
    }
    if (entry.sessions.size === 0 && entry.busy === 0) scheduleUnload(entry);
  }

  async function change<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    if (closed) throw new Error('The server is shutting down');
    const entry = entryFor(docName);
    cancelUnload(entry);
    entry.busy++;
    try {
      await entry.ready;
      const doc = entry.doc as Y.Doc;
      let result: T | undefined;
      doc.transact(() => {
        result = fn(doc);
      }, SERVER_ORIGIN);
      await persisted(entry);
      return result as T;
    } finally {
      entry.busy--;
      if (entry.sessions.size === 0 && entry.busy === 0) scheduleUnload(entry);
    }
  }

  async function shutdown(): Promise<void> {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    await persistAll();
    for (const conn of [...connections.keys()]) {
      try {
        conn.close('server shutting down');
      } catch (error) {
        logger.warn({ err: error, conn: conn.id }, 'closing a connection failed');
      }
      disconnect(conn);
    }
    // Leaving removed awareness states; nothing else changes the documents now. Flush once more in
    // case a last message slipped in between (this also waits for compactions still running).
    // The store's own flush comes when the app closes the store.
    await persistAll();
    for (const entry of docs.values()) {
      if (entry.persistedSeq < entry.appliedSeq) {
        logger.error(
          { doc: entry.name, unsaved: entry.appliedSeq - entry.persistedSeq },
          'unsaved updates at shutdown',
        );
      }
      destroyEntry(entry);
    }
    docs.clear();
  }

  function loadedCount(): number {
    return [...docs.values()].filter((entry) => entry.loaded).length;
  }

  function connectionCounts(): Map<TransportName, number> {
    const counts = new Map<TransportName, number>([
      ['socketio', 0],
      ['websocket', 0],
    ]);
    for (const conn of connections.keys()) counts.set(conn.transport, (counts.get(conn.transport) ?? 0) + 1);
    return counts;
  }

  return {
    connect,
    disconnect,
    join,
    leave,
    isJoined: (conn, docName) => docs.get(docName)?.sessions.has(conn) ?? false,
    receive,
    change,
    isLoaded: (docName) => docs.get(docName)?.loaded ?? false,
    loadedCount,
    connectionCounts,
    flush,
    shutdown,
  };
}

/**
 * The DocHub: every live Yjs document of this server, transport-free (tldraw's room registry,
 * Hocuspocus' hooks). Transports hand it connections and raw y-protocols messages; it keeps the
 * guarantees, in this order for every client update: validate and apply, then store, then relay.
 *
 * - One in-flight load per document; messages that arrive meanwhile wait in their session.
 * - An update is checked (`updateGuard.ts`: applicable, declared roots, size) and applied to the
 *   server's copy before anything is stored; a refused update changes nothing and its sender is told.
 *   What each message does to a document is `docMessageHandler.ts`; loading and unloading documents
 *   is `docLifecycle.ts`; this file keeps the sessions and the relay after each commit.
 * - Stored before relayed (`persistQueue.ts`); the answer to a sync step 1 (the whole state a client
 *   lacks) also waits until all of it is stored, so no client holds an edit a crash could take away.
 * - `read` sessions may sync and publish presence; an update that would change the document is
 *   refused (`forbidden`), logged and counted.
 * - Presence is stamped with the session's identity and bounded per connection (`presence.ts`).
 * - Compaction garbage-collects in quiet moments (`compaction.ts`); a document unloads after its last
 *   connection leaves, once everything is stored.
 */
import type { Registry } from 'prom-client';
import type * as Y from 'yjs';
import { ErrorCode } from '../../shared/errors.ts';
import { MAX_DOC_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { Permission } from '../../shared/roles.ts';
import type { Logger } from '../logger.ts';
import { createCompactor } from './compaction.ts';
import { createConnectionSender } from './connectionSender.ts';
import type { DocEntry, Session } from './docEntry.ts';
import { createDocLifecycle } from './docLifecycle.ts';
import { createDocMessageHandler } from './docMessageHandler.ts';
import { createDocMetrics } from './docMetrics.ts';
import type { DocStore } from './docStore.ts';
import type { HubConnection, TransportName } from './hubConnection.ts';
import { createPersistQueue, type QueuedUpdate } from './persistQueue.ts';
import type { PresenceLimits } from './presence.ts';
import { decodeDocMessage, encodeSyncStep1, encodeUpdate, type IncomingDocMessage } from './syncMessages.ts';

export { DEFAULT_LARGE_DOC_BYTES, DEFAULT_UNLOAD_DELAY_MS } from './docLifecycle.ts';
export const DEFAULT_COMPACT_THRESHOLD = 100;
export const DEFAULT_COMPACT_IDLE_MS = 1_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_DOC_BYTES = 16 * 1024 * 1024;

/** Origin of transactions made by the server itself (`hub.change`, schema upgrades). */
export const SERVER_ORIGIN = 'server';

export interface DocHubLimits {
  /** Rows a document may have before it is compacted once quiet for `compactIdleMs`. */
  compactThreshold?: number;
  compactIdleMs?: number;
  /** Rows past which a document is compacted at once (default 10 × `compactThreshold`). */
  compactBusyThreshold?: number;
  /** How long a document without connections stays in memory (a quick reconnect reuses it). */
  unloadDelayMs?: number;
  /** A connection whose outgoing buffer passes this (besides its first syncs) is dropped; it reconnects. */
  maxBufferedBytes?: number;
  /** An update that would take a document's encoded state past this is refused (`too_large`). */
  maxDocBytes?: number;
  largeDocBytes?: number;
  presence?: PresenceLimits;
}

export interface DocHubOptions extends DocHubLimits {
  store: DocStore;
  logger: Logger;
  /** The app's Prometheus registry; the hub registers its metrics on it. */
  metrics: Registry;
}

export interface DocHub {
  /** Registers a transport connection (for metrics and shutdown). */
  connect(conn: HubConnection): void;
  /** Leaves every document of the connection. Idempotent. */
  disconnect(conn: HubConnection): void;
  /**
   * Joins a document with a permission decided by `authorize`. Resolves once the document is loaded;
   * `onJoined` runs right before the first messages (sync step 1, presence) are sent.
   */
  join(conn: HubConnection, docName: string, permission: Permission, onJoined?: () => void): Promise<void>;
  leave(conn: HubConnection, docName: string): void;
  isJoined(conn: HubConnection, docName: string): boolean;
  /** One raw y-protocols message from a connection. Never throws; refusals go to `conn.reportError`. */
  receive(conn: HubConnection, docName: string, data: Uint8Array): void;
  /** Server-side mutation: loads the document, runs `fn` in one transaction, stores and relays. */
  change<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Server-side read: loads the document and runs `fn` on it; writes nothing, waits for no commit. */
  read<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Lowers every session of `docName`, current and later in this process, to at most `permission`
   * (a meeting closing makes its document read-only, for writers already connected too, and for a
   * join authorized an instant before the close); returns how many current sessions it lowered.
   */
  restrict(docName: string, permission: Permission): number;
  /**
   * Forgets a document whose rows are about to be deleted (a draft meeting deleted): its sessions are
   * told `not_found` and ended (a y-websocket connection, one document each, is closed), what is
   * pending for it is stored, and its copy leaves memory. Joins must already be refused by then.
   */
  drop(docName: string): Promise<void>;
  isLoaded(docName: string): boolean;
  loadedCount(): number;
  connectionCounts(): Map<TransportName, number>;
  /** Stores everything pending and waits for running compactions. */
  flush(): Promise<void>;
  /** Flushes, closes every connection and unloads every document. */
  shutdown(): Promise<void>;
}

export function createDocHub(options: DocHubOptions): DocHub {
  const { store } = options;
  const logger = options.logger.child({ module: 'docHub' });
  const compactThreshold = options.compactThreshold ?? DEFAULT_COMPACT_THRESHOLD;
  const maxDocBytes = options.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES;

  const connections = new Map<HubConnection, Set<string>>();
  /** Documents lowered by `restrict` (e.g. closed meetings): later joins get at most this permission. */
  const restricted = new Map<string, Permission>();
  const metrics = createDocMetrics(options.metrics, {
    connectionsByTransport: () => connectionCounts(),
    loadedDocuments: () => lifecycle.loadedCount(),
  });
  const sender = createConnectionSender({
    maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
    logger,
    onDropped: (conn) => {
      metrics.backpressureDisconnects.inc();
      disconnect(conn);
    },
  });
  const queue = createPersistQueue({
    store,
    logger,
    onStored: relayStored,
    onCommitTime: (seconds) => metrics.persisted(seconds),
  });
  const compactor = createCompactor(
    store,
    {
      threshold: compactThreshold,
      idleMs: options.compactIdleMs ?? DEFAULT_COMPACT_IDLE_MS,
      busyThreshold: options.compactBusyThreshold ?? compactThreshold * 10,
    },
    logger,
    (docName, rowsBefore, bytesAfter) => {
      metrics.compactions.inc();
      logger.debug({ doc: docName, rowsBefore, bytesAfter }, 'compacted');
    },
  );

  const handle = createDocMessageHandler({
    queue,
    sender,
    logger,
    maxDocBytes,
    refuse,
    disconnect,
    evict,
    countApplyFailure: () => metrics.applyFailures.inc(),
  });

  const lifecycle = createDocLifecycle({
    store,
    queue,
    compactor,
    sender,
    metrics,
    logger,
    unloadDelayMs: options.unloadDelayMs,
    largeDocBytes: options.largeDocBytes,
    presenceLimits: options.presence,
    readyConnections: (entry) =>
      [...entry.sessions.values()].filter((session) => session.queue === null).map((session) => session.conn),
  });

  function refuse(conn: HubConnection, docName: string, code: ErrorCode, message: string): void {
    metrics.updatesRefused.inc({ reason: code });
    const level = code === ErrorCode.forbidden || code === ErrorCode.invalidPayload ? 'warn' : 'info';
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

  // ── storing and relaying ────────────────────────────────────────────────────────────────────

  /** After the commit: relay each update to every ready session but its sender; compact or unload. */
  function relayStored(stored: QueuedUpdate[]): void {
    for (const { docName, data, origin, id } of stored) {
      const entry = lifecycle.get(docName);
      if (!entry) continue;
      const message = encodeUpdate(data);
      let sent = 0;
      for (const session of entry.sessions.values()) {
        // Sessions still loading get the whole state from their sync step 2 once ready.
        if (session.queue !== null || session.conn === origin) continue;
        sender.send(session.conn, docName, message);
        sent++;
      }
      if (sent > 0) metrics.relayed(sent);
      entry.rows++;
      entry.lastId = Math.max(entry.lastId, id);
      compactor.noteStored(entry);
      if (!lifecycle.inUse(entry)) lifecycle.scheduleUnload(entry);
    }
  }

  // ── receiving ───────────────────────────────────────────────────────────────────────────────

  /**
   * A client update passed every check yet threw midway through `Y.applyUpdate`: the copy may hold
   * part of it. Nothing of it is stored or relayed; the copy is dropped and the document's
   * connections are closed, so they reconnect to a copy loaded from what is stored.
   */
  function evict(entry: DocEntry): void {
    lifecycle.remove(entry);
    for (const session of [...entry.sessions.values()]) {
      try {
        session.conn.close('document reloaded after an update failed to apply');
      } catch (error) {
        logger.warn({ err: error, conn: session.conn.id }, 'closing a connection failed');
      }
      disconnect(session.conn);
    }
    lifecycle.destroy(entry);
  }

  function receive(conn: HubConnection, docName: string, data: Uint8Array): void {
    try {
      const entry = lifecycle.get(docName);
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
    sender.forget(conn);
    for (const name of names) leave(conn, name);
  }

  async function join(
    conn: HubConnection,
    docName: string,
    permission: Permission,
    onJoined?: () => void,
  ): Promise<void> {
    if (lifecycle.isClosed()) throw new Error('The server is shutting down');
    connect(conn);
    const entry = lifecycle.entryFor(docName);
    lifecycle.cancelUnload(entry);
    // A join authorized just before `restrict` ran still gets the lowered permission.
    const allowed = restricted.get(docName) === 'read' ? 'read' : permission;
    const session: Session = entry.sessions.get(conn) ?? {
      conn,
      permission: allowed,
      queue: [],
      synced: false,
    };
    session.permission = allowed;
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
    if (entry.sessions.get(conn) !== session || !entry.doc || !entry.presence) return;
    onJoined?.();
    sender.send(conn, docName, encodeSyncStep1(entry.doc));
    entry.presence.sendAllTo(conn);
    const queued = session.queue ?? [];
    session.queue = null;
    for (const message of queued) {
      if (entry.sessions.get(conn) !== session) break;
      handle(entry, session, message);
    }
  }

  function leave(conn: HubConnection, docName: string): void {
    connections.get(conn)?.delete(docName);
    const entry = lifecycle.get(docName);
    const session = entry?.sessions.get(conn);
    if (!entry || !session) return;
    entry.sessions.delete(conn);
    // Broadcast at once, so others do not see a ghost until the 30 s presence timeout.
    entry.presence?.leave(conn);
    if (!lifecycle.inUse(entry)) lifecycle.scheduleUnload(entry);
  }

  function change<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return lifecycle.withDoc(docName, async (doc) => {
      let result: T | undefined;
      doc.transact(() => {
        result = fn(doc);
      }, SERVER_ORIGIN);
      await queue.stored(docName);
      return result as T;
    });
  }

  async function drop(docName: string): Promise<void> {
    const entry = lifecycle.get(docName);
    if (!entry) return;
    for (const session of [...entry.sessions.values()]) {
      const { conn } = session;
      try {
        conn.reportError(docName, ErrorCode.notFound, 'This document has been deleted');
        if (conn.transport === 'websocket') conn.close('document deleted');
      } catch (error) {
        logger.warn({ err: error, conn: conn.id }, 'telling a connection of a deleted document failed');
      }
      leave(conn, docName);
    }
    await queue.stored(docName);
    // A server read or change still holding it lets the usual unload take it when done.
    if (lifecycle.get(docName) !== entry || lifecycle.inUse(entry)) return;
    queue.forget(docName);
    lifecycle.forget(entry);
    logger.info({ doc: docName }, 'document dropped');
  }

  function restrict(docName: string, permission: Permission): number {
    if (permission === 'read') restricted.set(docName, permission);
    let lowered = 0;
    for (const session of lifecycle.get(docName)?.sessions.values() ?? []) {
      if (session.permission === permission || permission === 'write') continue;
      session.permission = permission;
      lowered++;
    }
    if (lowered > 0) logger.info({ doc: docName, permission, sessions: lowered }, 'sessions restricted');
    return lowered;
  }

  async function flush(): Promise<void> {
    await queue.drain();
    await compactor.running();
  }

  async function shutdown(): Promise<void> {
    lifecycle.close();
    await flush();
    for (const conn of [...connections.keys()]) {
      try {
        conn.close('server shutting down');
      } catch (error) {
        logger.warn({ err: error, conn: conn.id }, 'closing a connection failed');
      }
      disconnect(conn);
    }
    // Leaving removed presence only; store whatever slipped in meanwhile, then give up retrying.
    await flush();
    queue.stop();
    lifecycle.forgetAll();
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
    isJoined: (conn, docName) => lifecycle.get(docName)?.sessions.has(conn) ?? false,
    receive,
    change,
    read: (docName, fn) => lifecycle.withDoc(docName, fn),
    restrict,
    drop,
    isLoaded: (docName) => lifecycle.get(docName)?.doc != null,
    loadedCount: lifecycle.loadedCount,
    connectionCounts,
    flush,
    shutdown,
  };
}

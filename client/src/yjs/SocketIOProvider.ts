/**
 * Syncs Yjs documents with the server over ONE Socket.IO connection per tab.
 *
 * Why not y-websocket: government networks often sit behind proxies that break raw WebSockets.
 * Socket.IO falls back to HTTP long-polling there and keeps the meeting running, and it lets one
 * connection carry every document a tab has open (`doc:join` / `doc:message` per document name).
 * The messages themselves are framed exactly like y-websocket's (varuint type, then a y-protocols
 * body), so the server decodes both transports the same way.
 *
 * This module only moves bytes and tracks state: it never interprets document content.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  type DocMessage,
  decodeDocMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '../../../shared/docMessages.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import {
  type ClientToServerEvents,
  type DocErrorEvent,
  type JoinAck,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  toUint8Array,
} from '../../../shared/protocol.ts';
import type { Permission } from '../../../shared/roles.ts';
import { docMessageParser } from '../../../shared/socketParser.ts';
// Only the type: the IndexedDB copy is handed in by the browser (connection.ts), so Node never loads it.
import type { LocalCopy } from './localCopy.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the socket has connected at least once: "connecting" then means "reconnecting". */
  everConnected: boolean;
  /** Why the server refused the connection itself (e.g. `unauthenticated`), if it did. */
  error: string | null;
  /** When any document last completed a sync or received a change from the server. */
  lastSyncedAt: number | null;
}

export interface DocSessionState {
  /** The server's copy and ours have exchanged everything since the last (re)join. */
  synced: boolean;
  /** From the join ack; null until the first ack arrives. */
  permission: Permission | null;
  /** The last refusal: a failed join, or a `doc:error` such as `forbidden`. */
  error: ErrorBody | null;
  /** Local edits made while not joined; they are sent by the next sync. */
  hasUnsentChanges: boolean;
  lastSyncedAt: number | null;
}

const SYNC_NOTE_INTERVAL_MS = 5000;

type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = () => void;

/** How long a document with no users stays joined, so a quick remount (StrictMode, back/forward) reuses it. */
const RELEASE_GRACE_MS = 1500;
/** A join that has not brought the document in by then is sent again (see `watchJoin`). */
const JOIN_WATCHDOG_MS = 8000;

/** One shared document: its Y.Doc, its awareness and its sync state with the server. */
export class DocSession {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private state: DocSessionState = {
    synced: false,
    permission: null,
    error: null,
    hasUnsentChanges: false,
    lastSyncedAt: null,
  };
  private readonly listeners = new Set<Listener>();
  private joined = false;
  /** Messages that arrive between `doc:join` and its ack wait here, so we know our permission first. */
  private pending: Uint8Array[] | null = null;
  private users = 0;
  private releaseTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly localCopy: LocalCopy | null;
  /** The socket to join once the local copy has loaded (the latest connect wins). */
  private joinAfterLoad: TypedSocket | null = null;
  private destroyed = false;
  private joinWatchdog: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly name: string,
    private readonly provider: SocketIOProvider,
  ) {
    this.doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.localCopy = provider.openLocalCopy?.(name, this.doc) ?? null;
  }

  getState = (): DocSessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Marks the session in use; the returned function releases it (the last release leaves the doc). */
  retain(): () => void {
    this.users += 1;
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) {
        this.releaseTimer = setTimeout(() => this.provider.closeSession(this), RELEASE_GRACE_MS);
      }
    };
  }

  private setState(patch: Partial<DocSessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Called by the provider whenever the socket is (re)connected. */
  join(socket: TypedSocket): void {
    // Edits kept on this device (made offline, perhaps before the tab was closed) must be in the
    // document before the sync exchange, which then sends the server exactly what it lacks.
    const localCopy = this.localCopy;
    if (localCopy && !localCopy.isLoaded()) {
      const waiting = this.joinAfterLoad !== null;
      this.joinAfterLoad = socket;
      if (!waiting) {
        void localCopy.whenLoaded.then(() => {
          const latest = this.joinAfterLoad;
          this.joinAfterLoad = null;
          if (latest?.connected && !this.destroyed) this.join(latest);
        });
      }
      return;
    }
    this.joined = false;
    this.pending = [];
    this.watchJoin(socket);
    socket.emit('doc:join', this.name, (ack: JoinAck) => {
      if (!socket.connected) return;
      if ('error' in ack) {
        this.pending = null;
        this.setState({ error: ack.error, synced: false });
        return;
      }
      this.joined = true;
      this.setState({ permission: ack.permission, error: null });
      // Ask for what we miss, and announce ourselves to the others on the page.
      this.send(encodeSyncStep1(this.doc));
      this.announcePresence();
      const queued = this.pending ?? [];
      this.pending = null;
      for (const message of queued) this.receive(message);
    });
  }

  /**
   * A page must never sit on an empty document while connected: a join whose answer or sync never
   * came (seen intermittently after a reload, cause not yet found) is sent again; a second join is
   * harmless, the server keeps one session and the sync exchange is idempotent.
   */
  private watchJoin(socket: TypedSocket): void {
    this.clearJoinWatchdog();
    this.joinWatchdog = setTimeout(() => {
      this.joinWatchdog = null;
      if (this.destroyed || !socket.connected || this.state.synced || this.state.error) return;
      console.warn(`StatRoom: ${this.name} did not sync after joining; joining again`);
      this.join(socket);
    }, JOIN_WATCHDOG_MS);
  }

  private clearJoinWatchdog(): void {
    if (this.joinWatchdog) clearTimeout(this.joinWatchdog);
    this.joinWatchdog = null;
  }

  /** The socket dropped: everything must be re-exchanged after the next join. */
  disconnected(): void {
    this.clearJoinWatchdog();
    this.joined = false;
    this.pending = null;
    this.setState({ synced: false });
    // Other people's cursors are stale now; the server re-sends the live ones after the rejoin.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  receive(message: Uint8Array): void {
    if (this.pending) {
      this.pending.push(message);
      return;
    }
    if (!this.joined) return;
    let decoded: DocMessage;
    try {
      decoded = decodeDocMessage(message);
    } catch (error) {
      // One bad message must not stop the others (shared/docMessages.ts names what was wrong).
      console.warn(`StatRoom ignored a malformed message for ${this.name}`, error);
      return;
    }
    switch (decoded.kind) {
      case 'syncStep1':
        // A read-only connection must not answer with a step 2: the server would (rightly) refuse
        // it as a write attempt.
        if (this.state.permission !== 'write') return;
        this.send(encodeSyncStep2(this.doc, decoded.stateVector));
        if (this.state.hasUnsentChanges) this.setState({ hasUnsentChanges: false });
        return;
      case 'update':
        this.applyRemoteUpdate(decoded.update);
        if (decoded.step === 'syncStep2' && !this.state.synced) {
          this.clearJoinWatchdog();
          this.setState({ synced: true, lastSyncedAt: Date.now() });
          this.provider.noteSynced();
        } else if (decoded.step === 'update' && this.state.synced) {
          this.provider.noteSynced();
        }
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoded.update, this);
        } catch (error) {
          // A state that is not JSON (the codec leaves parsing to y-protocols) costs only itself.
          console.warn(`StatRoom ignored a malformed presence update for ${this.name}`, error);
        }
        return;
      case 'queryAwareness':
        if (this.awareness.getLocalState() !== null) this.sendAwareness([this.doc.clientID]);
        return;
      case 'permissionDenied':
        // Nothing to act on: over Socket.IO the server's refusals arrive as `doc:error`.
        return;
    }
  }

  private applyRemoteUpdate(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, this);
    } catch (error) {
      // As y-protocols does: an update that decodes but cannot be applied is reported, not fatal.
      console.error('Caught error while handling a Yjs update', error);
    }
  }

  receiveError(event: DocErrorEvent): void {
    // A `forbidden` refusal means the server considers us read-only, whatever we believed.
    if (event.error.code === 'forbidden') this.setState({ permission: 'read', error: event.error });
    else this.setState({ error: event.error });
  }

  private onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates we applied from the server must not echo back. What the local copy loads is not a
    // new edit either: the sync exchange after the join sends the server whatever of it it lacks.
    if (origin === this || (this.localCopy && origin === this.localCopy.origin)) return;
    if (!this.joined || this.state.permission !== 'write') {
      if (!this.state.hasUnsentChanges) this.setState({ hasUnsentChanges: true });
      return;
    }
    this.send(encodeUpdate(update));
  };

  private onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined) return;
    // We speak only for our own state; others' expiries are theirs (and the server's) to announce.
    const own = this.doc.clientID;
    if ([...changes.added, ...changes.updated, ...changes.removed].includes(own)) this.sendAwareness([own]);
  };

  /**
   * Our state, at a clock past the one the server gave our departure (ours + 1) when we dropped:
   * the others ignore a state at an older clock, and would not see us again until its renewal (15 s).
   */
  private announcePresence(): void {
    const state = this.awareness.getLocalState();
    if (state === null) return;
    const meta = this.awareness.meta.get(this.doc.clientID);
    if (meta) meta.clock += 1;
    // Takes the clock one further and sends the state (onAwarenessUpdate).
    this.awareness.setLocalState(state);
  }

  private sendAwareness(clients: number[]): void {
    this.send(encodeAwareness(this.awareness, clients));
  }

  private send(message: Uint8Array): void {
    this.provider.sendMessage(this.name, message);
  }

  /** Leaves the document: our presence disappears for the others at once, then the doc is freed. */
  destroy(socket: TypedSocket | null): void {
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.clearJoinWatchdog();
    if (this.joined) awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'leave');
    if (socket?.connected) socket.emit('doc:leave', this.name);
    this.joined = false;
    this.destroyed = true;
    this.localCopy?.destroy();
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}

export interface SocketIOProviderOptions {
  /** Server origin; defaults to the page's own origin. */
  url?: string;
  /** Session token, for clients without the session cookie (tests, scripts). */
  token?: string;
  /** Keeps a copy of each document on the device (the browser passes `openLocalCopy`); none if absent. */
  localCopy?: (docName: string, doc: Y.Doc) => LocalCopy | null;
  /** socket.io-client options over the defaults (tests and the benchmark: transports, reconnection). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** The browser's `online`/`offline` events (the page passes `window`); none in Node. */
  network?: NetworkEvents;
}

/** Where the browser announces losing and regaining the network: `window`. */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The tab's one connection, multiplexing every open DocSession. */
export class SocketIOProvider {
  /** The one Socket.IO connection; exposed for tests and tools that watch the wire. */
  readonly socket: TypedSocket;
  readonly openLocalCopy: SocketIOProviderOptions['localCopy'];
  private readonly sessions = new Map<string, DocSession>();
  private state: ConnectionState = {
    status: 'connecting',
    everConnected: false,
    error: null,
    lastSyncedAt: null,
  };
  private readonly listeners = new Set<Listener>();
  private readonly network: NetworkEvents | undefined;
  /** The browser said the network is gone: no reconnecting until it says it is back. */
  private networkDown = false;
  private destroyed = false;

  constructor(options: SocketIOProviderOptions = {}) {
    const auth = { protocolVersion: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) };
    // The server's parser: each doc:message is one binary frame (see shared/socketParser.ts).
    const socketOptions = { auth, withCredentials: true, parser: docMessageParser, ...options.socketOptions };
    this.openLocalCopy = options.localCopy;
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
    this.socket.on('connect', () => {
      this.setState({ status: 'connected', everConnected: true, error: null });
      for (const session of this.sessions.values()) session.join(this.socket);
    });
    this.socket.on('disconnect', (reason) => {
      for (const session of this.sessions.values()) session.disconnected();
      this.setState({ status: 'offline' });
      // socket.io-client never retries after a server-side disconnect; we always want the meeting
      // back (the server refuses at the handshake whoever it means to keep out).
      if (reason === 'io server disconnect' && !this.destroyed && !this.networkDown) this.socket.connect();
    });
    this.socket.on('connect_error', (error: Error) => {
      // A refusal by the server's middleware stops the automatic retries (`active` is false).
      this.setState({ status: 'offline', error: this.socket.active ? null : error.message });
    });
    this.socket.io.on('reconnect_attempt', () => this.setState({ status: 'connecting' }));
    this.socket.on('doc:message', (name, data) => {
      const message = toUint8Array(data);
      if (message) this.sessions.get(name)?.receive(message);
    });
    this.socket.on('doc:error', (event) => {
      if (event.docName) this.sessions.get(event.docName)?.receiveError(event);
      else console.warn('StatRoom server refused a message', event.error);
    });
    this.network = options.network;
    this.network?.addEventListener('offline', this.onNetworkLost);
    this.network?.addEventListener('online', this.onNetworkBack);
  }

  /**
   * The browser knows at once; the heartbeat would take seconds, and the WebSocket may linger on a
   * dead network. Dropping it now shows Offline and keeps new edits as unsent changes for the resync.
   */
  private onNetworkLost = (): void => {
    this.networkDown = true;
    // Also stops socket.io-client's reconnection attempts, which cannot succeed now.
    if (this.socket.connected || this.socket.active) this.socket.disconnect();
    this.setState({ status: 'offline' });
  };

  /** Reconnect now rather than at the end of socket.io-client's backoff (up to seconds away). */
  private onNetworkBack = (): void => {
    this.networkDown = false;
    if (this.destroyed || this.socket.connected) return;
    // disconnect() ends a pending backoff, so connect() opens a fresh attempt at once.
    this.socket.disconnect();
    this.socket.connect();
  };

  getState = (): ConnectionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Gets or creates the session for a document; it joins at once when the socket is connected. */
  session(name: string): DocSession {
    let session = this.sessions.get(name);
    if (!session) {
      session = new DocSession(name, this);
      this.sessions.set(name, session);
      if (this.socket.connected) session.join(this.socket);
    }
    return session;
  }

  closeSession(session: DocSession): void {
    if (this.sessions.get(session.name) !== session) return;
    this.sessions.delete(session.name);
    session.destroy(this.socket);
  }

  /** Coarse on purpose: the time is shown to the minute, so a notification per keystroke is waste. */
  noteSynced(): void {
    const now = Date.now();
    if (this.state.lastSyncedAt === null || now - this.state.lastSyncedAt > SYNC_NOTE_INTERVAL_MS) {
      this.setState({ lastSyncedAt: now });
    }
  }

  sendMessage(name: string, message: Uint8Array): void {
    if (this.socket.connected) this.socket.emit('doc:message', name, message);
  }

  /** Drops the connection (e.g. for a test of offline editing); sessions stay and resync on `connect()`. */
  disconnect(): void {
    this.socket.disconnect();
  }

  connect(): void {
    this.socket.connect();
  }

  destroy(): void {
    this.destroyed = true;
    this.network?.removeEventListener('offline', this.onNetworkLost);
    this.network?.removeEventListener('online', this.onNetworkBack);
    for (const session of [...this.sessions.values()]) this.closeSession(session);
    this.socket.disconnect();
    this.listeners.clear();
  }
}

/**
 * Real Yjs clients for integration tests:
 * - `SocketIoDocClient`: a minimal Node client of the Socket.IO protocol in `shared/protocol.ts`
 *   (socket.io-client + y-protocols), one connection multiplexing many documents, like a tab.
 * - `connectYWebsocket`: the stock `y-websocket` WebsocketProvider over `ws`, with
 *   `disableBc: true` so that clients in one process cannot sync behind the server's back.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type ClientToServerEvents,
  type DocErrorEvent,
  DocMessageType,
  type JoinAck,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  toUint8Array,
} from '../../shared/protocol.ts';
import type { Permission } from '../../shared/roles.ts';
import { docMessageParser } from '../../shared/socketParser.ts';

/** Polls until `condition` holds (no timing assertions: only a generous upper bound). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface JoinedDoc {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  permission: Permission | null;
  /** True once the server's sync step 2 (its whole state) has been applied. */
  synced: boolean;
}

export interface SocketIoClientOptions {
  token?: string;
  protocolVersion?: number;
  transports?: Array<'websocket' | 'polling'>;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export class SocketIoDocClient {
  readonly socket: ClientSocket;
  readonly docs = new Map<string, JoinedDoc>();
  readonly errors: DocErrorEvent[] = [];
  private connectedOnce = false;

  private constructor(socket: ClientSocket) {
    this.socket = socket;
    socket.on('doc:message', (docName, payload) => this.onMessage(docName, payload));
    socket.on('doc:error', (event) => this.errors.push(event));
    // After a reconnect, join every document again: the sync exchange merges offline edits both ways.
    socket.on('connect', () => {
      if (this.connectedOnce) for (const joined of this.docs.values()) void this.sendJoin(joined);
      this.connectedOnce = true;
    });
  }

  /** Connects; rejects with the server's connect error (its message is the error code). */
  static connect(url: string, options: SocketIoClientOptions = {}): Promise<SocketIoDocClient> {
    const socket: ClientSocket = io(url, {
      path: '/socket.io',
      auth: { protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION, token: options.token },
      transports: options.transports ?? ['websocket'],
      parser: docMessageParser,
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      forceNew: true,
    });
    const client = new SocketIoDocClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Joins a document and resolves with the ack; the doc syncs in the background (see `synced`). */
  async join(docName: string, doc = new Y.Doc()): Promise<{ joined: JoinedDoc; ack: JoinAck }> {
    const joined: JoinedDoc = {
      name: docName,
      doc,
      awareness: new awarenessProtocol.Awareness(doc),
      permission: null,
      synced: false,
    };
    this.docs.set(docName, joined);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.socket.connected) return;
      this.send(
        docName,
        frame((encoder) => {
          encoding.writeVarUint(encoder, DocMessageType.sync);
          syncProtocol.writeUpdate(encoder, update);
        }),
      );
    });
    joined.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (origin === this || !this.socket.connected) return;
        const changed = [...added, ...updated, ...removed];
        this.send(
          docName,
          frame((encoder) => {
            encoding.writeVarUint(encoder, DocMessageType.awareness);
            encoding.writeVarUint8Array(
              encoder,
              awarenessProtocol.encodeAwarenessUpdate(joined.awareness, changed),
            );
          }),
        );
      },
    );
    const ack = await this.sendJoin(joined);
    if (!('ok' in ack)) this.docs.delete(docName);
    return { joined, ack };
  }

  /** Joins and waits until the server's state has arrived. */
  async joinSynced(docName: string, doc = new Y.Doc()): Promise<JoinedDoc> {
    const { joined, ack } = await this.join(docName, doc);
    if (!('ok' in ack)) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    await waitFor(() => joined.synced, `sync of ${docName}`);
    return joined;
  }

  private sendJoin(joined: JoinedDoc): Promise<JoinAck> {
    joined.synced = false;
    return new Promise((resolve) => {
      this.socket.emit('doc:join', joined.name, (ack) => {
        if ('ok' in ack) {
          joined.permission = ack.permission;
          this.send(
            joined.name,
            frame((encoder) => {
              encoding.writeVarUint(encoder, DocMessageType.sync);
              syncProtocol.writeSyncStep1(encoder, joined.doc);
            }),
          );
          if (joined.awareness.getLocalState() !== null) {
            this.send(
              joined.name,
              frame((encoder) => {
                encoding.writeVarUint(encoder, DocMessageType.awareness);
                encoding.writeVarUint8Array(
                  encoder,
                  awarenessProtocol.encodeAwarenessUpdate(joined.awareness, [joined.doc.clientID]),
                );
              }),
            );
          }
        }
        resolve(ack);
      });
    });
  }

  leave(docName: string): void {
    const joined = this.docs.get(docName);
    this.docs.delete(docName);
    this.socket.emit('doc:leave', docName);
    joined?.awareness.destroy();
  }

  send(docName: string, message: Uint8Array): void {
    this.socket.emit('doc:message', docName, message);
  }

  /** Sends anything at all, for bad-input tests. */
  sendRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
  }

  async waitForError(code: string, docName?: string | null): Promise<DocErrorEvent> {
    const match = () =>
      this.errors.find(
        (event) => event.error.code === code && (docName === undefined || event.docName === docName),
      );
    await waitFor(() => match() !== undefined, `doc:error ${code}`);
    return match() as DocErrorEvent;
  }

  private onMessage(docName: string, payload: unknown): void {
    const joined = this.docs.get(docName);
    const data = toUint8Array(payload);
    if (!joined || !data) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === DocMessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, DocMessageType.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, joined.doc, this);
      if (syncType === syncProtocol.messageYjsSyncStep2) joined.synced = true;
      if (encoding.length(encoder) > 1) this.send(docName, encoding.toUint8Array(encoder));
    } else if (type === DocMessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(joined.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /** Drops the connection without leaving (like a laptop going offline). */
  goOffline(): void {
    this.socket.disconnect();
  }

  comeBackOnline(): void {
    this.socket.connect();
  }

  close(): void {
    for (const joined of this.docs.values()) joined.awareness.destroy();
    this.socket.close();
  }
}

export interface YWebsocketClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Messages of the standard permission-denied kind seen by the provider. */
  permissionDenied: string[];
  synced: Promise<void>;
  destroy(): void;
}

/** The stock y-websocket client, exactly as an integration would use it. `wsBase` is `ws://host:port/yjs`. */
export function connectYWebsocket(
  wsBase: string,
  docName: string,
  token?: string,
  doc = new Y.Doc(),
): YWebsocketClient {
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    // The stock client expects a browser WebSocket; ws implements the same interface.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
    maxBackoffTime: 300,
  });
  const permissionDenied: string[] = [];
  // The stock client only console.warns on "permission denied"; wrap its handler to observe it.
  const handlers = provider.messageHandlers as unknown as Array<
    (encoder: encoding.Encoder, decoder: decoding.Decoder, ...rest: unknown[]) => void
  >;
  const authHandler = handlers[2];
  handlers[2] = (encoder, decoder, ...rest) => {
    const copy = decoding.clone(decoder);
    if (decoding.readVarUint(copy) === 0) permissionDenied.push(decoding.readVarString(copy));
    authHandler?.(encoder, decoder, ...rest);
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    permissionDenied,
    synced,
    destroy() {
      provider.destroy();
    },
  };
}

/** Resolves when a stock client's connection is refused or closed by the server. */
export function nextConnectionClose(client: YWebsocketClient): Promise<void> {
  return new Promise((resolve) => {
    client.provider.once('connection-close', () => resolve());
    client.provider.once('connection-error', () => resolve());
  });
}

/** Creates a meeting through the real API and returns its document name. */
export async function createMeetingDoc(
  url: string,
  token: string,
  title = 'Weekly security stocktake',
): Promise<string> {
  const response = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, scheduledFor: '2026-12-01' }),
  });
  if (response.status !== 201)
    throw new Error(`cannot create meeting: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { meeting: { docName: string } }).meeting.docName;
}

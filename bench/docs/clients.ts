/**
 * The document clients the benchmark drives, one per simulated device:
 * - `connectYWebsocket`: the stock `y-websocket` WebsocketProvider over `ws`, exactly as an
 *   integration uses it (for the reference server and for StatRoom's `/yjs` endpoint);
 * - `connectSocketIo`: a lean Node client of StatRoom's Socket.IO protocol (`shared/protocol.ts`),
 *   doing what the browser's provider does for one document: join, sync step 1, answer the server's
 *   sync step 1, send every local update. One Socket.IO connection per client, like one tab.
 *
 * Both resolve once the server's whole state has been applied (the first sync step 2).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type ClientToServerEvents,
  DocMessageType,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  toUint8Array,
} from '../../shared/protocol.ts';
import { docMessageParser } from '../../shared/socketParser.ts';

const SYNC_TIMEOUT_MS = 30_000;

export interface BenchClient {
  doc: Y.Doc;
  close(): void;
}

function syncTimeout(docName: string, reject: (error: Error) => void): NodeJS.Timeout {
  return setTimeout(() => reject(new Error(`sync timeout for ${docName}`)), SYNC_TIMEOUT_MS);
}

export async function connectYWebsocket(
  wsBase: string,
  docName: string,
  params: Record<string, string>,
): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    // The stock client expects a browser WebSocket; ws implements the same interface.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    // Clients in one process would otherwise sync through BroadcastChannel, bypassing the server.
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = syncTimeout(docName, reject);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export async function connectSocketIo(httpUrl: string, docName: string, token: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const socket: ClientSocket = io(httpUrl, {
    path: '/socket.io',
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    // Like a browser on a network that lets WebSockets through; no reconnection in a measurement.
    transports: ['websocket'],
    parser: docMessageParser,
    reconnection: false,
    forceNew: true,
  });
  const send = (message: Uint8Array) => socket.emit('doc:message', docName, message);
  const remote = Symbol('server');

  const synced = new Promise<void>((resolve, reject) => {
    const timer = syncTimeout(docName, reject);
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('doc:error', (event) => {
      clearTimeout(timer);
      reject(new Error(`${event.error.code}: ${event.error.message}`));
    });
    socket.on('doc:message', (name, payload) => {
      const data = toUint8Array(payload);
      if (name !== docName || !data) return;
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== DocMessageType.sync) return; // awareness: not measured
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, DocMessageType.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, remote);
      if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2) {
        clearTimeout(timer);
        resolve();
      }
    });
    socket.on('connect', () => {
      socket.emit('doc:join', docName, (ack) => {
        if (!('ok' in ack)) {
          clearTimeout(timer);
          reject(new Error(`join refused: ${ack.error.code}`));
          return;
        }
        send(
          frame((encoder) => {
            encoding.writeVarUint(encoder, DocMessageType.sync);
            syncProtocol.writeSyncStep1(encoder, doc);
          }),
        );
      });
    });
  });

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === remote) return;
    send(
      frame((encoder) => {
        encoding.writeVarUint(encoder, DocMessageType.sync);
        syncProtocol.writeUpdate(encoder, update);
      }),
    );
  });

  try {
    await synced;
  } catch (error) {
    socket.close();
    throw error;
  }
  return {
    doc,
    close() {
      socket.close();
      doc.destroy();
    },
  };
}

/**
 * The document clients the benchmark drives, one per simulated device:
 * - `connectYWebsocket`: the stock `y-websocket` WebsocketProvider over `ws`, exactly as an
 *   integration uses it (for the reference server and for StatRoom's `/yjs` endpoint);
 * - `connectSocketIo`: the browser's own provider (`client/src/yjs/SocketIOProvider.ts`) run in
 *   Node, with one document on one Socket.IO connection per client, like one tab (presence
 *   included, as the stock client's is).
 *
 * Both resolve once the server's whole state has been applied (the first sync step 2).
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SocketIOProvider } from '../../client/src/yjs/SocketIOProvider.ts';

const SYNC_TIMEOUT_MS = 30_000;

export interface BenchClient {
  doc: Y.Doc;
  close(): void;
}

/** How to reach a server's documents, as plain data: a worker thread of the load generator gets it. */
export type ClientSpec =
  | { transport: 'y-websocket'; wsBase: string; params: Record<string, string> }
  | { transport: 'socket.io'; httpUrl: string; token: string };

/** Connects one client (one device) as `spec` says and resolves once it holds the server's state. */
export function connectClient(spec: ClientSpec, docName: string): Promise<BenchClient> {
  return spec.transport === 'socket.io'
    ? connectSocketIo(spec.httpUrl, docName, spec.token)
    : connectYWebsocket(spec.wsBase, docName, spec.params);
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

/** StatRoom's own client, as the browser runs it (the app's SocketIOProvider), for one document. */
export async function connectSocketIo(httpUrl: string, docName: string, token: string): Promise<BenchClient> {
  const provider = new SocketIOProvider({
    url: httpUrl,
    token,
    // Like a browser on a network that lets WebSockets through; no reconnection in a measurement.
    socketOptions: { transports: ['websocket'], reconnection: false, forceNew: true },
  });
  const session = provider.session(docName);
  session.retain();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = syncTimeout(docName, reject);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      provider.socket.once('connect_error', (error) => settle(error));
      const unsubscribe = session.subscribe(() => {
        const { synced, error } = session.getState();
        if (error) settle(new Error(`${error.code}: ${error.message}`));
        else if (synced) settle();
      });
    });
  } catch (error) {
    provider.destroy();
    throw error;
  }
  return {
    doc: session.doc,
    close() {
      provider.destroy();
    },
  };
}

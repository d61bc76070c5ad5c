/**
 * What a hostile or careless client does, with real sockets and nothing normalised on the way:
 * a raw HTTP request (fetch would resolve `%2e%2e`), a `ws` upgrade and a Socket.IO handshake with
 * whatever headers the test chooses, each answering what the server said.
 */
import { request } from 'node:http';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../../../server/auth/sessionToken.ts';
import { type JoinAck, PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { docMessageParser } from '../../../shared/socketParser.ts';

export const sessionCookie = (token: string) => `${SESSION_COOKIE}=${token}`;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with the path exactly as given. */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export type UpgradeResult = { opened: true } | { opened: false; status: number; body: string };

/** A WebSocket upgrade: opened (then closed again), or refused with the status and body. */
export function tryUpgrade(wsUrl: string, headers: Record<string, string> = {}): Promise<UpgradeResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers });
    ws.on('open', () => {
      ws.terminate();
      resolve({ opened: true });
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }));
    });
    ws.on('error', (error) => {
      // After `unexpected-response`, ws also reports an error; only a failure before it counts.
      if (!error.message.startsWith('Unexpected server response')) reject(error);
    });
  });
}

export type HandshakeResult =
  | { connected: true; join(docName: string): Promise<JoinAck> }
  | { connected: false; code: string; data: unknown };

export interface HandshakeOptions {
  headers?: Record<string, string>;
  token?: string;
  transport?: 'websocket' | 'polling';
}

/** A Socket.IO handshake (the connection is closed after the test's `join`, if any, by `closeAll`). */
export function tryHandshake(url: string, options: HandshakeOptions = {}): Promise<HandshakeResult> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { protocolVersion: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) },
    transports: [options.transport ?? 'websocket'],
    extraHeaders: options.headers ?? {},
    parser: docMessageParser,
    reconnection: false,
    forceNew: true,
  });
  openSockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () =>
      resolve({
        connected: true,
        join: (docName) =>
          new Promise((done) => socket.emit('doc:join', docName, (ack: JoinAck) => done(ack))),
      }),
    );
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      resolve({ connected: false, code: error.message, data: error.data });
    });
  });
}

const openSockets: Array<ReturnType<typeof io>> = [];

/** Closes every Socket.IO connection `tryHandshake` opened. */
export function closeAll(): void {
  for (const socket of openSockets.splice(0)) socket.close();
}

/** The error code in a `{ error: { code, message } }` body, or null when the body is not one. */
export function errorCode(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : null;
  } catch {
    return null;
  }
}

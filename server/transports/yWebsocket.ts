/**
 * The standard y-websocket endpoint, `/yjs/<docName>`: the stock `y-websocket` client, scripts and
 * other Yjs tools join the same documents as the browser, through the same authenticate and
 * authorize, with no custom code. One WebSocket per document, y-websocket 3 framing
 * (sync 0, awareness 1, auth 2, query awareness 3).
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { ErrorCode, errorResponse } from '../../shared/errors.ts';
import { MAX_DOC_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { Permission, Principal } from '../../shared/roles.ts';
import type { Authenticate } from '../auth/authenticate.ts';
import type { OriginCheck } from '../auth/origin.ts';
import type { Authorize } from '../docs/authorize.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { HubConnection } from '../docs/hubConnection.ts';
import { encodePermissionDenied } from '../docs/syncMessages.ts';
import type { Logger } from '../logger.ts';
import { writeBinaryFrame } from './websocketFrames.ts';

export const YJS_PATH_PREFIX = '/yjs/';
const SOCKET_IO_PATH_PREFIX = '/socket.io/';
/** A peer silent for two rounds is dropped: 4–8 s after its network died, so others see it leave within 10 s. */
export const PING_INTERVAL_MS = 4000;

export interface YWebsocketTransportDeps {
  httpServer: HttpServer;
  hub: DocHub;
  authenticate: Authenticate;
  /** A cookie-authenticated upgrade must come from one of our own origins. */
  checkOrigin: OriginCheck;
  authorize: Authorize;
  logger: Logger;
  pingIntervalMs?: number;
}

export interface YWebsocketTransport {
  wss: WebSocketServer;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.invalidPayload,
  401: ErrorCode.unauthenticated,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  500: ErrorCode.internal,
};

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorResponse(CODE_BY_STATUS[status] ?? ErrorCode.internal, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** `/yjs/meeting%3Aabc?token=…` → `meeting:abc`; null when the path is not ours or undecodable. */
function docNameFromUrl(url: string | undefined): string | null {
  const path = (url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(YJS_PATH_PREFIX)) return null;
  try {
    return decodeURIComponent(path.slice(YJS_PATH_PREFIX.length));
  } catch {
    return null;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

let nextConnectionNumber = 0;

export function attachYWebsocket(deps: YWebsocketTransportDeps): YWebsocketTransport {
  const { hub, authenticate, checkOrigin, authorize } = deps;
  const logger = deps.logger.child({ module: 'yWebsocket' });
  const wss = new WebSocketServer({
    noServer: true,
    // Relayed messages are written as pre-built frames next to ws (websocketFrames.ts), which is only
    // safe while ws never queues a frame of its own: no compression. (Yjs updates compress poorly.)
    perMessageDeflate: false,
    // ws closes the connection (1009) on anything larger; the stock client then reconnects and resyncs.
    maxPayload: MAX_DOC_MESSAGE_BYTES,
  });
  const alive = new WeakMap<WebSocket, boolean>();

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = request.url ?? '';
    if (path.startsWith(SOCKET_IO_PATH_PREFIX)) return; // Socket.IO answers its own upgrades.
    const docName = docNameFromUrl(path);
    if (docName === null) {
      // Socket.IO no longer destroys unanswered upgrades (destroyUpgrade: false), so we do.
      rejectUpgrade(socket, 404, 'No WebSocket endpoint here');
      return;
    }
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const authentication = authenticate(request);
    if (!authentication) {
      logger.info({ doc: docName }, 'upgrade refused: not signed in');
      rejectUpgrade(socket, 401, 'Sign in first');
      return;
    }
    const origin = checkOrigin(request, authentication.source);
    if (!origin.ok) {
      logger.warn({ doc: docName, user: authentication.principal.id }, origin.message);
      rejectUpgrade(socket, 403, origin.message);
      return;
    }
    const { principal } = authentication;
    const decision = await authorize(principal, docName);
    if (!decision.ok) {
      logger.info({ doc: docName, user: principal.id, code: decision.code }, 'upgrade refused');
      rejectUpgrade(socket, decision.code === ErrorCode.notFound ? 404 : 400, decision.message);
      return;
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) =>
      onConnection(ws, socket, docName, principal, decision.permission),
    );
  }

  /**
   * Dead peers (a laptop closed mid-meeting) never send a close frame: ping, and drop the silent.
   * One timer per connection, so the pings are spread over the interval: pinging every client in
   * one tick stalled the relay (docs/architecture.md, "Transports").
   */
  function pingUntilSilent(ws: WebSocket): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (alive.get(ws) === false) {
        ws.terminate();
        return;
      }
      alive.set(ws, false);
      ws.ping();
    }, deps.pingIntervalMs ?? PING_INTERVAL_MS);
    timer.unref();
    return timer;
  }

  function onConnection(
    ws: WebSocket,
    socket: Duplex,
    docName: string,
    principal: Principal,
    permission: Permission,
  ): void {
    const id = `ws-${++nextConnectionNumber}`;
    const log = logger.child({ conn: id, user: principal.id, doc: docName });
    alive.set(ws, true);
    const conn: HubConnection = {
      id,
      transport: 'websocket',
      principal,
      send: (_docName, message) => {
        // One frame built per relayed message, shared by every reader (instead of ws.send each).
        if (ws.readyState === ws.OPEN) writeBinaryFrame(socket, message);
      },
      bufferedBytes: () => ws.bufferedAmount,
      reportError: (_docName, code, message) => {
        // y-websocket has one standard refusal: the auth message, which the stock client reports
        // ("Permission denied …") while keeping the connection open. Other refusals are only logged:
        // the protocol has no error message, and closing would make the client reconnect in a loop.
        if (code === ErrorCode.forbidden && ws.readyState === ws.OPEN)
          ws.send(encodePermissionDenied(message));
      },
      close: (reason) => {
        // 1013 "try again later": the stock client reconnects and resyncs.
        ws.close(1013, reason.slice(0, 120));
      },
    };
    hub.connect(conn);
    ws.on('message', (data, isBinary) => {
      try {
        alive.set(ws, true);
        if (!isBinary) {
          log.info('text frame ignored: y-websocket messages are binary');
          return;
        }
        hub.receive(conn, docName, toBytes(data));
      } catch (error) {
        log.error({ err: error }, 'message handling failed');
      }
    });
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => log.debug({ err: error }, 'socket error'));
    const pingTimer = pingUntilSilent(ws);
    ws.on('close', () => {
      clearInterval(pingTimer);
      hub.disconnect(conn);
      log.debug('disconnected');
    });
    hub.join(conn, docName, permission).catch((error: unknown) => {
      log.error({ err: error }, 'join failed');
      ws.close(1011, 'The document could not be opened');
    });
  }

  const onUpgradeEvent = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'upgrade failed');
      rejectUpgrade(socket, 500, 'Internal error');
    });
  };
  deps.httpServer.on('upgrade', onUpgradeEvent);

  return {
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        deps.httpServer.off('upgrade', onUpgradeEvent);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

/**
 * The browser transport: Socket.IO (WebSocket, or HTTP long-polling behind proxies that break
 * WebSockets), many documents multiplexed on one connection per tab. It authenticates the handshake,
 * authorizes each join, checks every input's shape and hands y-protocols messages to the DocHub.
 */
import type { Server as HttpServer } from 'node:http';
import { Writable } from 'node:stream';
import { Server, type Socket } from 'socket.io';
import { ErrorCode, errorResponse } from '../../shared/errors.ts';
import {
  type ClientToServerEvents,
  type HandshakeAuth,
  type JoinAck,
  MAX_DOC_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  toUint8Array,
} from '../../shared/protocol.ts';
import type { Principal } from '../../shared/roles.ts';
import { compactDocMessage, docMessageParser } from '../../shared/socketParser.ts';
import type { Authenticate } from '../auth/authenticate.ts';
import type { Authorize } from '../docs/authorize.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { HubConnection } from '../docs/hubConnection.ts';
import type { Logger } from '../logger.ts';
import { binaryFrame, writeBinaryFrame } from './websocketFrames.ts';

/** Room for the Socket.IO framing around the largest accepted document message. */
const MAX_HTTP_BUFFER_SIZE = MAX_DOC_MESSAGE_BYTES + 64 * 1024;

interface SocketData {
  principal: Principal;
}

export type DocSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type DocSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface SocketIoTransportDeps {
  httpServer: HttpServer;
  hub: DocHub;
  authenticate: Authenticate;
  authorize: Authorize;
  logger: Logger;
}

/** A handshake refusal the client can read (`err.message` is the code, `err.data` the error body). */
function connectError(code: ErrorCode, message: string): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: errorResponse(code, message) });
}

/**
 * The parts of engine.io's socket this transport reads, none of them declared by engine.io: each is
 * checked before use, and a missing one only sends the message through engine.io's public path.
 */
interface EngineSocketState {
  readyState?: unknown;
  upgrading?: unknown;
  writeBuffer?: unknown;
  /** `socket` is the transport's `ws` WebSocket on WebSocket, `_socket` the TCP stream under it. */
  transport?: {
    name?: unknown;
    writable?: unknown;
    socket?: { bufferedAmount?: unknown; _socket?: unknown };
  };
}

const engineState = (socket: DocSocket) => socket.conn as unknown as EngineSocketState;

/** Bytes engine.io holds for this socket: its write buffer plus the WebSocket's unsent frames. */
function bufferedBytes(socket: DocSocket): number {
  const engineSocket = engineState(socket);
  let total = 0;
  if (Array.isArray(engineSocket.writeBuffer)) {
    for (const packet of engineSocket.writeBuffer as Array<{ data?: unknown }>) {
      const data = packet.data;
      if (typeof data === 'string') total += data.length;
      else if (data instanceof Uint8Array || data instanceof ArrayBuffer) total += data.byteLength;
    }
  }
  const ws = engineSocket.transport?.socket;
  if (ws && typeof ws.bufferedAmount === 'number') total += ws.bufferedAmount;
  return total;
}

/** engine.io's packet options, with the one it reads but does not declare. */
type PreEncodedSendOptions = NonNullable<Parameters<DocSocket['conn']['write']>[1]> & {
  wsPreEncodedFrame: Buffer[];
};

/**
 * The TCP stream under a Socket.IO connection, when a frame written straight onto it lands exactly
 * where engine.io's next one would: the connection is on WebSocket (not long-polling, not midway
 * through the upgrade) and engine.io holds nothing back (an empty write buffer, a transport not
 * waiting for its last write). `ws` writes engine.io's frames synchronously (no compression), so
 * everything engine.io sent before is already on the stream, ahead of ours. Otherwise null, and the
 * message goes through engine.io, which keeps the order.
 */
function idleWebSocketStream(socket: DocSocket): Writable | null {
  const engine = engineState(socket);
  const transport = engine.transport;
  if (engine.readyState !== 'open' || engine.upgrading !== false || transport?.name !== 'websocket')
    return null;
  if (transport.writable !== true || !Array.isArray(engine.writeBuffer) || engine.writeBuffer.length > 0) {
    return null;
  }
  const stream = transport.socket?._socket;
  return stream instanceof Writable ? stream : null;
}

/**
 * What `socket.emit('doc:message', docName, message)` sends, without its per-socket cost: the compact
 * chunk the parser would produce (built once per relayed message), framed once. On an idle WebSocket
 * the frame is written straight to the stream, one write per reader, as on `/yjs`: engine.io's own
 * send path (a packet object, its write buffer, events, a drain callback per write) cost about as
 * much per reader as the write itself, and a relay is 50 readers in a full meeting room. Otherwise
 * the chunk goes to the engine, with the same pre-built frame in `wsPreEncodedFrame` (the option
 * socket.io's own broadcasts use); long-polling ignores that and sends the chunk.
 */
export function sendDocMessage(socket: DocSocket, docName: string, message: Uint8Array): void {
  if (!socket.connected) return;
  const chunk = compactDocMessage(docName, message);
  const stream = idleWebSocketStream(socket);
  // writeBinaryFrame declines a stream that is closing; engine.io then decides what to do.
  if (stream && writeBinaryFrame(stream, chunk)) return;
  const options: PreEncodedSendOptions = { compress: false, wsPreEncodedFrame: [binaryFrame(chunk)] };
  socket.conn.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), options);
}

export function attachSocketIo(deps: SocketIoTransportDeps): DocSocketServer {
  const { hub, authenticate, authorize } = deps;
  const logger = deps.logger.child({ module: 'socketio' });
  const io: DocSocketServer = new Server(deps.httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_HTTP_BUFFER_SIZE,
    // The y-websocket endpoint answers its own upgrades; Socket.IO must not destroy them after 1 s.
    destroyUpgrade: false,
    // One binary frame per doc:message, encoded once however many sockets it is relayed to.
    parser: docMessageParser,
    // The default, stated because `sendDocMessage` depends on it: without compression `ws` writes
    // each of engine.io's frames at once, never queued behind one written straight to the stream.
    perMessageDeflate: false,
  });

  io.use((socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as Partial<HandshakeAuth>;
      if (auth.protocolVersion !== PROTOCOL_VERSION) {
        next(
          connectError(
            ErrorCode.unsupportedVersion,
            `This server speaks protocol ${PROTOCOL_VERSION}; reload the page to update the app`,
          ),
        );
        return;
      }
      const token = typeof auth.token === 'string' ? auth.token : undefined;
      const principal = authenticate(socket.request, token);
      if (!principal) {
        next(connectError(ErrorCode.unauthenticated, 'Sign in first'));
        return;
      }
      socket.data.principal = principal;
      next();
    } catch (error) {
      logger.error({ err: error }, 'handshake failed');
      next(connectError(ErrorCode.internal, 'Internal error'));
    }
  });

  io.on('connection', (socket) => onConnection(socket));

  function onConnection(socket: DocSocket): void {
    const principal = socket.data.principal;
    const log = logger.child({ conn: socket.id, user: principal.id });
    const conn: HubConnection = {
      id: socket.id,
      transport: 'socketio',
      principal,
      send: (docName, message) => sendDocMessage(socket, docName, message),
      bufferedBytes: () => bufferedBytes(socket),
      reportError: (docName, code, message) => {
        socket.emit('doc:error', { docName, ...errorResponse(code, message) });
      },
      close: (reason) => {
        log.info({ reason }, 'closing connection');
        socket.disconnect(true);
      },
    };
    hub.connect(conn);
    log.debug('connected');

    /** Joins in progress: messages for these documents wait for the join instead of being refused. */
    const joining = new Map<string, Promise<unknown>>();

    const reportError = (docName: string | null, code: ErrorCode, message: string) => {
      log.info({ doc: docName, code }, message);
      socket.emit('doc:error', { docName, ...errorResponse(code, message) });
    };

    /** Nothing a client sends may crash the process or stop the server serving everyone else. */
    const guarded =
      <Args extends unknown[]>(event: string, handler: (...args: Args) => void | Promise<void>) =>
      (...args: Args) => {
        try {
          const result = handler(...args);
          if (result instanceof Promise) {
            result.catch((error: unknown) => {
              log.error({ err: error, event }, 'handler failed');
            });
          }
        } catch (error) {
          log.error({ err: error, event }, 'handler failed');
        }
      };

    socket.on(
      'doc:join',
      guarded('doc:join', async (docName: unknown, ack: unknown) => {
        const reply = (result: JoinAck) => {
          if (typeof ack === 'function') ack(result);
        };
        if (typeof docName !== 'string') {
          reportError(null, ErrorCode.invalidPayload, 'doc:join needs a document name');
          reply(errorResponse(ErrorCode.invalidPayload, 'doc:join needs a document name'));
          return;
        }
        const attempt = (async () => {
          const decision = await authorize(principal, docName);
          if (!decision.ok) {
            log.info({ doc: docName, code: decision.code }, 'join refused');
            reply(errorResponse(decision.code, decision.message));
            return;
          }
          try {
            await hub.join(conn, docName, decision.permission, () =>
              reply({ ok: true, permission: decision.permission }),
            );
            log.debug({ doc: docName, permission: decision.permission }, 'joined');
          } catch (error) {
            log.error({ err: error, doc: docName }, 'join failed');
            reply(errorResponse(ErrorCode.internal, 'The document could not be opened'));
          }
        })();
        joining.set(docName, attempt);
        try {
          await attempt;
        } finally {
          if (joining.get(docName) === attempt) joining.delete(docName);
        }
      }),
    );

    socket.on(
      'doc:leave',
      guarded('doc:leave', (docName: unknown) => {
        if (typeof docName !== 'string') {
          reportError(null, ErrorCode.invalidPayload, 'doc:leave needs a document name');
          return;
        }
        hub.leave(conn, docName);
      }),
    );

    socket.on(
      'doc:message',
      guarded('doc:message', async (docName: unknown, payload: unknown) => {
        if (typeof docName !== 'string') {
          reportError(null, ErrorCode.invalidPayload, 'doc:message needs a document name');
          return;
        }
        const data = toUint8Array(payload);
        if (!data) {
          reportError(docName, ErrorCode.invalidPayload, 'doc:message payload must be binary');
          return;
        }
        // A client may send its sync step 1 right after emitting doc:join, before the ack.
        const pendingJoin = joining.get(docName);
        if (pendingJoin) await pendingJoin;
        // The hub refuses messages for documents this socket has not joined, naming `not_joined`.
        hub.receive(conn, docName, data);
      }),
    );

    // A packet the parser cannot decode (e.g. a malformed compact doc:message frame): socket.io
    // closes this connection only; the log says why. socket.io also delivers a client's own event
    // named "error" here (with whatever it sent); that closes nothing and is only noted.
    socket.on('error', (error: unknown) => {
      if (error instanceof Error) log.warn({ err: error }, 'undecodable packet; connection closed');
      else log.info('client emitted an event named "error"; ignored');
    });

    socket.on('disconnect', (reason) => {
      hub.disconnect(conn);
      log.debug({ reason }, 'disconnected');
    });
  }

  return io;
}

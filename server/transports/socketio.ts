/**
 * The browser transport: Socket.IO (WebSocket, or HTTP long-polling behind proxies that break
 * WebSockets), many documents multiplexed on one connection per tab. It authenticates the handshake,
 * authorizes each join, checks every input's shape and hands y-protocols messages to the DocHub.
 */
import type { Server as HttpServer } from 'node:http';
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
import { docMessageParser, encodeDocMessage } from '../../shared/socketParser.ts';
import type { Authenticate } from '../auth/authenticate.ts';
import type { OriginCheck } from '../auth/origin.ts';
import type { Authorize } from '../docs/authorize.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { HubConnection } from '../docs/hubConnection.ts';
import type { LedgerCommands } from '../ledger/ledgerCommands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingCommands } from '../meetings/commands.ts';
import { attachCommands } from '../meetings/socketCommands.ts';

/** Room for the Socket.IO framing around the largest accepted document message. */
const MAX_HTTP_BUFFER_SIZE = MAX_DOC_MESSAGE_BYTES + 64 * 1024;

/** How often the server pings, and how long it waits for the pong (sent to clients at the handshake). */
export interface SocketIoHeartbeat {
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

/**
 * A dead network is noticed within interval + timeout (4.5 s) on both ends: the server drops the
 * connection (and its presence), the client shows Offline. socket.io's defaults took about 45 s.
 */
export const DEFAULT_SOCKET_IO_HEARTBEAT: SocketIoHeartbeat = { pingIntervalMs: 2000, pingTimeoutMs: 2500 };

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
  /** A cookie-authenticated handshake must come from one of our own origins. */
  checkOrigin: OriginCheck;
  authorize: Authorize;
  logger: Logger;
  /** The `meeting:*` command events; absent, the transport serves documents only. */
  meetingCommands?: MeetingCommands;
  /** The `commitment:*` command events. */
  ledgerCommands?: LedgerCommands;
  /** Tests may shorten or lengthen it; production uses `DEFAULT_SOCKET_IO_HEARTBEAT`. */
  heartbeat?: SocketIoHeartbeat;
}

/** A handshake refusal the client can read (`err.message` is the code, `err.data` the error body). */
function connectError(code: ErrorCode, message: string): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: errorResponse(code, message) });
}

/** What the hub needs to send to one socket: the message, and how much of it is still unsent. */
export interface DocMessageSender {
  send(docName: string, message: Uint8Array): void;
  /** Bytes handed to engine.io for this socket whose write has not completed yet. */
  bufferedBytes(): number;
}

/** Engine.io writes need no compression: Yjs updates compress poorly (see `perMessageDeflate`). */
const WRITE_OPTIONS = { compress: false };

/** The frame of the message being relayed: the hub hands each reader the same message in turn. */
let lastRelayed: { docName: string; message: Uint8Array; frame: Buffer } | null = null;

function relayFrame(docName: string, message: Uint8Array): Buffer {
  if (lastRelayed?.message === message && lastRelayed.docName === docName) return lastRelayed.frame;
  const chunk = encodeDocMessage(docName, message);
  const frame = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  lastRelayed = { docName, message, frame };
  return frame;
}

/**
 * Sends relayed document messages through engine.io's public `write`, as the compact frame the
 * parser would produce (built once per relayed message, shared by every reader), and counts the
 * bytes until engine.io's write callback says the transport has written them: that count is the
 * hub's backpressure signal, with no reads of engine.io's private state.
 */
export function createDocMessageSender(socket: DocSocket): DocMessageSender {
  let pending = 0;
  // engine.io runs write callbacks in the order of the writes, so one callback and a queue of sizes do.
  const unsentSizes: number[] = [];
  const onWritten = () => {
    pending -= unsentSizes.shift() ?? 0;
  };
  return {
    send(docName, message) {
      if (!socket.connected) return;
      const frame = relayFrame(docName, message);
      pending += frame.byteLength;
      unsentSizes.push(frame.byteLength);
      // engine.io skips packets (and their callbacks) once closing; the socket is gone by then.
      socket.conn.write(frame, WRITE_OPTIONS, onWritten);
    },
    bufferedBytes: () => pending,
  };
}

export function attachSocketIo(deps: SocketIoTransportDeps): DocSocketServer {
  const { hub, authenticate, checkOrigin, authorize } = deps;
  const logger = deps.logger.child({ module: 'socketio' });
  const heartbeat = deps.heartbeat ?? DEFAULT_SOCKET_IO_HEARTBEAT;
  const io: DocSocketServer = new Server(deps.httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_HTTP_BUFFER_SIZE,
    // The y-websocket endpoint answers its own upgrades; Socket.IO must not destroy them after 1 s.
    destroyUpgrade: false,
    // One binary frame per doc:message, encoded once however many sockets it is relayed to.
    parser: docMessageParser,
    // Yjs updates compress poorly; deflating each relayed copy would cost CPU per reader.
    perMessageDeflate: false,
    pingInterval: heartbeat.pingIntervalMs,
    pingTimeout: heartbeat.pingTimeoutMs,
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
      const authentication = authenticate(socket.request, token);
      if (!authentication) {
        next(connectError(ErrorCode.unauthenticated, 'Sign in first'));
        return;
      }
      const origin = checkOrigin(socket.request, authentication.source);
      if (!origin.ok) {
        logger.warn({ user: authentication.principal.id }, origin.message);
        next(connectError(ErrorCode.forbidden, origin.message));
        return;
      }
      socket.data.principal = authentication.principal;
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
    const sender = createDocMessageSender(socket);
    const conn: HubConnection = {
      id: socket.id,
      transport: 'socketio',
      principal,
      send: sender.send,
      bufferedBytes: sender.bufferedBytes,
      reportError: (docName, code, message) => {
        socket.emit('doc:error', { docName, ...errorResponse(code, message) });
      },
      close: (reason) => {
        log.info({ reason }, 'closing connection');
        // Closing the engine connection, not `socket.disconnect(true)`: the client sees a transport
        // close and reconnects (and resyncs); a server disconnect would keep it offline for good.
        socket.conn.close();
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

    if (deps.meetingCommands)
      attachCommands(
        socket,
        principal,
        { meetingCommands: deps.meetingCommands, ledgerCommands: deps.ledgerCommands },
        log,
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
      guarded('doc:message', (docName: unknown, payload: unknown) => {
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
        if (pendingJoin) return pendingJoin.then(() => hub.receive(conn, docName, data));
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

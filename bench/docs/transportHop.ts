/**
 * `npm run bench:hop`: what one document message costs the transport stack itself, with no Yjs, no
 * storage and no hub. A client sends a 64-byte binary message and the server writes it back; the
 * next message leaves once the echo has arrived. Client and server share this one thread, so a
 * round trip's time is the CPU of both ends' libraries (plus the loopback syscalls):
 *
 * - raw WebSocket: `ws` on both ends, what the reference y-websocket server and its clients run on;
 * - Socket.IO: socket.io-client emitting `doc:message` with the app's parser, the server's
 *   `doc:message` handler answering through `createDocMessageSender`, as the app relays.
 *
 * The clients are spread over `--sockets=N` connections (default 300, one load thread's share in
 * `npm run bench`'s many rooms), used in turn, so that each message finds its socket's state cold,
 * as it does under load. The ratio is the Socket.IO row / the raw row.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io } from 'socket.io-client';
import WebSocket, { WebSocketServer } from 'ws';
import { createDocMessageSender, type DocSocketServer } from '../../server/transports/socketio.ts';
import { toUint8Array } from '../../shared/protocol.ts';
import { docMessageParser } from '../../shared/socketParser.ts';
import { argument } from '../cli.ts';
import { formatMs, median, summarize } from '../stats.ts';

const SOCKETS = Number(argument('sockets') ?? 300);
const ROUND_TRIPS = Number(argument('trips') ?? 20_000);
/** Not measured: the JIT compiling both ends' paths. */
const WARM_UP_TRIPS = 2_000;
const ROUNDS = Number(argument('rounds') ?? 3);
const DOC_NAME = 'meeting:0123456789abcdef0123456789abcdef';
const payload = new Uint8Array(64).fill(3);

interface Echo {
  /** Sends one message on the i-th connection; `onEcho` runs when its echo arrives. */
  send(index: number): void;
  onEcho(handler: () => void): void;
  close(): Promise<void>;
}

async function listen(server: HttpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function rawEcho(): Promise<Echo> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (data: Buffer) => ws.send(data)));
  const port = await listen(http);
  const clients: WebSocket[] = [];
  for (let index = 0; index < SOCKETS; index++) {
    const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    client.binaryType = 'arraybuffer';
    await new Promise((resolve) => client.once('open', resolve));
    clients.push(client);
  }
  return {
    send: (index) => clients[index % SOCKETS]?.send(payload),
    onEcho: (handler) => {
      for (const client of clients) client.on('message', handler);
    },
    async close() {
      for (const client of clients) client.close();
      wss.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

async function socketIoEcho(): Promise<Echo> {
  const http = createServer();
  const server: DocSocketServer = new Server(http, { parser: docMessageParser, perMessageDeflate: false });
  server.on('connection', (socket) => {
    const sender = createDocMessageSender(socket);
    socket.on('doc:message', (docName: unknown, data: unknown) => {
      const message = toUint8Array(data);
      if (typeof docName === 'string' && message) sender.send(docName, message);
    });
  });
  const port = await listen(http);
  const clients: ClientSocket[] = [];
  for (let index = 0; index < SOCKETS; index++) {
    const client = io(`http://127.0.0.1:${port}`, {
      parser: docMessageParser,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    clients.push(client);
  }
  return {
    send: (index) => clients[index % SOCKETS]?.emit('doc:message', DOC_NAME, payload),
    onEcho: (handler) => {
      for (const client of clients) client.on('doc:message', handler);
    },
    async close() {
      for (const client of clients) client.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Round-trip times in ms, one after another, each started on the next turn of the event loop. */
async function roundTrips(echo: Echo): Promise<number[]> {
  const times: number[] = [];
  let sent = 0;
  let sentAt = 0;
  await new Promise<void>((resolve) => {
    const next = () => {
      if (sent === WARM_UP_TRIPS + ROUND_TRIPS) return resolve();
      sentAt = performance.now();
      echo.send(sent++);
    };
    echo.onEcho(() => {
      if (sent > WARM_UP_TRIPS) times.push(performance.now() - sentAt);
      setImmediate(next);
    });
    next();
  });
  await echo.close();
  return times;
}

const micros = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

console.log(
  `Transport round trip: ${ROUND_TRIPS} messages of ${payload.length} bytes over ${SOCKETS} connections, client and server in one thread`,
);
const p50s: { raw: number[]; socketIo: number[] } = { raw: [], socketIo: [] };
for (let round = 1; round <= ROUNDS; round++) {
  // Alternating order, so that neither always runs on a warmer process.
  const order = round % 2 === 1 ? (['raw', 'socketIo'] as const) : (['socketIo', 'raw'] as const);
  for (const row of order) {
    const times = await roundTrips(row === 'raw' ? await rawEcho() : await socketIoEcho());
    const summary = summarize(times);
    p50s[row].push(summary.p50);
    const name = row === 'raw' ? 'raw WebSocket (ws)' : 'Socket.IO (app parser)';
    console.log(
      `  #${round} ${name.padEnd(24)} p50 ${micros(summary.p50)}  p99 ${micros(summary.p99)}  max ${formatMs(summary.max)}`,
    );
  }
}
const raw = median(p50s.raw);
const socketIo = median(p50s.socketIo);
console.log(
  `  median p50: raw ${micros(raw)}, Socket.IO ${micros(socketIo)}: Socket.IO adds ${micros(socketIo - raw)} per round trip (ratio ${(socketIo / raw).toFixed(2)})`,
);
process.exit(0);

/**
 * How the Socket.IO transport sends a relayed document message (`createDocMessageSender`): through
 * engine.io's public `write`, in order with every other packet, on WebSocket and long-polling; and
 * how many of its bytes are still unsent, which is the hub's backpressure signal. A real Socket.IO
 * server and client with the app's parser, on port 0; a slow client is a frozen TCP proxy.
 */
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createDocMessageSender,
  type DocMessageSender,
  type DocSocket,
} from '../../../server/transports/socketio.ts';
import { ErrorCode, errorResponse } from '../../../shared/errors.ts';
import { toUint8Array } from '../../../shared/protocol.ts';
import { docMessageParser, encodeDocMessage } from '../../../shared/socketParser.ts';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

type Transport = 'websocket' | 'polling';

interface Harness {
  serverSocket: DocSocket;
  sender: DocMessageSender;
  client: ClientSocket;
  /** What the client received, in order: `error:<message>` or `message:<docName>:<bytes (or size)>`. */
  received: string[];
  /** Message packets engine.io created on the server for this connection. */
  enginePackets: () => number;
  /** Their data, in order: what engine.io was handed to write. */
  enginePacketData: unknown[];
}

describe('sending document messages over Socket.IO', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function connect(
    transport: Transport,
    through?: (port: number) => Promise<TcpProxy>,
  ): Promise<Harness> {
    const httpServer: HttpServer = createServer();
    const ioServer = new Server(httpServer, { parser: docMessageParser, perMessageDeflate: false });
    cleanups.push(() => new Promise<void>((resolve) => ioServer.close(() => resolve())));
    httpServer.listen(0, '127.0.0.1');
    await once(httpServer, 'listening');
    const { port } = httpServer.address() as AddressInfo;
    const proxy = through ? await through(port) : null;
    if (proxy) cleanups.push(() => proxy.close());
    const connected = once(ioServer, 'connection') as Promise<[DocSocket]>;
    const client = io(proxy?.url ?? `http://127.0.0.1:${port}`, {
      parser: docMessageParser,
      transports: [transport],
      reconnection: false,
      forceNew: true,
    });
    cleanups.push(() => {
      client.close();
    });
    const [serverSocket] = await connected;
    if (!client.connected) await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const received: string[] = [];
    client.on('doc:error', (event: { error: { message: string } }) =>
      received.push(`error:${event.error.message}`),
    );
    client.on('doc:message', (docName: string, payload: unknown) => {
      const bytes = toUint8Array(payload) ?? new Uint8Array();
      received.push(`message:${docName}:${bytes.length > 16 ? `${bytes.length} bytes` : bytes.join(',')}`);
    });
    const enginePacketData: unknown[] = [];
    serverSocket.conn.on('packetCreate', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message') enginePacketData.push(packet.data);
    });
    return {
      serverSocket,
      sender: createDocMessageSender(serverSocket),
      client,
      received,
      enginePackets: () => enginePacketData.length,
      enginePacketData,
    };
  }

  const docError = (message: string) => ({
    docName: 'meeting:a',
    ...errorResponse(ErrorCode.internal, message),
  });

  test.each(['websocket', 'polling'] as const)(
    'over %s, messages go through engine.io in order with the other packets and arrive intact',
    async (transport) => {
      const { serverSocket, sender, received, enginePackets } = await connect(transport);
      serverSocket.emit('doc:error', docError('first'));
      sender.send('meeting:a', new Uint8Array([0, 2, 7, 9]));
      serverSocket.emit('doc:error', docError('second'));
      sender.send('meeting:b', new Uint8Array([1, 3]));
      await waitFor(() => received.length === 4, 'every packet');
      expect(received).toEqual([
        'error:first',
        'message:meeting:a:0,2,7,9',
        'error:second',
        'message:meeting:b:1,3',
      ]);
      // One engine.io packet per message: nothing written past engine.io onto its stream.
      expect(enginePackets()).toBe(4);
    },
  );

  test('a message relayed to several sockets is framed once; another message or document gets its own frame', async () => {
    const first = await connect('websocket');
    const second = await connect('websocket');
    const message = new Uint8Array([0, 2, 5, 5]);
    first.sender.send('meeting:a', message);
    second.sender.send('meeting:a', message);
    const sameBytesOtherMessage = message.slice();
    second.sender.send('meeting:a', sameBytesOtherMessage);
    second.sender.send('meeting:b', sameBytesOtherMessage);
    const [toFirst] = first.enginePacketData;
    const [toSecond, otherMessage, otherDocument] = second.enginePacketData;
    expect(toSecond).toBe(toFirst);
    expect(toFirst).toEqual(Buffer.from(encodeDocMessage('meeting:a', message)));
    expect(otherMessage).not.toBe(toFirst);
    expect(otherMessage).toEqual(toFirst);
    expect(otherDocument).toEqual(Buffer.from(encodeDocMessage('meeting:b', message)));
    await waitFor(() => second.received.length === 3, 'every message');
    expect(second.received).toEqual([
      'message:meeting:a:0,2,5,5',
      'message:meeting:a:0,2,5,5',
      'message:meeting:b:0,2,5,5',
    ]);
  });

  test('the buffered count holds what is unsent, and falls back to zero once written', async () => {
    const { sender, received } = await connect('websocket');
    const message = new Uint8Array([0, 2, 1, 1]);
    sender.send('meeting:a', message);
    // Nothing is written before the event loop turns: the whole frame counts as buffered.
    expect(sender.bufferedBytes()).toBe(encodeDocMessage('meeting:a', message).byteLength);
    await waitFor(() => received.length === 1, 'the message');
    await waitFor(() => sender.bufferedBytes() === 0, 'the write callback');
  });

  test('a client that stops reading makes the count grow; it drains when the client reads again', async () => {
    let proxy: TcpProxy | null = null;
    const { sender, received } = await connect('websocket', async (port) => {
      proxy = await startTcpProxy(port);
      return proxy;
    });
    if (!proxy) throw new Error('no proxy');
    const frozen: TcpProxy = proxy;
    frozen.freeze();
    const payload = new Uint8Array(256 * 1024).fill(7);
    const messages = 64; // 16 MiB: more than the kernel's socket buffers on both sides hold.
    for (let index = 0; index < messages; index++) {
      sender.send('meeting:a', payload.slice());
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Let every write that can complete complete: what is left is really stuck.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stuck = sender.bufferedBytes();
    expect(stuck).toBeGreaterThan(4 * 1024 * 1024);
    expect(stuck).toBeLessThanOrEqual(messages * (payload.length + 16));
    frozen.thaw();
    await waitFor(() => received.length === messages, 'every message after the thaw', 30_000);
    expect(new Set(received)).toEqual(new Set([`message:meeting:a:${payload.length} bytes`]));
    await waitFor(() => sender.bufferedBytes() === 0, 'the count back to zero');
  });
});

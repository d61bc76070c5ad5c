/**
 * How the Socket.IO transport sends a relayed document message (`sendDocMessage`): on an idle
 * WebSocket straight onto the stream, past engine.io's per-packet bookkeeping; whenever engine.io
 * still holds packets back, through engine.io, so that nothing overtakes them; on long-polling
 * through engine.io. A real Socket.IO server and client with the app's parser, on port 0.
 */
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { type DocSocket, sendDocMessage } from '../../../server/transports/socketio.ts';
import { ErrorCode, errorResponse } from '../../../shared/errors.ts';
import { toUint8Array } from '../../../shared/protocol.ts';
import { docMessageParser } from '../../../shared/socketParser.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

type Transport = 'websocket' | 'polling';

interface Harness {
  serverSocket: DocSocket;
  client: ClientSocket;
  /** What the client received, in order: `error:<message>` or `message:<docName>:<bytes>`. */
  received: string[];
  /** Message packets engine.io created on the server for this connection. */
  enginePackets: () => number;
}

describe('sending document messages over Socket.IO', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function connect(transport: Transport): Promise<Harness> {
    const httpServer: HttpServer = createServer();
    const ioServer = new Server(httpServer, { parser: docMessageParser, perMessageDeflate: false });
    cleanups.push(() => new Promise<void>((resolve) => ioServer.close(() => resolve())));
    httpServer.listen(0, '127.0.0.1');
    await once(httpServer, 'listening');
    const { port } = httpServer.address() as AddressInfo;
    const connected = once(ioServer, 'connection') as Promise<[DocSocket]>;
    const client = io(`http://127.0.0.1:${port}`, {
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
    client.on('doc:message', (docName: string, payload: unknown) =>
      received.push(`message:${docName}:${[...(toUint8Array(payload) ?? [])].join(',')}`),
    );
    let packets = 0;
    serverSocket.conn.on('packetCreate', (packet: { type: string }) => {
      if (packet.type === 'message') packets++;
    });
    // Let engine.io finish the writes of the handshake, so that the connection starts idle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { serverSocket, client, received, enginePackets: () => packets };
  }

  const docError = (message: string) => ({
    docName: 'meeting:a',
    ...errorResponse(ErrorCode.internal, message),
  });

  test('on an idle WebSocket a message goes straight onto the stream, and arrives intact', async () => {
    const { serverSocket, received, enginePackets } = await connect('websocket');
    sendDocMessage(serverSocket, 'meeting:a', new Uint8Array([0, 2, 7, 9]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    sendDocMessage(serverSocket, 'meeting:b', new Uint8Array([1, 3]));
    await waitFor(() => received.length === 2, 'both messages');
    expect(received).toEqual(['message:meeting:a:0,2,7,9', 'message:meeting:b:1,3']);
    expect(enginePackets()).toBe(0);
  });

  test('a message never overtakes packets engine.io is still holding back', async () => {
    const { serverSocket, received, enginePackets } = await connect('websocket');
    // The first emit is written at once; the second waits in engine.io's buffer for that write.
    serverSocket.emit('doc:error', docError('first'));
    serverSocket.emit('doc:error', docError('second'));
    sendDocMessage(serverSocket, 'meeting:a', new Uint8Array([0, 1]));
    sendDocMessage(serverSocket, 'meeting:a', new Uint8Array([0, 2]));
    await waitFor(() => received.length === 4, 'every packet');
    expect(received).toEqual([
      'error:first',
      'error:second',
      'message:meeting:a:0,1',
      'message:meeting:a:0,2',
    ]);
    expect(enginePackets()).toBe(4);
  });

  test('over long-polling messages go through engine.io', async () => {
    const { serverSocket, received, enginePackets } = await connect('polling');
    sendDocMessage(serverSocket, 'meeting:a', new Uint8Array([0, 5]));
    await waitFor(() => received.length === 1, 'the message');
    expect(received).toEqual(['message:meeting:a:0,5']);
    expect(enginePackets()).toBe(1);
  });
});

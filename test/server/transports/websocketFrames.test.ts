import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  binaryFrame,
  encodeBinaryFrame,
  writeBinaryFrame,
} from '../../../server/transports/websocketFrames.ts';

const payloadOf = (length: number): Uint8Array =>
  Uint8Array.from({ length }, (_, index) => (index * 31) % 256);

/** A real ws server whose connections hand us the upgraded socket, and a real ws client. */
async function connectedPair(): Promise<{
  server: Server;
  socket: Duplex;
  peer: WebSocket;
  client: WebSocket;
}> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const accepted = new Promise<{ socket: Duplex; peer: WebSocket }>((resolve) => {
    server.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (peer) => resolve({ socket, peer }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.binaryType = 'nodebuffer';
  await new Promise((resolve, reject) => {
    client.once('open', resolve);
    client.once('error', reject);
  });
  const { socket, peer } = await accepted;
  return { server, socket, peer, client };
}

describe('pre-built binary WebSocket frames', () => {
  let server: Server | undefined;
  let sockets: Duplex[] = [];
  afterEach(async () => {
    // Upgraded sockets are no longer the HTTP server's: end them ourselves.
    for (const socket of sockets) socket.destroy();
    sockets = [];
    const closing = server;
    server = undefined;
    if (closing) await new Promise((resolve) => closing.close(resolve));
  });

  test('a stock ws client reads every length class intact, in order with ws frames', async () => {
    const pair = await connectedPair();
    server = pair.server;
    sockets.push(pair.socket);
    // Lengths around each header size: 7-bit, 16-bit and 64-bit lengths.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const received: Array<{ binary: boolean; data: Buffer }> = [];
    const all = new Promise<void>((resolve) => {
      pair.client.on('message', (data, isBinary) => {
        received.push({ binary: isBinary, data: data as Buffer });
        if (received.length === lengths.length + 2) resolve();
      });
    });
    writeBinaryFrame(pair.socket, payloadOf(lengths[0] as number));
    // ws's own frames in between must stay whole and in order.
    pair.peer.send('from ws');
    for (const length of lengths.slice(1)) writeBinaryFrame(pair.socket, payloadOf(length));
    pair.peer.send(Buffer.from([9, 9, 9]));
    await all;

    expect(received.map((message) => message.binary)).toEqual([
      true,
      false,
      ...lengths.slice(1).map(() => true),
      true,
    ]);
    expect(received[1]?.data.toString()).toBe('from ws');
    const framed = [received[0], ...received.slice(2, -1)];
    for (const [index, length] of lengths.entries()) {
      expect(framed[index]?.data.equals(Buffer.from(payloadOf(length)))).toBe(true);
    }
    expect(received.at(-1)?.data.equals(Buffer.from([9, 9, 9]))).toBe(true);
  });

  test('nothing is written to a socket that is gone', async () => {
    const pair = await connectedPair();
    server = pair.server;
    sockets.push(pair.socket);
    pair.socket.destroy();
    expect(writeBinaryFrame(pair.socket, payloadOf(3))).toBe(false);
  });

  test('one message is framed once, however many sockets it goes to', () => {
    const message = payloadOf(40);
    expect(binaryFrame(message)).toBe(binaryFrame(message));
    expect(binaryFrame(payloadOf(40))).not.toBe(binaryFrame(message));
    expect(binaryFrame(message).equals(encodeBinaryFrame(message))).toBe(true);
    // FIN + binary opcode, unmasked 7-bit length.
    expect([...encodeBinaryFrame(message).subarray(0, 2)]).toEqual([0x82, 40]);
  });
});

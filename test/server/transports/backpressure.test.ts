import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { createMeetingDoc, SocketIoDocClient, sharedNotes, waitFor } from '../../helpers/yjsClients.ts';

describe('backpressure', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // Only the buffer limit may drop a stalled peer, never a heartbeat (a stalled peer answers no
    // ping, and under load the heartbeat can come first).
    server = await startTestServer({
      deps: {
        docs: { maxBufferedBytes: 1024 * 1024 },
        heartbeat: { socketIo: { pingIntervalMs: 60_000, pingTimeoutMs: 60_000 }, yjsPingIntervalMs: 60_000 },
      },
    });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterAll(() => server.close());

  const backpressureDrops = async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/statroom_doc_backpressure_disconnects_total (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  test('a reader that stops reading is dropped instead of growing server memory', {
    timeout: 120_000,
  }, async () => {
    const docName = await createMeetingDoc(server.url, token);
    // A raw y-websocket peer that never reads: its socket is paused right after the upgrade.
    const stalled = new WebSocket(`ws://127.0.0.1:${server.port}/yjs/${docName}?token=${token}`);
    await new Promise((resolve) => stalled.once('open', resolve));
    let closeCode: number | null = null;
    stalled.once('close', (code) => {
      closeCode = code;
    });
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();

    const writerClient = await SocketIoDocClient.connect(server.url, { token });
    const readerClient = await SocketIoDocClient.connect(server.url, { token });
    const writer = await writerClient.joinSynced(docName);
    const reader = await readerClient.joinSynced(docName);
    const chunk = 'x'.repeat(100 * 1024);
    const notes = await sharedNotes(writer.doc, [reader.doc]);
    const stalledConnected = () => server.app.hub.connectionCounts().get('websocket') === 1;
    let sent = 0;
    // Write until the server gives up on the stalled peer (bounded, in case it never does).
    while (stalledConnected() && sent < 400) {
      notes.text.insert(notes.text.length, chunk);
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The reader that does read gets everything; the stalled one is gone.
    await waitFor(() => notes.textOf(reader.doc).length === sent * chunk.length, 'reader caught up', 60_000);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/statroom_doc_backpressure_disconnects_total [1-9]/);
    expect(metrics).toMatch(/statroom_doc_connections\{transport="websocket"\} 0/);
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor(() => closeCode !== null, 'stalled socket closed');
    expect(closeCode).toBe(1013);
    expect(sent).toBeLessThan(400);
    writerClient.close();
    readerClient.close();
  });

  test('a Socket.IO reader that stops reading is dropped too', { timeout: 120_000 }, async () => {
    const docName = await createMeetingDoc(server.url, token);
    const stalledClient = await SocketIoDocClient.connect(server.url, { token });
    await stalledClient.joinSynced(docName);
    // Relays to Socket.IO readers bypass socket.emit (pre-built frames straight to the engine); the
    // hub must still see the bytes pile up. Pause the TCP socket under the client's WebSocket.
    const engine = stalledClient.socket.io.engine as unknown as {
      transport: { ws: { _socket: { pause(): void; resume(): void } } };
    };
    const tcp = engine.transport.ws._socket;
    tcp.pause();
    let disconnected = false;
    stalledClient.socket.on('disconnect', () => {
      disconnected = true;
    });

    const writerClient = await SocketIoDocClient.connect(server.url, { token });
    const writer = await writerClient.joinSynced(docName);
    const dropsBefore = await backpressureDrops();
    const chunk = 'y'.repeat(100 * 1024);
    // The stalled client cannot receive the item: nobody waits for it.
    const notes = (await sharedNotes(writer.doc)).text;
    const socketIoConnections = () => server.app.hub.connectionCounts().get('socketio') ?? 0;
    let sent = 0;
    while (socketIoConnections() === 2 && sent < 400) {
      notes.insert(notes.length, chunk);
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sent).toBeLessThan(400);
    expect(socketIoConnections()).toBe(1);
    expect(await backpressureDrops()).toBe(dropsBefore + 1);
    tcp.resume();
    await waitFor(() => disconnected, 'stalled client told it was disconnected');
    writerClient.close();
    stalledClient.close();
  });
});

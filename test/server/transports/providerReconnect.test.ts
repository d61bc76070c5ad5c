/**
 * The browser's provider (client/src/yjs/SocketIOProvider.ts) always comes back: after a server-side
 * disconnect, which socket.io-client alone never retries, and at once when the browser says the
 * network is back, whatever socket.io-client's backoff says. It shows Offline the moment the browser
 * says the network is gone. The browser's `online`/`offline` events come from a real `EventTarget`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, test } from 'vitest';
import { type DocSession, SocketIOProvider } from '../../../client/src/yjs/SocketIOProvider.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { docMessageParser } from '../../../shared/socketParser.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.ts';
import { createMeetingDoc, sleep, waitFor } from '../../helpers/yjsClients.ts';

/** A backoff far longer than the test waits: only an immediate attempt can pass. */
const SLOW_BACKOFF = { reconnectionDelay: 20_000, reconnectionDelayMax: 20_000, randomizationFactor: 0 };

const titles = (session: DocSession) => readAgenda(session.doc).map((item) => item.title);

describe('the provider comes back by itself', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function appServer(): Promise<TestServer> {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    return server;
  }

  function provider(url: string, token?: string, options: { network?: EventTarget; slow?: boolean } = {}) {
    const created = new SocketIOProvider({
      url,
      ...(token ? { token } : {}),
      ...(options.network ? { network: options.network } : {}),
      socketOptions: {
        transports: ['websocket'],
        ...(options.slow ? SLOW_BACKOFF : { reconnectionDelay: 50, reconnectionDelayMax: 200 }),
      },
    });
    cleanups.push(() => created.destroy());
    return created;
  }

  test('after the server disconnects it (which socket.io-client never retries)', async () => {
    // A server that sends its first client away for good, as `socket.disconnect(true)` does.
    const httpServer = createServer();
    const io = new Server(httpServer, { parser: docMessageParser });
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    let connections = 0;
    io.on('connection', (socket) => {
      connections++;
      if (connections === 1) socket.disconnect(true);
    });
    httpServer.listen(0, '127.0.0.1');
    await once(httpServer, 'listening');
    const { port } = httpServer.address() as AddressInfo;

    const client = provider(`http://127.0.0.1:${port}`);
    const reasons: string[] = [];
    client.socket.on('disconnect', (reason) => reasons.push(reason));
    await waitFor(() => connections === 2 && client.getState().status === 'connected', 'a second connection');
    expect(reasons).toEqual(['io server disconnect']);
  });

  test('the browser going offline shows Offline at once and stops retrying; online reconnects at once', {
    timeout: 30_000,
  }, async () => {
    const server = await appServer();
    const { token } = await server.signIn('Ana Analyst', 'analyst');
    const docName = await createMeetingDoc(server.url, token);
    const network = new EventTarget();
    const ana = provider(server.url, token, { network, slow: true });
    const anaSession = ana.session(docName);
    anaSession.retain();
    const bruno = provider(server.url, (await server.signIn('Bruno Costa', 'analyst')).token);
    const brunoSession = bruno.session(docName);
    brunoSession.retain();
    await waitFor(() => anaSession.getState().synced && brunoSession.getState().synced, 'both synced');

    network.dispatchEvent(new Event('offline'));
    expect(ana.getState().status).toBe('offline');
    addAgendaItem(anaSession.doc, { title: 'Typed on the train' });
    expect(anaSession.getState().hasUnsentChanges).toBe(true);
    await sleep(500);
    // No attempts while the browser says there is no network: it stays Offline, not "connecting".
    expect(ana.getState().status).toBe('offline');
    expect(ana.socket.active).toBe(false);
    expect(titles(brunoSession)).toEqual([]);

    network.dispatchEvent(new Event('online'));
    await waitFor(() => ana.getState().status === 'connected', 'reconnected', 5_000);
    await waitFor(() => titles(brunoSession).includes('Typed on the train'), 'the edit reached Bruno', 5_000);
  });

  test('online cuts a pending backoff short', { timeout: 30_000 }, async () => {
    const server = await appServer();
    const { token } = await server.signIn('Ana Analyst', 'analyst');
    const proxy: TcpProxy = await startTcpProxy(server.port);
    cleanups.push(() => proxy.close());
    const network = new EventTarget();
    const ana = provider(proxy.url, token, { network, slow: true });
    await waitFor(() => ana.getState().status === 'connected', 'connected');

    // The connection breaks; socket.io-client would wait its 20 s backoff before trying again.
    proxy.reset();
    await waitFor(() => ana.getState().status !== 'connected', 'the drop noticed');
    await sleep(300);
    expect(ana.getState().status).not.toBe('connected');
    network.dispatchEvent(new Event('online'));
    await waitFor(() => ana.getState().status === 'connected', 'reconnected', 5_000);
  });
});

/**
 * A client the server drops for falling behind (its outgoing buffer over `maxBufferedBytes`) comes
 * back by itself and resyncs, on both transports: the browser's own provider over Socket.IO, the
 * stock y-websocket client on /yjs. The slow client sits behind a TCP proxy that stops reading.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { SocketIOProvider } from '../../../client/src/yjs/SocketIOProvider.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { firstParagraphText, notesText } from '../../../shared/richNotes.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.ts';
import { connectYWebsocket, createMeetingDoc, waitFor } from '../../helpers/yjsClients.ts';

const MAX_BUFFERED_BYTES = 256 * 1024;
const CHUNK = 'x'.repeat(100 * 1024);
/** Bounds the writing: far more than the kernel's socket buffers and the limit together. */
const MAX_CHUNKS = 300;

const titles = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);
const notesOf = (doc: Y.Doc) => notesText(readAgenda(doc)[0]?.notes ?? new Y.XmlFragment());

describe('a client dropped for falling behind', () => {
  let server: TestServer;
  let token: string;
  let proxy: TcpProxy;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    // Only the buffer limit may drop the frozen reader: not the document's size limit (it grows past
    // the buffer limit on purpose), nor a heartbeat (a frozen reader answers no ping).
    server = await startTestServer({
      deps: {
        docs: { maxBufferedBytes: MAX_BUFFERED_BYTES, maxDocBytes: 256 * 1024 * 1024 },
        heartbeat: { socketIo: { pingIntervalMs: 60_000, pingTimeoutMs: 60_000 }, yjsPingIntervalMs: 60_000 },
      },
    });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await proxy?.close();
  });
  afterAll(() => server.close());

  const backpressureDrops = async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/statroom_doc_backpressure_disconnects_total (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  function socketIoProvider(url: string): SocketIOProvider {
    const provider = new SocketIOProvider({
      url,
      token,
      socketOptions: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 },
    });
    cleanups.push(() => provider.destroy());
    return provider;
  }

  /** The writer fills the notes until the server drops the frozen reader; returns the chunks written. */
  async function writeUntilDropped(writer: Y.Doc, dropped: () => boolean): Promise<number> {
    const item = readAgenda(writer)[0];
    const notes = item ? firstParagraphText(item.notes) : null;
    if (!notes) throw new Error('no agenda item to write into');
    let written = 0;
    while (!dropped() && written < MAX_CHUNKS) {
      notes.insert(notes.length, CHUNK);
      written++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return written;
  }

  test('over Socket.IO it reconnects by itself and gets what was written while it was away', {
    timeout: 60_000,
  }, async () => {
    const docName = await createMeetingDoc(server.url, token);
    proxy = await startTcpProxy(server.port);
    const writerProvider = socketIoProvider(server.url);
    const writer = writerProvider.session(docName);
    writer.retain();
    const readerProvider = socketIoProvider(proxy.url);
    const reader = readerProvider.session(docName);
    reader.retain();
    const reasons: string[] = [];
    let connects = 0;
    readerProvider.socket.on('disconnect', (reason) => reasons.push(reason));
    readerProvider.socket.on('connect', () => connects++);
    await waitFor(() => writer.getState().synced && reader.getState().synced, 'both synced');
    addAgendaItem(writer.doc, { title: 'Household burglaries' });
    await waitFor(() => titles(reader.doc).length === 1, 'reader has the item');
    const connectsBefore = connects;
    const dropsBefore = await backpressureDrops();

    proxy.freeze();
    const socketIoConnections = () => server.app.hub.connectionCounts().get('socketio') ?? 0;
    const written = await writeUntilDropped(writer.doc, () => socketIoConnections() < 2);
    expect(written).toBeLessThan(MAX_CHUNKS);
    expect(await backpressureDrops()).toBe(dropsBefore + 1);
    // Made while the reader is away: only a resync can bring it.
    addAgendaItem(writer.doc, { title: 'Written while the reader was away' });
    proxy.thaw();

    await waitFor(() => connects > connectsBefore, 'the reader reconnected', 30_000);
    await waitFor(
      () => titles(reader.doc).includes('Written while the reader was away'),
      'the edit made while away',
      30_000,
    );
    await waitFor(() => notesOf(reader.doc).length === written * CHUNK.length, 'every chunk', 30_000);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
    expect(readerProvider.getState().status).toBe('connected');
    // The server closed the transport; it never told the client to stay away.
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons).not.toContain('io server disconnect');
  });

  test('on /yjs the stock client is told to try again (1013), reconnects and resyncs', {
    timeout: 60_000,
  }, async () => {
    const docName = await createMeetingDoc(server.url, token);
    proxy = await startTcpProxy(server.port);
    const writerProvider = socketIoProvider(server.url);
    const writer = writerProvider.session(docName);
    writer.retain();
    const reader = connectYWebsocket(`ws://127.0.0.1:${proxy.port}/yjs`, docName, token);
    cleanups.push(() => reader.destroy());
    const closeCodes: number[] = [];
    reader.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code);
    });
    await reader.synced;
    await waitFor(() => writer.getState().synced, 'writer synced');
    addAgendaItem(writer.doc, { title: 'Household burglaries' });
    await waitFor(() => titles(reader.doc).length === 1, 'reader has the item');
    const dropsBefore = await backpressureDrops();

    proxy.freeze();
    const websocketConnections = () => server.app.hub.connectionCounts().get('websocket') ?? 0;
    const written = await writeUntilDropped(writer.doc, () => websocketConnections() === 0);
    expect(written).toBeLessThan(MAX_CHUNKS);
    expect(await backpressureDrops()).toBe(dropsBefore + 1);
    addAgendaItem(writer.doc, { title: 'Written while the reader was away' });
    proxy.thaw();

    await waitFor(() => closeCodes.includes(1013), 'the 1013 close', 30_000);
    await waitFor(
      () => titles(reader.doc).includes('Written while the reader was away'),
      'the edit made while away',
      30_000,
    );
    await waitFor(() => notesOf(reader.doc).length === written * CHUNK.length, 'every chunk', 30_000);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
    expect(reader.provider.wsconnected).toBe(true);
  });
});

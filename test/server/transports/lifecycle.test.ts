import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/database.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { addAgendaItem, getAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { firstParagraphText, notesText } from '../../../shared/richNotes.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { connectYWebsocket, createMeetingDoc, SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';

const titles = (doc: Y.Doc) =>
  readAgenda(doc)
    .map((item) => item.title)
    .sort();

describe('document lifecycle through a real server', () => {
  let server: TestServer;
  let token: string;
  const cleanups: Array<() => void> = [];
  const wsBase = () => `ws://127.0.0.1:${server.port}/yjs`;

  async function socketClient(): Promise<SocketIoDocClient> {
    const client = await SocketIoDocClient.connect(server.url, { token });
    cleanups.push(() => client.close());
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer({
      deps: { docs: { unloadDelayMs: 0, compactThreshold: 40, compactIdleMs: 100 } },
    });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await server.close();
  });

  test('a document is unloaded once its last client leaves, on either transport', async () => {
    const docName = await createMeetingDoc(server.url, token);
    const socket = await socketClient();
    const joined = await socket.joinSynced(docName);
    const script = connectYWebsocket(wsBase(), docName, token);
    await script.synced;
    addAgendaItem(joined.doc, { title: 'Kept after unload' });
    await waitFor(() => titles(script.doc).length === 1, 'relayed');
    expect(server.app.hub.isLoaded(docName)).toBe(true);

    socket.leave(docName);
    await server.app.hub.flush();
    expect(server.app.hub.isLoaded(docName)).toBe(true);
    script.destroy();
    await waitFor(() => !server.app.hub.isLoaded(docName), 'unloaded');

    const again = await (await socketClient()).joinSynced(docName);
    expect(titles(again.doc)).toEqual(['Kept after unload']);
  });

  test('joins racing the load all see the stored document, never an empty one', async () => {
    const docName = await createMeetingDoc(server.url, token);
    await server.app.hub.change(docName, (doc) => addAgendaItem(doc, { title: 'Stored' }));
    await waitFor(() => !server.app.hub.isLoaded(docName), 'unloaded before the race');

    const sockets = await Promise.all([socketClient(), socketClient(), socketClient()]);
    const scripts = [0, 1, 2].map(() => connectYWebsocket(wsBase(), docName, token));
    for (const script of scripts) cleanups.push(() => script.destroy());
    // What each client holds at the moment it first reports synced.
    const atSync: string[][] = [];
    for (const script of scripts) script.provider.once('sync', () => atSync.push(titles(script.doc)));
    const joined = await Promise.all(sockets.map((socket) => socket.join(docName)));
    for (const { joined: doc } of joined) {
      await waitFor(() => doc.synced, 'socket client synced');
      atSync.push(titles(doc.doc));
    }
    await Promise.all(scripts.map((script) => script.synced));
    await waitFor(() => atSync.length === 6, 'every client synced');
    expect(atSync).toEqual(Array.from({ length: 6 }, () => ['Stored']));
  });

  test('a client that was offline merges its edits on reconnect', async () => {
    const docName = await createMeetingDoc(server.url, token);
    const laptop = await socketClient();
    const room = await socketClient();
    const laptopDoc = await laptop.joinSynced(docName);
    const roomDoc = await room.joinSynced(docName);

    laptop.goOffline();
    await waitFor(() => !laptop.socket.connected, 'offline');
    addAgendaItem(laptopDoc.doc, { title: 'Typed on the train' });
    addAgendaItem(roomDoc.doc, { title: 'Typed in the room' });
    await server.app.hub.flush();
    expect(titles(roomDoc.doc)).toEqual(['Typed in the room']);

    laptop.comeBackOnline();
    const both = ['Typed in the room', 'Typed on the train'];
    await waitFor(() => titles(roomDoc.doc).length === 2 && titles(laptopDoc.doc).length === 2, 'merged');
    expect(titles(roomDoc.doc)).toEqual(both);
    expect(titles(laptopDoc.doc)).toEqual(both);
  });

  test("a closed connection's presence disappears for the others", async () => {
    const docName = await createMeetingDoc(server.url, token);
    const watcher = await (await socketClient()).joinSynced(docName);
    const script = connectYWebsocket(wsBase(), docName, token);
    await script.synced;
    script.provider.awareness.setLocalStateField('user', { name: 'Bot' });
    const botId = script.doc.clientID;
    await waitFor(() => watcher.awareness.getStates().get(botId)?.user !== undefined, 'bot presence');

    // Terminate the socket without the client's goodbye: the server must clean up by itself.
    script.provider.ws?.close();
    script.provider.shouldConnect = false;
    script.destroy();
    await waitFor(() => !watcher.awareness.getStates().has(botId), 'bot presence removed');
  });

  test('compaction keeps a busy document small and intact', async () => {
    const docName = await createMeetingDoc(server.url, token);
    const writerClient = await socketClient();
    const readerClient = await socketClient();
    const writer = await writerClient.joinSynced(docName);
    const reader = await readerClient.joinSynced(docName);
    const itemId = addAgendaItem(writer.doc, { title: 'Minutes' });
    const notesOf = (doc: Y.Doc) => notesText(getAgendaItem(doc, itemId)?.notes ?? new Y.XmlFragment());
    const notes = firstParagraphText(
      getAgendaItem(writer.doc, itemId)?.notes ?? new Y.XmlFragment(),
    ) as Y.XmlText;
    for (let index = 0; index < 1000; index++) {
      notes.insert(notes.length, 'x');
      // Yield now and then, so the edits arrive over many ticks (many batches), as typing does.
      if (index % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await waitFor(() => notesOf(reader.doc).length === 1000, 'all edits relayed');
    await server.app.hub.flush();
    const db = openDatabase(server.database.config);
    const store = createKyselyDocStore(db);
    // Threshold 40: past it, the document is compacted once nobody has edited it for 100 ms (and
    // mid-burst at ten times that), so once the edits stop it is brought within.
    await waitFor(async () => (await store.load(docName)).length <= 40, 'compacted once quiet');
    await db.close();

    writerClient.leave(docName);
    readerClient.leave(docName);
    await waitFor(() => !server.app.hub.isLoaded(docName), 'unloaded');
    const reloaded = await (await socketClient()).joinSynced(docName);
    expect(notesOf(reloaded.doc)).toBe('x'.repeat(1000));

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/statroom_doc_updates_relayed_total [1-9]/);
    expect(metrics).toMatch(/statroom_doc_persist_seconds_count [1-9]/);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, readAgenda, updateAgendaItem } from '../../../shared/meetingDoc.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import {
  connectYWebsocket,
  createMeetingDoc,
  SocketIoDocClient,
  sharedNotes,
  waitFor,
} from '../../helpers/yjsClients.ts';

const titles = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);

describe('document sync over both transports', () => {
  let server: TestServer;
  let analystToken: string;
  const clients: Array<{ close(): void }> = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { docs: { unloadDelayMs: 0 } } });
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  async function socketClient(transports?: Array<'websocket' | 'polling'>): Promise<SocketIoDocClient> {
    const client = await SocketIoDocClient.connect(server.url, { token: analystToken, transports });
    clients.push(client);
    return client;
  }

  test('two Socket.IO clients converge on the same meeting document', async () => {
    const docName = await createMeetingDoc(server.url, analystToken);
    const alice = await socketClient();
    const bob = await socketClient(['polling']);
    const a = await alice.joinSynced(docName);
    const b = await bob.joinSynced(docName);
    expect(a.permission).toBe('write');

    const first = addAgendaItem(a.doc, { title: 'Burglaries' });
    addAgendaItem(b.doc, { title: 'Response times' });
    await waitFor(() => titles(a.doc).length === 2 && titles(b.doc).length === 2, 'both items everywhere');
    expect(updateAgendaItem(b.doc, first, { timeboxMinutes: 15 })).toBe(true);
    await waitFor(
      () => readAgenda(a.doc).find((item) => item.id === first)?.timeboxMinutes === 15,
      'timebox',
    );
    expect(titles(a.doc)).toEqual(titles(b.doc));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  test('a stock y-websocket client and a Socket.IO client converge', async () => {
    const docName = await createMeetingDoc(server.url, analystToken);
    const socket = await socketClient();
    const viaSocket = await socket.joinSynced(docName);
    addAgendaItem(viaSocket.doc, { title: 'Before the script joined' });

    const script = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, docName, analystToken);
    clients.push({ close: () => script.destroy() });
    await script.synced;
    await waitFor(() => titles(script.doc).includes('Before the script joined'), 'initial state via /yjs');

    const notes = await sharedNotes(viaSocket.doc, [script.doc]);
    addAgendaItem(script.doc, { title: 'Added by the script' });
    notes.text.insert(0, 'typed in the browser');
    await waitFor(() => titles(viaSocket.doc).includes('Added by the script'), 'script edit via Socket.IO');
    await waitFor(() => notes.textOf(script.doc) === 'typed in the browser', 'browser edit via /yjs');
    expect(titles(script.doc)).toEqual(titles(viaSocket.doc));
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/database.ts';
import { createKyselyDocStore } from '../../../server/docs/kyselyDocStore.ts';
import { encodeUpdate } from '../../../shared/docMessages.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import {
  connectYWebsocket,
  createMeetingDoc,
  SocketIoDocClient,
  sleep,
  waitFor,
} from '../../helpers/yjsClients.ts';

describe('document permissions on both transports', () => {
  let server: TestServer;
  let analystToken: string;
  let viewerToken: string;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    server = await startTestServer();
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewerToken = (await server.signIn('Vera Viewer', 'viewer')).token;
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await server.close();
  });

  /** The document as stored (read through a second connection to the same database). */
  async function storedTitles(docName: string): Promise<string[]> {
    await server.app.hub.flush();
    const db = openDatabase(server.database.config);
    try {
      const doc = new Y.Doc();
      for (const row of await createKyselyDocStore(db).load(docName)) Y.applyUpdate(doc, row.data);
      return readAgenda(doc).map((item) => item.title);
    } finally {
      await db.close();
    }
  }

  async function meetingWithOneItem(): Promise<string> {
    const docName = await createMeetingDoc(server.url, analystToken);
    await server.app.hub.change(docName, (doc) => addAgendaItem(doc, { title: 'Agreed item' }));
    return docName;
  }

  test("Socket.IO: a viewer reads the document, but its update is refused with 'forbidden'", async () => {
    const docName = await meetingWithOneItem();
    const viewer = await SocketIoDocClient.connect(server.url, { token: viewerToken });
    cleanups.push(() => viewer.close());
    const joined = await viewer.joinSynced(docName);
    expect(joined.permission).toBe('read');
    expect(readAgenda(joined.doc).map((item) => item.title)).toEqual(['Agreed item']);
    // Its answer to the server's sync step 1 carried nothing new: no refusal for merely syncing.
    await server.app.hub.flush();
    expect(viewer.errors).toEqual([]);

    // The real client never sends a read-only edit; forge the update a misbehaving one would send.
    const forged = new Y.Doc();
    addAgendaItem(forged, { title: 'Viewer edit' });
    viewer.send(docName, encodeUpdate(Y.encodeStateAsUpdate(forged)));
    const refusal = await viewer.waitForError('forbidden', docName);
    expect(refusal.error.message).toMatch(/read-only/);
    expect(await storedTitles(docName)).toEqual(['Agreed item']);

    // The server's copy is unchanged too: a fresh analyst sees only the agreed item.
    const analyst = await SocketIoDocClient.connect(server.url, { token: analystToken });
    cleanups.push(() => analyst.close());
    const fresh = await analyst.joinSynced(docName);
    expect(readAgenda(fresh.doc).map((item) => item.title)).toEqual(['Agreed item']);
  });

  test('y-websocket: a viewer gets the standard permission-denied message and stays connected', async () => {
    const docName = await meetingWithOneItem();
    const viewer = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, docName, viewerToken);
    cleanups.push(() => viewer.destroy());
    await viewer.synced;
    await waitFor(() => readAgenda(viewer.doc).length === 1, 'viewer has the stored item');
    expect(viewer.permissionDenied).toEqual([]);

    addAgendaItem(viewer.doc, { title: 'Viewer edit over /yjs' });
    await waitFor(() => viewer.permissionDenied.length === 1, 'permission denied message');
    expect(viewer.permissionDenied[0]).toMatch(/read-only/);
    expect(await storedTitles(docName)).toEqual(['Agreed item']);
    // No reconnect loop: the same socket is still open.
    const socket = viewer.provider.ws;
    await sleep(200);
    expect(viewer.provider.wsconnected).toBe(true);
    expect(viewer.provider.ws).toBe(socket);
  });

  test('y-websocket upgrades are refused with 401, 404 and 400, and unknown paths are closed', async () => {
    const docName = await createMeetingDoc(server.url, analystToken);
    const upgradeStatus = (path: string) =>
      new Promise<number | string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        ws.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => {
          resolve('open');
          ws.close();
        });
        ws.on('error', (error) => resolve(`error: ${error.message}`));
      });
    expect(await upgradeStatus(`/yjs/${docName}`)).toBe(401);
    expect(await upgradeStatus(`/yjs/meeting:nope?token=${analystToken}`)).toBe(404);
    expect(await upgradeStatus(`/yjs/not-a-doc-name?token=${analystToken}`)).toBe(400);
    expect(await upgradeStatus(`/elsewhere?token=${analystToken}`)).toBe(404);
    expect(await upgradeStatus(`/yjs/${encodeURIComponent(docName)}?token=${viewerToken}`)).toBe('open');
  });
});

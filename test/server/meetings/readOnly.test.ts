/**
 * Only the server writes a meeting's live state, and a closed meeting is read-only: direct writes
 * are refused on both transports with the stored state unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../../shared/docMessages.ts';
import { meetingDocName, meetingLiveDocName } from '../../../shared/docNames.ts';
import { type CommandAck, MeetingCommand } from '../../../shared/meetingCommands.ts';
import { addAgendaItem } from '../../../shared/meetingDoc.ts';
import { readLiveState } from '../../../shared/meetingLive.ts';
import { TestConnection } from '../../helpers/hubConnection.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { connectYWebsocket, SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import { agendaOnServer, command, liveBytes, meetingWithAgenda, storedRows } from './liveMeeting.ts';

describe('live state and closed meetings are read-only to clients', { timeout: 60_000 }, () => {
  let server: TestServer;
  let analystToken: string;
  let analyst: SocketIoDocClient;
  const clients: SocketIoDocClient[] = [];

  const connect = async (token: string) => {
    const client = await SocketIoDocClient.connect(server.url, { token });
    clients.push(client);
    return client;
  };
  const newMeeting = async () => {
    const meeting = await meetingWithAgenda(server.url, analystToken, analyst);
    await agendaOnServer(server.app.hub, meeting.meetingId, 3);
    return meeting;
  };
  const ok = (ack: CommandAck) => {
    if (!('ok' in ack)) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
    return ack.state;
  };
  beforeAll(async () => {
    server = await startTestServer();
    analystToken = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = await connect(analystToken);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  test('a client writing the live state directly is refused on both transports; the stored state is unchanged', async () => {
    const { meetingId } = await newMeeting();
    ok(await command(analyst, MeetingCommand.start, { meetingId }));
    const name = meetingLiveDocName(meetingId);
    const joined = await analyst.joinSynced(name);
    expect(joined.permission).toBe('read');
    const before = await liveBytes(server.app.hub, meetingId);
    await server.app.hub.flush();
    const rowsBefore = storedRows(server.database.config.sqlitePath, name);
    expect(rowsBefore.length).toBeGreaterThan(0);

    // Socket.IO: the real client never sends a read-only edit; forge what a misbehaving one would.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, before);
    forged.getMap('state').set('phase', 'closed');
    analyst.send(name, encodeUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(joined.doc))));
    await analyst.waitForError('forbidden', name);

    // y-websocket: the stock client tries to rewind the current item.
    const stock = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, name, analystToken);
    try {
      await stock.synced;
      stock.doc.getMap('state').set('currentItemId', 'rewound');
      await waitFor(() => stock.permissionDenied.length > 0, 'the y-websocket refusal');
    } finally {
      stock.destroy();
    }
    await server.app.hub.flush();
    expect(await liveBytes(server.app.hub, meetingId)).toEqual(before);
    expect(storedRows(server.database.config.sqlitePath, name)).toEqual(rowsBefore);
    const fresh = await connect(analystToken);
    const reread = await fresh.joinSynced(name);
    expect(readLiveState(reread.doc).phase).toBe('live');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, before);
    expect(Y.encodeStateVector(reread.doc)).toEqual(Y.encodeStateVector(stored));
  });

  test('the live state exists only for meetings that exist', async () => {
    const { ack } = await analyst.join(meetingLiveDocName('no-such-meeting'));
    expect(ack).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  test('closing makes the meeting document read-only: connected writers are refused on both transports, new joins get read', async () => {
    const { meetingId } = await newMeeting();
    const name = meetingDocName(meetingId);
    const writer = analyst.docs.get(name);
    if (!writer) throw new Error('the analyst has the meeting open');
    const stock = connectYWebsocket(`ws://127.0.0.1:${server.port}/yjs`, name, analystToken);
    try {
      await stock.synced;
      ok(await command(analyst, MeetingCommand.start, { meetingId }));
      ok(await command(analyst, MeetingCommand.close, { meetingId }));
      const before = await server.app.hub.change(name, (doc) => Y.encodeStateAsUpdate(doc));
      await server.app.hub.flush();
      const rowsBefore = storedRows(server.database.config.sqlitePath, name);

      addAgendaItem(writer.doc, { title: 'After the close' });
      await analyst.waitForError('forbidden', name);
      addAgendaItem(stock.doc, { title: 'After the close, by a script' });
      await waitFor(() => stock.permissionDenied.length > 0, 'the y-websocket refusal');
      await server.app.hub.flush();
      expect(await server.app.hub.change(name, (doc) => Y.encodeStateAsUpdate(doc))).toEqual(before);
      expect(storedRows(server.database.config.sqlitePath, name)).toEqual(rowsBefore);

      const late = await connect(analystToken);
      expect((await late.join(name)).ack).toEqual({ ok: true, permission: 'read' });
    } finally {
      stock.destroy();
    }
  });

  test('a join authorized just before the close still gets read-only', async () => {
    const { meetingId } = await newMeeting();
    const name = meetingDocName(meetingId);
    ok(await command(analyst, MeetingCommand.start, { meetingId }));
    ok(await command(analyst, MeetingCommand.close, { meetingId }));
    const before = await server.app.hub.change(name, (doc) => Y.encodeStateAsUpdate(doc));
    // As if authorize had read the phase an instant before the close and answered `write`.
    const late = new TestConnection('late-writer', () => server.app.hub, name);
    await server.app.hub.join(late, name, 'write');
    late.syncStep1();
    await waitFor(() => late.synced, 'the late writer synced');
    late.edit((doc) => addAgendaItem(doc, { title: 'Slipped in' }));
    await waitFor(() => late.errors.length > 0, 'the refusal');
    expect(late.errors[0]?.code).toBe('forbidden');
    await server.app.hub.flush();
    expect(await server.app.hub.change(name, (doc) => Y.encodeStateAsUpdate(doc))).toEqual(before);
    server.app.hub.disconnect(late);
  });
});

/**
 * The browser's Socket.IO Yjs provider, run in Node against a real server: the same code the tabs
 * run, with tokens instead of cookies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type DocSession, SocketIOProvider } from '../../../client/src/yjs/SocketIOProvider.ts';
import { encodeUpdate } from '../../../shared/docMessages.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { firstParagraphText, notesText } from '../../../shared/richNotes.ts';
import type { Role } from '../../../shared/roles.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

const titles = (session: DocSession) => readAgenda(session.doc).map((item) => item.title);

describe('SocketIOProvider', () => {
  let server: TestServer;
  let analystToken: string;
  const providers: SocketIOProvider[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    analystToken = (await server.signIn('Ana Lima', 'analyst')).token;
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => server.close());

  async function newMeetingDoc(): Promise<string> {
    const response = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analystToken}` },
      body: JSON.stringify({ title: 'Citizen security', scheduledFor: '2026-12-01' }),
    });
    expect(response.status).toBe(201);
    const { meeting } = (await response.json()) as { meeting: { docName: string } };
    return meeting.docName;
  }

  async function open(
    name: string,
    role: Role,
    docName: string,
  ): Promise<{ provider: SocketIOProvider; session: DocSession }> {
    const { token } = await server.signIn(name, role);
    const provider = new SocketIOProvider({ url: server.url, token });
    providers.push(provider);
    const session = provider.session(docName);
    session.retain();
    await waitFor(() => session.getState().synced, `${name} synced`);
    return { provider, session };
  }

  test('two analysts converge on agenda and notes, byte for byte', async () => {
    const docName = await newMeetingDoc();
    const ana = await open('Ana Lima', 'analyst', docName);
    const bruno = await open('Bruno Costa', 'analyst', docName);
    expect(ana.session.getState().permission).toBe('write');

    addAgendaItem(ana.session.doc, { title: 'Follow-up of open commitments' });
    await waitFor(() => titles(bruno.session).length === 1, 'item relayed');
    const notes = readAgenda(bruno.session.doc)[0]?.notes;
    if (notes) firstParagraphText(notes)?.insert(0, 'Ask about the east zone');
    await waitFor(
      () =>
        notesText(readAgenda(ana.session.doc)[0]?.notes ?? new Y.XmlFragment()) === 'Ask about the east zone',
      'notes relayed',
    );
    expect(Y.encodeStateAsUpdate(ana.session.doc)).toEqual(Y.encodeStateAsUpdate(bruno.session.doc));
  });

  test('edits made offline merge with the others after reconnecting', async () => {
    const docName = await newMeetingDoc();
    const ana = await open('Ana Lima', 'analyst', docName);
    const bruno = await open('Bruno Costa', 'analyst', docName);

    bruno.provider.disconnect();
    await waitFor(() => bruno.provider.getState().status === 'offline', 'offline');
    addAgendaItem(bruno.session.doc, { title: 'Written offline' });
    expect(bruno.session.getState().hasUnsentChanges).toBe(true);
    addAgendaItem(ana.session.doc, { title: 'Written online' });

    bruno.provider.connect();
    await waitFor(() => titles(ana.session).length === 2 && titles(bruno.session).length === 2, 'merged');
    expect(titles(ana.session).sort()).toEqual(['Written offline', 'Written online']);
    expect(bruno.session.getState().hasUnsentChanges).toBe(false);
    expect(Y.encodeStateVector(ana.session.doc)).toEqual(Y.encodeStateVector(bruno.session.doc));
  });

  test('a viewer reads the live document, is told it is read-only and never triggers a refusal', async () => {
    const docName = await newMeetingDoc();
    const ana = await open('Ana Lima', 'analyst', docName);
    addAgendaItem(ana.session.doc, { title: 'Before the viewer' });
    const vera = await open('Vera Viewer', 'viewer', docName);
    expect(vera.session.getState().permission).toBe('read');
    expect(titles(vera.session)).toEqual(['Before the viewer']);

    addAgendaItem(ana.session.doc, { title: 'While the viewer watches' });
    await waitFor(() => titles(vera.session).length === 2, 'viewer follows');

    // A stray local change on a read-only doc is not even sent: no refusal comes back.
    addAgendaItem(vera.session.doc, { title: 'Not allowed' });
    addAgendaItem(ana.session.doc, { title: 'Marker' });
    await waitFor(() => titles(vera.session).includes('Marker'), 'marker relayed');
    expect(titles(ana.session)).not.toContain('Not allowed');
    expect(vera.session.getState().error).toBeNull();
  });

  test("the server's refusal of a write surfaces as read-only with the reason", async () => {
    const docName = await newMeetingDoc();
    await open('Ana Lima', 'analyst', docName);
    const vera = await open('Vera Viewer', 'viewer', docName);
    // Forge what a misbehaving client would send: an update message, bypassing the session.
    const scratch = new Y.Doc();
    addAgendaItem(scratch, { title: 'Forged' });
    vera.provider.sendMessage(docName, encodeUpdate(Y.encodeStateAsUpdate(scratch)));
    await waitFor(() => vera.session.getState().error !== null, 'refusal');
    expect(vera.session.getState().error?.code).toBe('forbidden');
    expect(vera.session.getState().permission).toBe('read');
  });

  test('presence appears for the others and disappears when the session closes', async () => {
    const docName = await newMeetingDoc();
    const ana = await open('Ana Lima', 'analyst', docName);
    const bruno = await open('Bruno Costa', 'analyst', docName);
    const presence = { user: { name: 'Ana Lima', role: 'analyst', color: '#1f5fbf' }, itemId: 'x' };
    ana.session.awareness.setLocalState(presence);
    const anaId = ana.session.doc.clientID;
    // The state a session announces when it joins comes first; wait for the one set here.
    await waitFor(() => bruno.session.awareness.getStates().get(anaId)?.itemId === 'x', 'presence relayed');
    // As relayed: the identity stamped from Ana's session, her colour and item kept.
    expect(bruno.session.awareness.getStates().get(anaId)).toEqual({
      user: { id: expect.any(String), name: 'Ana Lima', role: 'analyst', color: '#1f5fbf' },
      itemId: 'x',
    });

    ana.provider.closeSession(ana.session);
    await waitFor(() => !bruno.session.awareness.getStates().has(anaId), 'presence removed');
  });

  test('a session refused by the server says why', async () => {
    const { token } = await server.signIn('Ana Lima', 'analyst');
    const provider = new SocketIOProvider({ url: server.url, token });
    providers.push(provider);
    const session = provider.session('meeting:does-not-exist');
    session.retain();
    await waitFor(() => session.getState().error !== null, 'refusal');
    expect(session.getState().error?.code).toBe('not_found');
    expect(session.getState().synced).toBe(false);
  });
});

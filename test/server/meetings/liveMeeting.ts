/**
 * Helpers for meeting-command tests: a meeting with an agenda (created through the real API, the
 * agenda written by a real Socket.IO client), commands emitted with an ack, and HTTP commands.
 */
import SQLite from 'better-sqlite3';
import * as Y from 'yjs';
import { meetingDocName, meetingLiveDocName } from '../../../shared/docNames.ts';
import type { CommandAck, MeetingCommand } from '../../../shared/meetingCommands.ts';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { type SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';

const ACK_TIMEOUT_MS = 10_000;

/** Creates a meeting through the API; `writer` (an analyst's client) types its agenda. */
export async function meetingWithAgenda(
  url: string,
  token: string,
  writer: SocketIoDocClient,
  titles = ['Follow-up', 'Burglaries', 'Homicides'],
): Promise<{ meetingId: string; itemIds: string[] }> {
  const response = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'Security stocktake', scheduledFor: '2026-12-07' }),
  });
  if (response.status !== 201) throw new Error(`cannot create meeting: ${response.status}`);
  const { meeting } = (await response.json()) as { meeting: { id: string } };
  const joined = await writer.joinSynced(meetingDocName(meeting.id));
  for (const title of titles) addAgendaItem(joined.doc, { title });
  return { meetingId: meeting.id, itemIds: readAgenda(joined.doc).map((item) => item.id) };
}

/** Emits a command and resolves with its ack. */
export function command(
  client: SocketIoDocClient,
  name: MeetingCommand,
  payload: unknown,
): Promise<CommandAck> {
  return (
    client.socket as unknown as {
      timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<CommandAck> };
    }
  )
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck(name, payload);
}

export async function httpCommand(
  url: string,
  token: string,
  meetingId: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/meetings/${meetingId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The server's live-state document, encoded: compared before and after a refusal. */
export const liveBytes = (
  hub: { change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> },
  meetingId: string,
) => hub.change(meetingLiveDocName(meetingId), (doc) => Y.encodeStateAsUpdate(doc));

/** Waits until the agenda typed by a client has reached the server's copy. */
export async function agendaOnServer(
  hub: { change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> },
  meetingId: string,
  count: number,
): Promise<void> {
  await waitFor(
    async () => (await hub.change(meetingDocName(meetingId), (doc) => readAgenda(doc).length)) === count,
    'the agenda on the server',
  );
}

/** The rows stored for `docName` in a test server's SQLite file, read through a second connection. */
export function storedRows(sqlitePath: string | undefined, docName: string): Buffer[] {
  if (!sqlitePath) throw new Error('storedRows needs a SQLite test database');
  const db = new SQLite(sqlitePath, { readonly: true });
  try {
    const rows = db.prepare('SELECT data FROM doc_updates WHERE doc_name = ? ORDER BY id').all(docName);
    return (rows as Array<{ data: Buffer }>).map((row) => row.data);
  } finally {
    db.close();
  }
}

import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { MAX_DOC_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { createMeetingDoc, type JoinedDoc, SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';

/** A sync "update" message whose payload is not a Yjs update. */
function garbageUpdateMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, new Uint8Array([200, 1, 7, 255, 255, 255, 255, 255, 3]));
  return encoding.toUint8Array(encoder);
}

describe('bad input over Socket.IO', () => {
  let server: TestServer;
  let token: string;
  let docName: string;
  let attacker: SocketIoDocClient;
  let bystander: SocketIoDocClient;
  let witness: SocketIoDocClient;
  let bystanderDoc: JoinedDoc;
  let witnessDoc: JoinedDoc;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    docName = await createMeetingDoc(server.url, token);
    attacker = await SocketIoDocClient.connect(server.url, { token });
    bystander = await SocketIoDocClient.connect(server.url, { token });
    witness = await SocketIoDocClient.connect(server.url, { token });
    bystanderDoc = await bystander.joinSynced(docName);
    witnessDoc = await witness.joinSynced(docName);
    await attacker.joinSynced(docName);
  });
  afterAll(async () => {
    for (const client of [attacker, bystander, witness]) client?.close();
    await server.close();
  });

  /** After every bad input: the attacker is told, and everyone else still edits together. */
  async function othersKeepWorking(title: string): Promise<void> {
    addAgendaItem(bystanderDoc.doc, { title });
    await waitFor(
      () => readAgenda(witnessDoc.doc).some((item) => item.title === title),
      `"${title}" relayed`,
    );
  }

  test('a non-binary payload is refused with invalid_payload', async () => {
    attacker.sendRaw('doc:message', docName, 'not binary at all');
    const error = await attacker.waitForError('invalid_payload', docName);
    expect(error.error.message).toMatch(/binary/);
    await othersKeepWorking('after text payload');
  });

  test('a malformed message is refused with invalid_payload and changes nothing', async () => {
    const before = Y.encodeStateVector(witnessDoc.doc);
    attacker.send(docName, garbageUpdateMessage());
    attacker.send(docName, new Uint8Array([9, 9, 9]));
    await waitFor(
      () => attacker.errors.filter((e) => e.error.code === 'invalid_payload').length >= 3,
      'two more refusals',
    );
    expect(Y.encodeStateVector(witnessDoc.doc)).toEqual(before);
    await othersKeepWorking('after garbage');
  });

  test('an oversized message is refused with too_large', async () => {
    attacker.send(docName, new Uint8Array(MAX_DOC_MESSAGE_BYTES + 1000));
    await attacker.waitForError('too_large', docName);
    expect(attacker.socket.connected).toBe(true);
    await othersKeepWorking('after oversize');
  });

  test('a message for a document the socket has not joined is refused with not_joined', async () => {
    const other = await createMeetingDoc(server.url, token, 'Another meeting');
    attacker.send(other, new Uint8Array([0, 0, 1, 0]));
    await attacker.waitForError('not_joined', other);
    await othersKeepWorking('after not joined');
  });

  test('joining an unknown or malformed document name is refused', async () => {
    const unknown = await attacker.join('meeting:does-not-exist');
    expect(unknown.ack).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const malformed = await attacker.join('../../etc/passwd');
    expect(malformed.ack).toEqual({ error: { code: 'invalid_payload', message: expect.any(String) } });
    attacker.sendRaw('doc:join', { not: 'a name' }, () => {});
    await attacker.waitForError('invalid_payload', null);
    await othersKeepWorking('after bad joins');
  });

  test('a handshake with another protocol version is refused with unsupported_version', async () => {
    await expect(
      SocketIoDocClient.connect(server.url, { token, protocolVersion: PROTOCOL_VERSION + 1 }),
    ).rejects.toThrow('unsupported_version');
  });

  test('a handshake without a valid session is refused with unauthenticated', async () => {
    await expect(SocketIoDocClient.connect(server.url, {})).rejects.toThrow('unauthenticated');
    await expect(SocketIoDocClient.connect(server.url, { token: `${token}x` })).rejects.toThrow(
      'unauthenticated',
    );
  });

  test('the refusals are counted in the metrics', async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/statroom_doc_updates_refused_total\{reason="invalid_payload"\} [1-9]/);
    expect(metrics).toMatch(/statroom_doc_updates_refused_total\{reason="too_large"\} 1/);
    expect(metrics).toMatch(/statroom_doc_connections\{transport="socketio"\} 3/);
  });
});

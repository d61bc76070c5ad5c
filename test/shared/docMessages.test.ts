/**
 * The one y-protocols codec (shared/docMessages.ts): every message kind round-trips and is framed
 * byte for byte as y-websocket frames it; malformed input of every sort is refused with a message
 * that says what was wrong; and what the real client provider sends decodes on the server's side,
 * and what the server sends decodes on the client's.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SocketIOProvider } from '../../client/src/yjs/SocketIOProvider.ts';
import { decodeDocMessage as decodeOnServer } from '../../server/docs/syncMessages.ts';
import {
  type DocMessage,
  decodeDocMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  MessageType,
} from '../../shared/docMessages.ts';
import { addAgendaItem, readAgenda } from '../../shared/meetingDoc.ts';
import { COMPACT_DOC_MESSAGE_MARKER, decodeDocMessage as decodeFrame } from '../../shared/socketParser.ts';
import { scanUpdate } from '../../shared/updateScan.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createMeetingDoc, waitFor } from '../helpers/yjsClients.ts';

/** A document with some content, and the update each of its edits produced. */
function editedDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  addAgendaItem(doc, { title: 'Response times' });
  doc.getText('notes').insert(0, 'Ask the east zone');
  return { doc, updates };
}

function framed(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessWith(state: Record<string, unknown>): awarenessProtocol.Awareness {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(state);
  return awareness;
}

/** One valid message of every kind, for the malformed-input tests. */
function oneOfEach(): Array<[string, Uint8Array]> {
  const { doc, updates } = editedDoc();
  const awareness = awarenessWith({ user: { name: 'Ana Lima' } });
  const messages: Array<[string, Uint8Array]> = [
    ['sync step 1', encodeSyncStep1(doc)],
    ['sync step 2', encodeSyncStep2(doc, Y.encodeStateVector(new Y.Doc()))],
    ['update', encodeUpdate(updates[0] as Uint8Array)],
    ['awareness', encodeAwareness(awareness, [awareness.clientID])],
    ['query awareness', encodeQueryAwareness()],
    ['permission denied', encodePermissionDenied('This document is read-only for you')],
  ];
  awareness.destroy();
  return messages;
}

describe('document messages: round trips', () => {
  test('sync step 1 carries the state vector', () => {
    const { doc } = editedDoc();
    expect(decodeDocMessage(encodeSyncStep1(doc))).toEqual({
      kind: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    });
  });

  test('sync step 2 carries exactly what the asker lacks, and applying it converges', () => {
    const { doc } = editedDoc();
    const asker = new Y.Doc();
    Y.applyUpdate(asker, Y.encodeStateAsUpdate(doc));
    doc.getText('notes').insert(0, 'Later: ');
    const message = encodeSyncStep2(doc, Y.encodeStateVector(asker));
    const decoded = decodeDocMessage(message);
    expect(decoded).toMatchObject({ kind: 'update', step: 'syncStep2', message });
    if (decoded.kind !== 'update') throw new Error('not an update');
    expect(decoded.update).toEqual(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(asker)));
    Y.applyUpdate(asker, decoded.update);
    expect(Y.encodeStateAsUpdate(asker)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  test('an update round-trips, and the message is the very bytes received', () => {
    const { updates } = editedDoc();
    for (const update of updates) {
      const message = encodeUpdate(update);
      const decoded = decodeDocMessage(message);
      expect(decoded).toMatchObject({ kind: 'update', step: 'update', update, message });
      if (decoded.kind !== 'update') throw new Error('not an update');
      expect(decoded.scan).toEqual(scanUpdate(update));
    }
  });

  test('awareness carries each client state, and a removal', () => {
    const awareness = awarenessWith({ user: { name: 'Ana Lima', role: 'analyst' }, itemId: 'x' });
    const id = awareness.clientID;
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    const applyDecoded = (message: Uint8Array) => {
      const decoded = decodeDocMessage(message);
      if (decoded.kind !== 'awareness') throw new Error(`not awareness: ${decoded.kind}`);
      expect(decoded.update).toEqual(awarenessProtocol.encodeAwarenessUpdate(awareness, [id]));
      awarenessProtocol.applyAwarenessUpdate(other, decoded.update, 'test');
    };
    applyDecoded(encodeAwareness(awareness, [id]));
    expect(other.getStates().get(id)).toEqual({ user: { name: 'Ana Lima', role: 'analyst' }, itemId: 'x' });

    awareness.setLocalState(null);
    applyDecoded(encodeAwareness(awareness, [id]));
    expect(other.getStates().has(id)).toBe(false);
    awareness.destroy();
    other.destroy();
  });

  test('query awareness and permission denied round-trip', () => {
    expect(decodeDocMessage(encodeQueryAwareness())).toEqual({ kind: 'queryAwareness' });
    expect(decodeDocMessage(encodePermissionDenied('Read-only: ação 🙂'))).toEqual({
      kind: 'permissionDenied',
      reason: 'Read-only: ação 🙂',
    });
  });

  test('every encoder frames its message byte for byte as y-websocket does', () => {
    const { doc, updates } = editedDoc();
    const update = updates[0] as Uint8Array;
    const stateVector = Y.encodeStateVector(new Y.Doc());
    const awareness = awarenessWith({ user: { name: 'Ana Lima' } });
    const sync = (write: (encoder: encoding.Encoder) => void) =>
      framed((encoder) => {
        encoding.writeVarUint(encoder, 0);
        write(encoder);
      });
    expect(encodeSyncStep1(doc)).toEqual(sync((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
    expect(encodeSyncStep2(doc, stateVector)).toEqual(
      sync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector)),
    );
    expect(encodeUpdate(update)).toEqual(sync((encoder) => syncProtocol.writeUpdate(encoder, update)));
    expect(encodeAwareness(awareness, [awareness.clientID])).toEqual(
      framed((encoder) => {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
        );
      }),
    );
    expect(encodePermissionDenied('no')).toEqual(
      framed((encoder) => {
        encoding.writeVarUint(encoder, 2);
        authProtocol.writePermissionDenied(encoder, 'no');
      }),
    );
    expect(encodeQueryAwareness()).toEqual(new Uint8Array([3]));
    expect(MessageType).toEqual({ sync: 0, awareness: 1, auth: 2, queryAwareness: 3 });
    awareness.destroy();
  });
});

describe('document messages: malformed input is refused, saying what was wrong', () => {
  const refused = (data: Uint8Array | number[]) => () =>
    decodeDocMessage(data instanceof Uint8Array ? data : new Uint8Array(data));

  test.each(oneOfEach())('every truncation is refused (%s)', (_kind, message) => {
    for (let length = 0; length < message.length; length++) {
      expect(refused(message.subarray(0, length)), `first ${length} bytes`).toThrow(MalformedMessageError);
    }
    expect(() => decodeDocMessage(message)).not.toThrow();
  });

  test.each(oneOfEach())('trailing bytes are refused (%s)', (_kind, message) => {
    expect(refused([...message, 0])).toThrow(/1 trailing bytes after the message/);
    expect(refused([...message, 7, 7, 7])).toThrow(/3 trailing bytes after the message/);
  });

  test('an empty message, an unknown message type and an unknown sync type are named', () => {
    expect(refused([])).toThrow(/^message type: Unexpected end of array$/);
    expect(refused([9, 0, 0])).toThrow(/^unknown message type 9$/);
    expect(refused([0, 7, 0])).toThrow(/^sync message: unknown sync type 7$/);
    expect(refused([2, 5, 0])).toThrow(/^auth message: unknown auth type 5$/);
  });

  test('an update that Y.decodeUpdate refuses is refused, as a step 2 or a plain update', () => {
    const garbage = new Uint8Array([200, 1, 7, 255, 255, 255, 255, 255, 3]);
    expect(() => Y.decodeUpdate(garbage)).toThrow();
    for (const [syncType, name] of [
      [syncProtocol.messageYjsSyncStep2, 'syncStep2'],
      [syncProtocol.messageYjsUpdate, 'update'],
    ] as const) {
      const message = framed((encoder) => {
        encoding.writeVarUint(encoder, MessageType.sync);
        encoding.writeVarUint(encoder, syncType);
        encoding.writeVarUint8Array(encoder, garbage);
      });
      expect(refused(message)).toThrow(MalformedMessageError);
      expect(refused(message)).toThrow(new RegExp(`^${name}: not a Yjs update: `));
    }
  });

  test('a sync step 1 whose state vector is cut short is refused', () => {
    // The state vector claims five clients and holds none.
    expect(refused([0, 0, 1, 5])).toThrow(/^sync step 1: not a state vector: /);
  });

  test('an awareness update that is cut short or followed by bytes is refused', () => {
    const awarenessMessage = (write: (encoder: encoding.Encoder) => void) =>
      framed((encoder) => {
        encoding.writeVarUint(encoder, MessageType.awareness);
        encoding.writeVarUint8Array(encoder, framed(write));
      });
    const entry = (encoder: encoding.Encoder, json: string) => {
      encoding.writeVarUint(encoder, 42);
      encoding.writeVarUint(encoder, 3);
      encoding.writeVarString(encoder, json);
    };
    const oneEntry = awarenessMessage((encoder) => {
      encoding.writeVarUint(encoder, 1);
      entry(encoder, '{"a":1}');
    });
    expect(decodeDocMessage(oneEntry)).toMatchObject({ kind: 'awareness' });
    expect(
      refused(
        awarenessMessage((encoder) => {
          encoding.writeVarUint(encoder, 1);
          entry(encoder, '{}');
          encoding.writeUint8(encoder, 0);
        }),
      ),
    ).toThrow(/^awareness update: trailing bytes$/);
    // Two entries announced, one present.
    expect(
      refused(
        awarenessMessage((encoder) => {
          encoding.writeVarUint(encoder, 2);
          entry(encoder, '{}');
        }),
      ),
    ).toThrow(/^awareness update: client id: Unexpected end of array$/);
    // A state whose length runs past the end of the update.
    expect(
      refused(
        awarenessMessage((encoder) => {
          encoding.writeVarUint(encoder, 1);
          encoding.writeVarUint(encoder, 42);
          encoding.writeVarUint(encoder, 3);
          encoding.writeVarUint(encoder, 50);
          encoding.writeUint8Array(encoder, new TextEncoder().encode('{}'));
        }),
      ),
    ).toThrow(/^awareness update: state: Unexpected end of array$/);
  });

  test('awareness states are left for whoever applies them to parse (once), not the codec', () => {
    const notJson = framed((encoder) => {
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(
        encoder,
        framed((inner) => {
          encoding.writeVarUint(inner, 1);
          encoding.writeVarUint(inner, 42);
          encoding.writeVarUint(inner, 3);
          encoding.writeVarString(inner, '{"a":');
        }),
      );
    });
    const decoded = decodeDocMessage(notJson);
    if (decoded.kind !== 'awareness') throw new Error('not awareness');
    // y-protocols (the client) refuses it when applying; the server's presence refuses it too.
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    expect(() => awarenessProtocol.applyAwarenessUpdate(awareness, decoded.update, 'test')).toThrow(
      SyntaxError,
    );
    expect(awareness.getStates().has(42)).toBe(false);
    awareness.destroy();
  });

  test('a length past the end is refused, never read from the memory beyond the message', () => {
    // A message that is a view into a larger buffer, as Node's pooled Buffers are.
    const pool = new Uint8Array(64).fill(0);
    pool.set([0, 2, 20], 0);
    expect(refused(pool.subarray(0, 4))).toThrow(/^update: payload: Unexpected end of array$/);
  });

  test("the server refuses a client's auth message; every other kind it accepts", () => {
    expect(() => decodeOnServer(encodePermissionDenied('forged'))).toThrow(
      /only the server sends auth messages/,
    );
    for (const [kind, message] of oneOfEach()) {
      if (kind !== 'permission denied') expect(() => decodeOnServer(message), kind).not.toThrow();
    }
  });
});

describe('document messages between the real client provider and the real server', () => {
  let server: TestServer;
  let token: string;
  const providers: SocketIOProvider[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.signIn('Ana Lima', 'analyst')).token;
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
  });

  interface Wire {
    sent: Uint8Array[];
    received: Uint8Array[];
  }

  /** A provider, connected, with the document payloads it sends and receives recorded off the wire. */
  async function recordedProvider(): Promise<{ provider: SocketIOProvider; wire: Wire }> {
    const provider = new SocketIOProvider({
      url: server.url,
      token,
      socketOptions: { transports: ['websocket'], forceNew: true },
    });
    providers.push(provider);
    await waitFor(() => provider.getState().status === 'connected', 'connected');
    const wire: Wire = { sent: [], received: [] };
    const payloadOf = (data: unknown): Uint8Array | null =>
      data instanceof Uint8Array && data[0] === COMPACT_DOC_MESSAGE_MARKER ? decodeFrame(data).data[2] : null;
    const engine = provider.socket.io.engine;
    engine.on('packetCreate', (packet: { type: string; data?: unknown }) => {
      const payload = packet.type === 'message' ? payloadOf(packet.data) : null;
      if (payload) wire.sent.push(payload.slice());
    });
    engine.on('packet', (packet: { type: string; data?: unknown }) => {
      const payload = packet.type === 'message' ? payloadOf(packet.data) : null;
      if (payload) wire.received.push(payload.slice());
    });
    return { provider, wire };
  }

  const kindsOf = (messages: DocMessage[]) =>
    new Set(messages.map((message) => (message.kind === 'update' ? message.step : message.kind)));

  test('what the provider sends decodes on the server, and what it receives decodes on the client', async () => {
    const docName = await createMeetingDoc(server.url, token);
    const ana = await recordedProvider();
    const bruno = await recordedProvider();
    const anaSession = ana.provider.session(docName);
    const brunoSession = bruno.provider.session(docName);
    await waitFor(() => anaSession.getState().synced && brunoSession.getState().synced, 'both synced');

    addAgendaItem(anaSession.doc, { title: 'Framed once' });
    anaSession.awareness.setLocalStateField('itemId', 'framed');
    await waitFor(() => readAgenda(brunoSession.doc).length === 1, 'edit relayed');
    const anaId = anaSession.doc.clientID;
    await waitFor(() => brunoSession.awareness.getStates().get(anaId)?.itemId === 'framed', 'presence');

    for (const { wire } of [ana, bruno]) {
      expect(wire.sent.length).toBeGreaterThan(0);
      expect(wire.received.length).toBeGreaterThan(0);
    }
    // Client → server: the server's decoder takes every message the real provider sent.
    const sentByAna = ana.wire.sent.map((payload) => decodeOnServer(payload));
    expect(kindsOf(sentByAna)).toEqual(new Set(['syncStep1', 'syncStep2', 'update', 'awareness']));
    // Server → client: the same codec decodes everything the server sent.
    const receivedByBruno = bruno.wire.received.map((payload) => decodeDocMessage(payload));
    expect(kindsOf(receivedByBruno)).toEqual(new Set(['syncStep1', 'syncStep2', 'update', 'awareness']));

    // And back: the updates relayed to Bruno hold exactly what Ana's provider sent.
    const updatesIn = (messages: DocMessage[]) =>
      messages.flatMap((message) =>
        message.kind === 'update' && message.step === 'update' ? [message.update] : [],
      );
    const anaUpdates = updatesIn(sentByAna);
    expect(anaUpdates.length).toBeGreaterThan(0);
    const stateOf = (updates: Uint8Array[]) => Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates));
    expect(stateOf(updatesIn(receivedByBruno))).toEqual(stateOf(anaUpdates));
    // Ana's presence, as the server sent it, applies to a fresh awareness.
    const seenByBruno = new awarenessProtocol.Awareness(new Y.Doc());
    for (const message of receivedByBruno) {
      if (message.kind === 'awareness')
        awarenessProtocol.applyAwarenessUpdate(seenByBruno, message.update, 'test');
    }
    expect(seenByBruno.getStates().get(anaId)?.itemId).toBe('framed');
    seenByBruno.destroy();
  });
});

/**
 * The Socket.IO wire format through a real server: each doc:message is one binary frame in both
 * directions (WebSocket and long-polling), a malformed frame costs only its sender the connection,
 * and an old tab (default parser, protocol 1) still gets the `unsupported_version` refusal.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAgendaItem, readAgenda } from '../../../shared/meetingDoc.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { COMPACT_DOC_MESSAGE_MARKER } from '../../../shared/socketParser.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { createMeetingDoc, type JoinedDoc, SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';

type Transport = 'websocket' | 'polling';

interface EnginePacket {
  type: string;
  data?: unknown;
}

/** Every engine.io message packet the client sent and received, as it went over the wire. */
function recordMessages(client: SocketIoDocClient): { sent: unknown[]; received: unknown[] } {
  const sent: unknown[] = [];
  const received: unknown[] = [];
  const engine = client.socket.io.engine;
  engine.on('packetCreate', (packet: EnginePacket) => {
    if (packet.type === 'message') sent.push(packet.data);
  });
  engine.on('packet', (packet: EnginePacket) => {
    if (packet.type === 'message') received.push(packet.data);
  });
  return { sent, received };
}

function firstByte(data: unknown): number | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)[0] ?? null;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)[0] ?? null;
  return null;
}

const compactFrames = (messages: unknown[]) =>
  messages.filter((data) => firstByte(data) === COMPACT_DOC_MESSAGE_MARKER).length;
const textMentioning = (messages: unknown[], word: string) =>
  messages.filter((data) => typeof data === 'string' && data.includes(word));

describe('the Socket.IO wire format', () => {
  let server: TestServer;
  let token: string;
  const logLines: string[] = [];
  const clients: SocketIoDocClient[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    server = await startTestServer({ deps: { logger: pino({ level: 'info' }, sink) } });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  async function connect(transport: Transport): Promise<SocketIoDocClient> {
    const client = await SocketIoDocClient.connect(server.url, { token, transports: [transport] });
    clients.push(client);
    return client;
  }

  test.each<Transport>(['websocket', 'polling'])(
    'over %s, each doc:message is one compact binary frame, both ways',
    async (transport) => {
      const docName = await createMeetingDoc(server.url, token);
      const writerClient = await connect(transport);
      const readerClient = await connect(transport);
      const writerWire = recordMessages(writerClient);
      const readerWire = recordMessages(readerClient);
      const writer = await writerClient.joinSynced(docName);
      const reader = await readerClient.joinSynced(docName);

      addAgendaItem(writer.doc, { title: `Sent over ${transport}` });
      await waitFor(
        () => readAgenda(reader.doc).some((item) => item.title === `Sent over ${transport}`),
        'edit relayed',
      );

      // Sent: sync step 1 and the update; received: sync step 1 and 2, and the relayed update.
      expect(compactFrames(writerWire.sent)).toBeGreaterThanOrEqual(2);
      expect(compactFrames(readerWire.received)).toBeGreaterThanOrEqual(3);
      for (const wire of [writerWire, readerWire]) {
        // Never the default placeholder packet; joins (JSON with an ack id) still go as text.
        expect(textMentioning([...wire.sent, ...wire.received], 'doc:message')).toEqual([]);
        expect(textMentioning(wire.sent, 'doc:join')).toHaveLength(1);
      }
    },
  );

  describe('a malformed compact frame', () => {
    let bystanderDoc: JoinedDoc;
    let witnessDoc: JoinedDoc;
    let docName: string;

    beforeAll(async () => {
      docName = await createMeetingDoc(server.url, token);
      bystanderDoc = await (await connect('websocket')).joinSynced(docName);
      witnessDoc = await (await connect('polling')).joinSynced(docName);
    });

    const frames: Array<[string, Transport, number[]]> = [
      ['a name length past the end', 'websocket', [COMPACT_DOC_MESSAGE_MARKER, 40, 0x6d, 0x3a]],
      ['an unknown marker', 'polling', [0x07, 3, 0x6d, 0x3a, 0x78, 0, 0]],
    ];

    test.each(frames)('(%s, over %s) disconnects its sender only', async (what, transport, frame) => {
      const attacker = await connect(transport);
      await attacker.joinSynced(docName);
      const refusals = () =>
        logLines.filter((line) => line.includes('undecodable packet') && line.includes('malformed compact'))
          .length;
      const refusalsBefore = refusals();
      const disconnected = new Promise<string>((resolve) => attacker.socket.once('disconnect', resolve));
      attacker.socket.io.engine.write(new Uint8Array(frame));
      expect(await disconnected).toBe('transport close');
      await waitFor(() => refusals() > refusalsBefore, 'the refusal logged');

      const title = `after ${what}`;
      addAgendaItem(bystanderDoc.doc, { title });
      await waitFor(
        () => readAgenda(witnessDoc.doc).some((item) => item.title === title),
        `"${title}" relayed`,
      );
    });
  });

  test('an old tab (default parser, protocol 1) is refused with unsupported_version', async () => {
    expect(PROTOCOL_VERSION).toBeGreaterThan(1);
    // Exactly what the previous app build does: the stock parser and the version it was built with.
    const oldTab = io(server.url, {
      path: '/socket.io',
      auth: { protocolVersion: 1, token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      const error = await new Promise<Error & { data?: unknown }>((resolve, reject) => {
        oldTab.once('connect_error', resolve);
        oldTab.once('connect', () => reject(new Error('an old tab was let in')));
      });
      expect(error.message).toBe('unsupported_version');
      expect(error.data).toEqual({ error: { code: 'unsupported_version', message: expect.any(String) } });
    } finally {
      oldTab.close();
    }
  });
});

import {
  Decoder as DefaultDecoder,
  Encoder as DefaultEncoder,
  type Packet,
  PacketType,
} from 'socket.io-parser';
import { describe, expect, test } from 'vitest';
import { COMPACT_DOC_MESSAGE_MARKER, Decoder, decodeDocMessage, Encoder } from '../../shared/socketParser.ts';

const NON_ASCII_NAME = 'meeting:ação-会議-🙂';

function bytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  for (let index = 0; index < length; index++) out[index] = (index * 31 + seed) & 0xff;
  return out;
}

function docMessage(docName: string, payload: Uint8Array): Packet {
  return { type: PacketType.EVENT, nsp: '/', data: ['doc:message', docName, payload] };
}

/** Feeds chunks to a decoder and returns every packet it emitted. */
function decodeAll(decoder: DefaultDecoder, chunks: unknown[]): Packet[] {
  const packets: Packet[] = [];
  decoder.on('decoded', (packet: Packet) => packets.push(packet));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

/** The frame layout, written out by hand: marker, varuint name length, UTF-8 name, payload. */
function expectedFrame(docName: string, payload: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(docName);
  const length: number[] = [];
  let rest = name.length;
  while (rest >= 0x80) {
    length.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  length.push(rest);
  return new Uint8Array([COMPACT_DOC_MESSAGE_MARKER, ...length, ...name, ...payload]);
}

describe('compact doc:message frames', () => {
  test.each([0, 1, 200, 70_000])('a %i-byte payload travels as one frame and round-trips', (size) => {
    const payload = bytes(size);
    const chunks = new Encoder().encode(docMessage(NON_ASCII_NAME, payload));
    expect(chunks).toHaveLength(1);
    const [frame] = chunks;
    expect(frame).toBeInstanceOf(Uint8Array);
    expect(frame).toEqual(expectedFrame(NON_ASCII_NAME, payload));

    const [packet, ...more] = decodeAll(new Decoder(), chunks);
    expect(more).toEqual([]);
    expect(packet).toEqual({
      type: PacketType.EVENT,
      nsp: '/',
      data: ['doc:message', NON_ASCII_NAME, payload],
    });
    const decodedPayload = (packet?.data as unknown[] | undefined)?.[2];
    expect(decodedPayload).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(decodedPayload)).toBe(false);
  });

  test('a name longer than 127 bytes takes a two-byte length', () => {
    const name = `meeting:${'é'.repeat(100)}`;
    const [frame] = new Encoder().encode(docMessage(name, bytes(3)));
    expect(frame).toEqual(expectedFrame(name, bytes(3)));
    expect(decodeDocMessage(frame as Uint8Array).data[1]).toBe(name);
  });

  test('a Buffer payload (as the server holds it) encodes like a Uint8Array', () => {
    const payload = bytes(50);
    const [fromBuffer] = new Encoder().encode(docMessage('meeting:x', Buffer.from(payload)));
    expect(fromBuffer).toEqual(expectedFrame('meeting:x', payload));
  });

  test('the frame decodes from a Buffer, an ArrayBuffer (browsers) and a view with an offset', () => {
    const payload = bytes(300);
    const frame = expectedFrame('meeting:x', payload);
    const padded = new Uint8Array(frame.length + 10);
    padded.set(frame, 5);
    const forms: unknown[] = [
      Buffer.from(frame),
      frame.slice().buffer,
      new DataView(padded.buffer, 5, frame.length),
      padded.subarray(5, 5 + frame.length),
    ];
    for (const form of forms) {
      const [packet] = decodeAll(new Decoder(), [form]);
      expect(packet?.data).toEqual(['doc:message', 'meeting:x', payload]);
    }
  });
});

describe('names remembered between frames', () => {
  test('frames for different documents in turn decode to their own names', () => {
    const names = ['meeting:x', 'meeting:y', 'meeting:x', 'meeting:xy', NON_ASCII_NAME, 'meeting:x'];
    const payload = bytes(5);
    const frames = names.map((name) => new Encoder().encode(docMessage(name, payload))[0]);
    expect(frames.map((frame) => decodeDocMessage(frame as Uint8Array).data[1])).toEqual(names);
    expect(frames).toEqual(names.map((name) => expectedFrame(name, payload)));
  });

  test('bytes that are not UTF-8 are refused right after a valid name of the same length', () => {
    decodeDocMessage(expectedFrame('m:', bytes(1)));
    expect(() => decodeDocMessage(new Uint8Array([COMPACT_DOC_MESSAGE_MARKER, 2, 0xc3, 0x28, 1]))).toThrow(
      /not valid UTF-8/,
    );
  });
});

describe('everything else goes through the default parser unchanged', () => {
  const attachment = () => bytes(40, 3);
  const cases: Array<[string, () => Packet]> = [
    [
      'the CONNECT handshake',
      () => ({ type: PacketType.CONNECT, nsp: '/', data: { protocolVersion: 2, token: 't' } }),
    ],
    [
      'doc:join with an ack id',
      () => ({ type: PacketType.EVENT, nsp: '/', id: 12, data: ['doc:join', 'meeting:x'] }),
    ],
    [
      'the join ack',
      () => ({ type: PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true, permission: 'write' }] }),
    ],
    [
      'a doc:error object',
      () => ({
        type: PacketType.EVENT,
        nsp: '/',
        data: ['doc:error', { docName: 'meeting:x', error: { code: 'forbidden', message: 'Read-only' } }],
      }),
    ],
    [
      'binary in another position',
      () => ({ type: PacketType.EVENT, nsp: '/', data: ['doc:message', attachment(), 'meeting:x'] }),
    ],
    [
      'two attachments inside an object',
      () => ({ type: PacketType.EVENT, nsp: '/', data: ['snapshot', { a: attachment(), b: bytes(3) }] }),
    ],
    [
      'doc:message with an ack id',
      () => ({ type: PacketType.EVENT, nsp: '/', id: 4, data: ['doc:message', 'meeting:x', attachment()] }),
    ],
    [
      'doc:message on another namespace',
      () => ({ type: PacketType.EVENT, nsp: '/admin', data: ['doc:message', 'meeting:x', attachment()] }),
    ],
    [
      'doc:message with an empty name',
      () => ({ type: PacketType.EVENT, nsp: '/', data: ['doc:message', '', attachment()] }),
    ],
    [
      'doc:message with a text payload',
      () => ({ type: PacketType.EVENT, nsp: '/', data: ['doc:message', 'meeting:x', 'not binary'] }),
    ],
    [
      'doc:message with an extra argument',
      () => ({ type: PacketType.EVENT, nsp: '/', data: ['doc:message', 'meeting:x', attachment(), 1] }),
    ],
  ];

  test.each(cases)('%s: byte-for-byte the default encoding, and decoded alike', (_what, make) => {
    const ours = new Encoder().encode(make());
    const theirs = new DefaultEncoder().encode(make());
    expect(ours).toEqual(theirs);
    expect(decodeAll(new Decoder(), ours)).toEqual(decodeAll(new DefaultDecoder(), theirs));
    expect(decodeAll(new Decoder(), ours)).toHaveLength(1);
  });

  test('attachments of a default packet are not mistaken for compact frames', () => {
    const encoder = new Encoder();
    const a = bytes(5, 1);
    const b = bytes(6, 2);
    const twoAttachments: Packet = { type: PacketType.EVENT, nsp: '/', data: ['snapshot', a, b] };
    const chunks = [
      ...encoder.encode(docMessage('meeting:1', bytes(4))),
      ...encoder.encode(twoAttachments),
      ...encoder.encode(docMessage('meeting:2', bytes(8))),
      ...encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['doc:leave', 'meeting:1'] }),
      ...encoder.encode(docMessage('meeting:3', bytes(0))),
    ];
    expect(chunks).toHaveLength(7);
    const packets = decodeAll(new Decoder(), chunks);
    expect(packets.map((packet) => packet.data)).toEqual([
      ['doc:message', 'meeting:1', bytes(4)],
      ['snapshot', a, b],
      ['doc:message', 'meeting:2', bytes(8)],
      ['doc:leave', 'meeting:1'],
      ['doc:message', 'meeting:3', bytes(0)],
    ]);
  });

  test('text while attachments are due is refused, as the default decoder refuses it', () => {
    const [header] = new DefaultEncoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['x', bytes(2)] });
    const decoder = new Decoder();
    decoder.add(header);
    expect(() => decoder.add('2["doc:leave","meeting:x"]')).toThrow(/plaintext data when reconstructing/);
  });

  test('bad text is refused by the default decoder', () => {
    expect(() => new Decoder().add('9 not a packet')).toThrow(/unknown packet type/);
    expect(() => new Decoder().add('2["connect"]')).toThrow(/invalid payload/);
  });
});

describe('malformed compact frames are refused with a clear error', () => {
  const name = [0x6d, 0x3a, 0x78]; // "m:x"
  const cases: Array<[string, number[], RegExp]> = [
    ['an empty frame', [], /empty frame/],
    ['a bad marker', [0x00, 3, ...name, 1, 2], /unknown marker 0x00/],
    ['a truncated name length', [COMPACT_DOC_MESSAGE_MARKER, 0x80], /truncated document name length/],
    ['a missing name length', [COMPACT_DOC_MESSAGE_MARKER], /truncated document name length/],
    [
      'a name length of 200 continuation bytes',
      [COMPACT_DOC_MESSAGE_MARKER, ...new Array<number>(200).fill(0x80), 1, ...name],
      /document name length out of range/,
    ],
    [
      'a name length past the safe integers',
      [COMPACT_DOC_MESSAGE_MARKER, ...new Array<number>(7).fill(0xff), 0x7f, ...name],
      /document name length out of range/,
    ],
    [
      'a name longer than the frame',
      [COMPACT_DOC_MESSAGE_MARKER, 9, ...name],
      /name length 9 exceeds the 3 bytes left/,
    ],
    ['a name that is not UTF-8', [COMPACT_DOC_MESSAGE_MARKER, 2, 0xc3, 0x28, 1], /not valid UTF-8/],
    ['an empty name', [COMPACT_DOC_MESSAGE_MARKER, 0, 1, 2, 3], /empty document name/],
  ];

  test.each(cases)('%s', (_what, frame, message) => {
    const decoder = new Decoder();
    const packets: Packet[] = [];
    decoder.on('decoded', (packet: Packet) => packets.push(packet));
    expect(() => decoder.add(Buffer.from(frame))).toThrow(message);
    expect(() => decoder.add(Buffer.from(frame))).toThrow(/malformed compact doc:message frame/);
    expect(packets).toEqual([]);
  });
});

/**
 * The Socket.IO parser of both ends (`parser` option of the server and of socket.io-client).
 *
 * Why: the default parser sends an event with binary data as TWO WebSocket frames, a JSON
 * placeholder (`451-["doc:message","meeting:x",{"_placeholder":true,"num":0}]`) and then the
 * bytes, and it encodes that pair again for every socket the hub relays an edit to. Document
 * messages are most of the traffic, so this parser sends each `doc:message` as ONE binary frame:
 *
 *   [marker/version: 1 byte][docName: varuint byte length + UTF-8][payload: the rest]
 *
 * and the server builds that frame once per relayed message, however many readers it goes to
 * (server/transports/socketio.ts). Everything else (joins and their acks, errors, the CONNECT
 * handshake, any other binary event) goes through the default socket.io-parser unchanged. Over HTTP
 * long-polling engine.io carries the frame base64-encoded, as it carries any binary packet.
 */
import * as string from 'lib0/string';
import {
  Decoder as DefaultDecoder,
  Encoder as DefaultEncoder,
  type Packet,
  PacketType,
} from 'socket.io-parser';

/** The one event that travels in the compact form. */
export const DOC_MESSAGE_EVENT = 'doc:message';

/**
 * First byte of a compact frame: identifies the format and its version. A change of layout takes a
 * new marker (and a PROTOCOL_VERSION bump, so old tabs are refused at the handshake).
 */
export const COMPACT_DOC_MESSAGE_MARKER = 0xd1;

/** A decoded `doc:message` event, as socket.io's own decoder would have produced it. */
export interface DocMessagePacket extends Packet {
  type: PacketType.EVENT;
  nsp: '/';
  data: [typeof DOC_MESSAGE_EVENT, string, Uint8Array];
}

interface DocMessage {
  docName: string;
  payload: Uint8Array;
}

/** The packet, if it is a doc message the compact form can carry; null for everything else. */
function asDocMessage(packet: Packet): DocMessage | null {
  // An ack id or another namespace has no place in the compact form: those go the default way.
  if (packet.type !== PacketType.EVENT || packet.nsp !== '/' || packet.id != null) return null;
  const data: unknown = packet.data;
  if (!Array.isArray(data) || data.length !== 3 || data[0] !== DOC_MESSAGE_EVENT) return null;
  const [, docName, payload] = data as [unknown, unknown, unknown];
  // The decoder refuses empty names, so the encoder must never produce one.
  if (typeof docName !== 'string' || docName.length === 0) return null;
  // Node's Buffer is a Uint8Array too.
  if (!(payload instanceof Uint8Array)) return null;
  return { docName, payload };
}

/** A connection mostly carries one document, so its name's bytes are remembered between messages. */
let encodedName = { docName: '', bytes: new Uint8Array(0) };

function nameBytes(docName: string): Uint8Array {
  if (encodedName.docName !== docName) encodedName = { docName, bytes: string.encodeUtf8(docName) };
  return encodedName.bytes;
}

/** Writes the varuint (7 bits a byte, least significant first) of `value` at `offset`. */
function writeVarUint(target: Uint8Array, offset: number, value: number): void {
  let rest = value;
  let at = offset;
  while (rest >= 0x80) {
    target[at++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 0x80);
  }
  target[at] = rest;
}

const varUintLength = (value: number): number =>
  value < 0x80 ? 1 : 1 + varUintLength(Math.floor(value / 0x80));

/** The compact frame of one doc message: one allocation, the payload copied once, straight into it. */
export function encodeDocMessage(docName: string, payload: Uint8Array): Uint8Array {
  const name = nameBytes(docName);
  const nameAt = 1 + varUintLength(name.length);
  const frame = new Uint8Array(nameAt + name.length + payload.length);
  frame[0] = COMPACT_DOC_MESSAGE_MARKER;
  writeVarUint(frame, 1, name.length);
  frame.set(name, nameAt);
  frame.set(payload, nameAt + name.length);
  return frame;
}

const malformed = (reason: string) => new Error(`malformed compact doc:message frame: ${reason}`);

/** The last name decoded, by its bytes: a connection's next message is most often for the same document. */
let decodedName = { docName: '', bytes: new Uint8Array(0) };

/** Whether `frame[at, at + length)` holds exactly `bytes`. */
function holds(frame: Uint8Array, at: number, length: number, bytes: Uint8Array): boolean {
  if (bytes.length !== length) return false;
  for (let index = 0; index < length; index++) if (frame[at + index] !== bytes[index]) return false;
  return true;
}

function decodeName(frame: Uint8Array, at: number, length: number): string {
  if (holds(frame, at, length, decodedName.bytes)) return decodedName.docName;
  const bytes = frame.slice(at, at + length);
  let docName: string;
  try {
    // lib0's decoder is a fatal TextDecoder (or a polyfill that throws too) on invalid UTF-8.
    docName = string.decodeUtf8(bytes);
  } catch {
    throw malformed('document name is not valid UTF-8');
  }
  decodedName = { docName, bytes };
  return docName;
}

/**
 * Decodes a compact frame. Throws, like the default decoder on bad input, so that socket.io
 * closes this one connection. The payload is a view into the frame, not a copy.
 */
export function decodeDocMessage(frame: Uint8Array): DocMessagePacket {
  if (frame.length === 0) throw malformed('empty frame');
  const marker = frame[0] as number;
  if (marker !== COMPACT_DOC_MESSAGE_MARKER) {
    throw malformed(`unknown marker 0x${marker.toString(16).padStart(2, '0')}`);
  }
  let nameLength = 0;
  let at = 1;
  for (let scale = 1; ; scale *= 0x80) {
    // Eight bytes hold any safe integer; more would only overflow the scale.
    if (scale > 0x80 ** 7) throw malformed('document name length out of range');
    const byte = frame[at++];
    if (byte === undefined) throw malformed('truncated document name length');
    nameLength += (byte & 0x7f) * scale;
    if (nameLength > Number.MAX_SAFE_INTEGER) throw malformed('document name length out of range');
    if (byte < 0x80) break;
  }
  if (nameLength === 0) throw malformed('empty document name');
  const left = frame.length - at;
  if (nameLength > left) {
    throw malformed(`document name length ${nameLength} exceeds the ${left} bytes left`);
  }
  const docName = decodeName(frame, at, nameLength);
  const payloadAt = at + nameLength;
  const payload = new Uint8Array(frame.buffer, frame.byteOffset + payloadAt, frame.length - payloadAt);
  return { type: PacketType.EVENT, nsp: '/', data: [DOC_MESSAGE_EVENT, docName, payload] };
}

/** Binary chunks arrive as Buffer in Node and ArrayBuffer in browsers. */
function binaryChunk(chunk: unknown): Uint8Array | null {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

export class Encoder extends DefaultEncoder {
  override encode(packet: Packet): Array<string | Uint8Array> {
    const message = asDocMessage(packet);
    if (!message) return super.encode(packet) as Array<string | Uint8Array>;
    return [encodeDocMessage(message.docName, message.payload)];
  }
}

export class Decoder extends DefaultDecoder {
  private packetsDecoded = 0;
  /** True while the default decoder holds a packet header whose binary attachments are due. */
  private awaitingAttachments = false;

  constructor(...options: ConstructorParameters<typeof DefaultDecoder>) {
    super(...options);
    // Registered first, so it runs before socket.io's own listener sees the packet.
    this.on('decoded', () => {
      this.packetsDecoded += 1;
      this.awaitingAttachments = false;
    });
  }

  override add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      this.addText(chunk);
      return;
    }
    const bytes = this.awaitingAttachments ? null : binaryChunk(chunk);
    if (bytes) {
      this.emitReserved('decoded', decodeDocMessage(bytes));
      return;
    }
    // An attachment of a default packet (or something the default decoder will refuse).
    super.add(chunk);
  }

  /**
   * The default decoder keeps "reconstructing a packet" private, so we infer it from its public
   * behaviour: a text packet either throws (nothing pending), emits 'decoded' at once (complete),
   * or announces binary attachments and emits nothing until the last one has arrived.
   */
  private addText(text: string): void {
    if (this.awaitingAttachments) {
      super.add(text); // throws "got plaintext data when reconstructing a packet"
      return;
    }
    const before = this.packetsDecoded;
    super.add(text);
    this.awaitingAttachments = this.packetsDecoded === before;
  }

  override destroy(): void {
    this.awaitingAttachments = false;
    super.destroy();
  }
}

/** Pass as `parser` to `new Server(...)` and to `io(...)`. */
export const docMessageParser = { Encoder, Decoder } as const;

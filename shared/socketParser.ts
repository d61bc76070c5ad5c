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
 * (server/transports/socketio.ts). Everything else (joins and their acks, errors, the CONNECT handshake, any other
 * binary event) goes through the default socket.io-parser unchanged. Over HTTP long-polling
 * engine.io carries the frame base64-encoded, as it carries any binary packet.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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

/** The compact frame of one doc message. The payload is copied once, straight into the frame. */
export function encodeDocMessage(docName: string, payload: Uint8Array): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeUint8(header, COMPACT_DOC_MESSAGE_MARKER);
  encoding.writeVarString(header, docName);
  const headerBytes = encoding.toUint8Array(header);
  const frame = new Uint8Array(headerBytes.length + payload.length);
  frame.set(headerBytes, 0);
  frame.set(payload, headerBytes.length);
  return frame;
}

const malformed = (reason: string) => new Error(`malformed compact doc:message frame: ${reason}`);

/**
 * Decodes a compact frame. Throws, like the default decoder on bad input, so that socket.io
 * closes this one connection. The payload is a view into the frame, not a copy.
 */
export function decodeDocMessage(frame: Uint8Array): DocMessagePacket {
  if (frame.length === 0) throw malformed('empty frame');
  const decoder = decoding.createDecoder(frame);
  const marker = decoding.readUint8(decoder);
  if (marker !== COMPACT_DOC_MESSAGE_MARKER) {
    throw malformed(`unknown marker 0x${marker.toString(16).padStart(2, '0')}`);
  }
  let nameLength: number;
  try {
    nameLength = decoding.readVarUint(decoder);
  } catch {
    throw malformed('truncated document name length');
  }
  if (nameLength === 0) throw malformed('empty document name');
  const left = frame.length - decoder.pos;
  if (nameLength > left) {
    throw malformed(`document name length ${nameLength} exceeds the ${left} bytes left`);
  }
  let docName: string;
  try {
    // lib0's decoder is a fatal TextDecoder (or a polyfill that throws too) on invalid UTF-8.
    docName = string.decodeUtf8(decoding.readUint8Array(decoder, nameLength));
  } catch {
    throw malformed('document name is not valid UTF-8');
  }
  const payload = new Uint8Array(frame.buffer, frame.byteOffset + decoder.pos, frame.length - decoder.pos);
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

/**
 * Binary WebSocket frames (RFC 6455 §5.2), encoded once and written to many sockets.
 *
 * The DocHub hands the same relayed message to every reader of a document. `ws.send` would frame it
 * anew for each one and write header and payload as two chunks (a `writev`); here the frame is
 * built once per message and each reader costs one plain `write` of the same buffer. Under fan-out
 * (one edit, 50 readers) the relay loop is most of the server's work per edit.
 *
 * Writing next to `ws` on the socket it owns is safe as long as `ws` writes each of its own frames
 * whole, synchronously, and never holds one back in a queue: true without permessage-deflate (its
 * compression is asynchronous) and without Blob payloads, neither of which the y-websocket endpoint
 * uses. The server turns compression off explicitly for that reason.
 */
import type { Writable } from 'node:stream';

/** FIN set, opcode 2 (binary). */
const FIN_BINARY = 0x82;

/** The whole frame: header (2, 4 or 10 bytes: server frames are not masked) then the payload. */
export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/** Frames by message: the first reader of a message pays for its frame, the others reuse it. */
const framed = new WeakMap<Uint8Array, Buffer>();

export function binaryFrame(payload: Uint8Array): Buffer {
  let frame = framed.get(payload);
  if (!frame) {
    frame = encodeBinaryFrame(payload);
    framed.set(payload, frame);
  }
  return frame;
}

/** Writes `payload` as one binary frame on an upgraded socket; false when the socket is gone. */
export function writeBinaryFrame(socket: Writable, payload: Uint8Array): boolean {
  if (socket.destroyed || !socket.writable) return false;
  socket.write(binaryFrame(payload));
  return true;
}

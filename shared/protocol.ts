/**
 * The Socket.IO protocol between the browser and the server.
 *
 * Documents are multiplexed over one connection per tab. Each `doc:message` payload is one
 * y-protocols message framed exactly as y-websocket frames it (a varuint message type, then the
 * body), so the server handles both transports with one decoder.
 */
import type { CommitmentCommandEvents } from './commitmentCommands.ts';
import type { ErrorResponse } from './errors.ts';
import type { MeetingCommandEvents } from './meetingCommands.ts';
import type { Permission } from './roles.ts';

/**
 * Bump when an event's shape changes; the server refuses clients that speak another version.
 * 2: `doc:message` travels as one compact binary frame (`shared/socketParser.ts`).
 * The meeting commands (`meeting:*`, `shared/meetingCommands.ts`) were added without a bump: new
 * events change no existing one, and a client that does not send them is unaffected.
 */
export const PROTOCOL_VERSION = 2;

/** y-protocols message types, as y-websocket numbers them. */
export const DocMessageType = {
  sync: 0,
  awareness: 1,
} as const;
export type DocMessageType = (typeof DocMessageType)[keyof typeof DocMessageType];

/** Largest accepted document message, in bytes. Larger ones are refused with `too_large`. */
export const MAX_DOC_MESSAGE_BYTES = 1024 * 1024;

/** Sent in the Socket.IO handshake (`io(url, { auth })`). */
export interface HandshakeAuth {
  protocolVersion: number;
  /** Session token; browsers may rely on the session cookie instead. */
  token?: string;
}

export type JoinAck = { ok: true; permission: Permission } | ErrorResponse;

/** Document events, plus the meeting commands (`shared/meetingCommands.ts`). */
export interface ClientToServerEvents extends MeetingCommandEvents, CommitmentCommandEvents {
  /** Joins a document; the server then sends sync step 1 and the current awareness states. */
  'doc:join': (docName: string, ack: (result: JoinAck) => void) => void;
  'doc:leave': (docName: string) => void;
  'doc:message': (docName: string, message: Uint8Array) => void;
}

export interface DocErrorEvent extends ErrorResponse {
  docName: string | null;
}

export interface ServerToClientEvents {
  'doc:message': (docName: string, message: Uint8Array) => void;
  /** A refusal or a rejected message: the client learns why, the document is unchanged. */
  'doc:error': (event: DocErrorEvent) => void;
}

/** Socket.IO delivers binary as Buffer in Node and ArrayBuffer in browsers. */
export function toUint8Array(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

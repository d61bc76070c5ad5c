/**
 * Decoding and encoding of the y-websocket message framing (a varuint message type, then the body),
 * shared by both transports. Incoming messages are decoded completely, and every Yjs payload is
 * checked, before anything touches a document: a malformed message is refused as a whole.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocMessageType } from '../../shared/protocol.ts';

/** y-websocket's extra message types beyond sync (0) and awareness (1). */
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type IncomingDocMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /**
   * Sync step 2 and plain updates are both "apply this update". `message` is the whole message as
   * received: for a plain update, the very bytes the server would relay (see `encodeUpdate`).
   */
  | { kind: 'update'; update: Uint8Array; step: 'syncStep2' | 'update'; message: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/** Reads an awareness update fully (client ids, clocks, JSON states) without applying it. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness update');
}

function checkUpdate(update: Uint8Array): void {
  // decodeUpdate walks every struct and the delete set; it throws on truncated or garbage input.
  Y.decodeUpdate(update);
}

function decodeUnchecked(data: Uint8Array): IncomingDocMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: IncomingDocMessage;
  if (type === DocMessageType.sync) {
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      Y.decodeStateVector(payload);
      message = { kind: 'syncStep1', stateVector: payload };
    } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
      checkUpdate(payload);
      message = {
        kind: 'update',
        update: payload,
        step: syncType === syncProtocol.messageYjsSyncStep2 ? 'syncStep2' : 'update',
        message: data,
      };
    } else {
      throw new MalformedMessageError(`unknown sync message type ${syncType}`);
    }
  } else if (type === DocMessageType.awareness) {
    const update = decoding.readVarUint8Array(decoder);
    checkAwarenessUpdate(update);
    message = { kind: 'awareness', update };
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    message = { kind: 'queryAwareness' };
  } else {
    throw new MalformedMessageError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
  return message;
}

/** Decodes one message; throws MalformedMessageError for anything that is not a well-formed message. */
export function decodeDocMessage(data: Uint8Array): IncomingDocMessage {
  try {
    return decodeUnchecked(data);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 and Yjs throw plain Errors (or worse) on truncated input; name them uniformly.
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable message');
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, DocMessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
  });

export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, DocMessageType.sync);
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, DocMessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
  });

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, DocMessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** The standard y-protocols refusal, which the stock y-websocket client reports as "Permission denied". */
export const encodePermissionDenied = (reason: string): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(encoder, reason);
  });

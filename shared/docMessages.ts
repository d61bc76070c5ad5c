/**
 * The y-protocols message framing, written once for the server, the browser's provider and the
 * tests: a varuint message type, then a y-protocols body, exactly as y-websocket frames it.
 *
 * `decodeDocMessage` reads a message completely and checks every payload (a Yjs update is read
 * as `Y.decodeUpdate` reads it, by `scanUpdate`; an awareness update entry by entry) before it
 * returns, so a caller acts on a message as a whole or not at all. Two checks are left to whoever
 * applies a payload: an update that decodes is not proven applicable by that (see
 * docs/architecture.md), and awareness states are parsed as JSON where they are applied (the
 * server's presence, which also caps them before parsing; y-protocols in the client), not twice.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocMessageType } from './protocol.ts';
import { scanUpdate, type UpdateScan } from './updateScan.ts';

/** Every message type y-websocket defines: sync and awareness (shared/protocol.ts), auth, query-awareness. */
export const MessageType = { ...DocMessageType, auth: 2, queryAwareness: 3 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export type DocMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /**
   * Sync step 2 and plain updates both mean "apply this update". `message` is the whole message as
   * received: for a plain update, the very bytes `encodeUpdate(update)` would produce.
   */
  | {
      kind: 'update';
      step: 'syncStep2' | 'update';
      update: Uint8Array;
      message: Uint8Array;
      /** What reading the update found (roots, references): the checks before applying use it. */
      scan: UpdateScan;
    }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'permissionDenied'; reason: string };

export type DocMessageKind = DocMessage['kind'];

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/** Runs one step of the decoding; whatever lib0 or Yjs throws is named after that step. */
function step<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new MalformedMessageError(`${what}: ${cause}`);
  }
}

/** Walks every entry (client id, clock, length-prefixed state) and refuses trailing bytes. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  // One label, not a closure per read: a flood packs ~150,000 entries into one message.
  let reading = 'client count';
  try {
    const count = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index++) {
      reading = 'client id';
      decoding.readVarUint(decoder);
      reading = 'clock';
      decoding.readVarUint(decoder);
      reading = 'state';
      decoding.readUint8Array(decoder, decoding.readVarUint(decoder));
    }
  } catch (error) {
    throw new MalformedMessageError(
      `awareness update: ${reading}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('awareness update: trailing bytes');
}

function readSync(decoder: decoding.Decoder, data: Uint8Array): DocMessage {
  const syncType = step('sync message: sync type', () => decoding.readVarUint(decoder));
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    const stateVector = step('sync step 1: payload', () => decoding.readVarUint8Array(decoder));
    step('sync step 1: not a state vector', () => Y.decodeStateVector(stateVector));
    return { kind: 'syncStep1', stateVector };
  }
  if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
    const name = syncType === syncProtocol.messageYjsSyncStep2 ? 'syncStep2' : 'update';
    const update = step(`${name}: payload`, () => decoding.readVarUint8Array(decoder));
    // Reads every struct and the delete set; throws on truncated or garbage input.
    const scan = step(`${name}: not a Yjs update`, () => scanUpdate(update));
    return { kind: 'update', step: name, update, message: data, scan };
  }
  throw new MalformedMessageError(`sync message: unknown sync type ${syncType}`);
}

function readAuth(decoder: decoding.Decoder): DocMessage {
  const authType = step('auth message: auth type', () => decoding.readVarUint(decoder));
  if (authType !== authProtocol.messagePermissionDenied) {
    throw new MalformedMessageError(`auth message: unknown auth type ${authType}`);
  }
  return {
    kind: 'permissionDenied',
    reason: step('auth message: reason', () => decoding.readVarString(decoder)),
  };
}

/**
 * Decodes one whole message. Throws MalformedMessageError, naming what was wrong, for anything that
 * is not exactly one well-formed message (truncated, unknown type, undecodable payload, trailing bytes).
 */
export function decodeDocMessage(data: Uint8Array): DocMessage {
  const decoder = decoding.createDecoder(data);
  const type = step('message type', () => decoding.readVarUint(decoder));
  let message: DocMessage;
  if (type === MessageType.sync) message = readSync(decoder, data);
  else if (type === MessageType.awareness) {
    const update = step('awareness message: payload', () => decoding.readVarUint8Array(decoder));
    checkAwarenessUpdate(update);
    message = { kind: 'awareness', update };
  } else if (type === MessageType.auth) message = readAuth(decoder);
  else if (type === MessageType.queryAwareness) message = { kind: 'queryAwareness' };
  else throw new MalformedMessageError(`unknown message type ${type}`);
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError(
      `${message.kind}: ${data.length - decoder.pos} trailing bytes after the message`,
    );
  }
  return message;
}

function frame(type: MessageType, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "Here is what I have; send me what I miss." */
export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));

/** The answer to a sync step 1: everything `doc` holds beyond `stateVector`. */
export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector));

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame(MessageType.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));

/** The awareness states of `clients`, as `awareness` holds them now. */
export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  encodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));

/** An awareness update already encoded (`awarenessProtocol.encodeAwarenessUpdate`). */
export const encodeAwarenessUpdate = (update: Uint8Array): Uint8Array =>
  frame(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update));

/** "Send me everyone's awareness state." */
export const encodeQueryAwareness = (): Uint8Array => frame(MessageType.queryAwareness, () => {});

/** The standard y-protocols refusal, which the stock y-websocket client reports as "Permission denied". */
export const encodePermissionDenied = (reason: string): Uint8Array =>
  frame(MessageType.auth, (encoder) => authProtocol.writePermissionDenied(encoder, reason));

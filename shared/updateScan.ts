/**
 * Reads a Yjs update (v1 encoding) the way `Y.decodeUpdate` does, byte for byte and with the same
 * lib0 readers, so it accepts and refuses exactly the same input, but without building its structs:
 * it keeps only what the checks before applying need (which roots the update names, and whether an
 * item refers to a later clock of its own client). `Y.decodeUpdate` made every Item, ID and value of
 * every client update a second time (Yjs decodes it again to apply it); that garbage was a tenth of
 * the server's allocation per edit (docs/architecture.md, Storage).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** A root an item writes directly: its name, and whether it writes a map entry (else a list slot). */
export interface RootUse {
  name: string;
  mapEntry: boolean;
}

/** Which reference of an item names a clock of its own client at or after its own. */
export type ForwardReference = 'origin' | 'right origin' | 'parent';

export interface UpdateScan {
  /** Roots written by items that name their root, in update order (repeats kept out). */
  roots: RootUse[];
  /** The first item that refers to a later clock of its own client: Yjs would throw integrating it. */
  forwardReference: ForwardReference | null;
}

// Info byte flags (Yjs `Item.write`): origin, right origin, parentSub; the low five bits name the content.
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;
const CONTENT_BITS = 0x1f;
const SKIP_INFO = 10;

enum Content {
  deleted = 1,
  json = 2,
  binary = 3,
  string = 4,
  embed = 5,
  format = 6,
  type = 7,
  any = 8,
  doc = 9,
}

/** Yjs type refs whose content carries a key (`YXmlElement`, `YXmlHook`); 7 and up do not exist. */
const TYPE_REF_WITH_KEY = new Set([3, 5]);
const TYPE_REF_COUNT = 7;

const unexpected = (what: string): Error => new Error(`Unexpected ${what} in update`);

/** JSON as Yjs reads it; in JSON content (not embeds or formats) the string "undefined" stands for undefined. */
function readJson(decoder: decoding.Decoder, undefinedAllowed = false): void {
  const text = decoding.readVarString(decoder);
  if (!undefinedAllowed || text !== 'undefined') JSON.parse(text);
}

/** Consumes one lib0 `any` value exactly as `decoding.readAny` would, without building it. */
function skipAny(decoder: decoding.Decoder): void {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      decoding.readFloat32(decoder);
      return;
    case 123:
      decoding.readFloat64(decoder);
      return;
    case 122:
      decoding.readBigInt64(decoder);
      return;
    case 119: // strings are decoded (lib0 refuses invalid UTF-8, so Yjs does)
      decoding.readVarString(decoder);
      return;
    case 116: // Uint8Array
      decoding.readVarUint8Array(decoder);
      return;
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let index = 0; index < entries; index++) {
        decoding.readVarString(decoder);
        skipAny(decoder);
      }
      return;
    }
    case 117: {
      const length = decoding.readVarUint(decoder);
      for (let index = 0; index < length; index++) skipAny(decoder);
      return;
    }
    default:
      throw unexpected(`value type ${String(type)}`);
  }
}

/** Consumes an item's content; returns its length in clock units (Yjs `content.getLength()`). */
function skipContent(decoder: decoding.Decoder, info: number): number {
  switch (info & CONTENT_BITS) {
    case Content.deleted:
      return decoding.readVarUint(decoder);
    case Content.json: {
      const length = decoding.readVarUint(decoder);
      for (let index = 0; index < length; index++) readJson(decoder, true);
      return length;
    }
    case Content.binary:
      decoding.readVarUint8Array(decoder);
      return 1;
    case Content.string:
      // Clock units are UTF-16 code units of the decoded text (lib0 refuses invalid UTF-8).
      return decoding.readVarString(decoder).length;
    case Content.embed:
      readJson(decoder);
      return 1;
    case Content.format:
      decoding.readVarString(decoder);
      readJson(decoder);
      return 1;
    case Content.type: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef >= TYPE_REF_COUNT) throw unexpected(`type ref ${typeRef}`);
      if (TYPE_REF_WITH_KEY.has(typeRef)) decoding.readVarString(decoder);
      return 1;
    }
    case Content.any: {
      const length = decoding.readVarUint(decoder);
      for (let index = 0; index < length; index++) skipAny(decoder);
      return length;
    }
    case Content.doc: {
      // A subdocument: built as Yjs builds it, which throws on some options (null, for one).
      const guid = decoding.readVarString(decoder);
      const options = decoding.readAny(decoder) as Record<string, unknown>;
      new Y.Doc({ guid, ...options, shouldLoad: Boolean(options.shouldLoad || options.autoLoad) });
      return 1;
    }
    default:
      throw unexpected(`content ref ${info & CONTENT_BITS}`);
  }
}

/** Reads an ID (client, clock); true when it names `client` at `clock` or later. */
function readIdPointsForward(decoder: decoding.Decoder, client: number, clock: number): boolean {
  const refClient = decoding.readVarUint(decoder);
  const refClock = decoding.readVarUint(decoder);
  return refClient === client && refClock >= clock;
}

/** Throws what `Y.decodeUpdate` throws for the same bytes. */
export function scanUpdate(update: Uint8Array): UpdateScan {
  const decoder = decoding.createDecoder(update);
  const roots: RootUse[] = [];
  let forwardReference: ForwardReference | null = null;
  const clients = decoding.readVarUint(decoder);
  for (let clientIndex = 0; clientIndex < clients; clientIndex++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    for (let structIndex = 0; structIndex < structs; structIndex++) {
      const info = decoding.readUint8(decoder);
      if (info === SKIP_INFO) {
        clock += decoding.readVarUint(decoder);
        continue;
      }
      if ((info & CONTENT_BITS) === 0) {
        // GC: a run of garbage-collected clocks.
        clock += decoding.readVarUint(decoder);
        continue;
      }
      let forward: ForwardReference | null = null;
      if (info & HAS_ORIGIN && readIdPointsForward(decoder, client, clock)) forward = 'origin';
      if (info & HAS_RIGHT_ORIGIN && readIdPointsForward(decoder, client, clock)) forward ??= 'right origin';
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        // Without neighbours an item names its parent: a root by name, or a nested type by ID.
        if (decoding.readVarUint(decoder) === 1) {
          const name = decoding.readVarString(decoder);
          const mapEntry = (info & HAS_PARENT_SUB) !== 0;
          if (!roots.some((use) => use.name === name && use.mapEntry === mapEntry))
            roots.push({ name, mapEntry });
        } else if (readIdPointsForward(decoder, client, clock)) {
          forward ??= 'parent';
        }
        if (info & HAS_PARENT_SUB) decoding.readVarString(decoder);
      }
      forwardReference ??= forward;
      clock += skipContent(decoder, info);
    }
  }
  skipDeleteSet(decoder);
  return { roots, forwardReference };
}

function skipDeleteSet(decoder: decoding.Decoder): void {
  const clients = decoding.readVarUint(decoder);
  for (let index = 0; index < clients; index++) {
    decoding.readVarUint(decoder);
    const deletes = decoding.readVarUint(decoder);
    for (let deleteIndex = 0; deleteIndex < deletes; deleteIndex++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
    }
  }
}

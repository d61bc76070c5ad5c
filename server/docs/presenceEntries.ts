/**
 * The entries of a y-protocols awareness update (varuint count, then per client: varuint client id,
 * varuint clock, varString JSON state), read defensively and written back after the server has
 * stamped who sent them. Nothing here knows about connections; `presence.ts` decides what applies.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Principal } from '../../shared/roles.ts';

/** A client's presence as JSON: an object (its fields are the client's business) or null (it left). */
export type PresenceState = Record<string, unknown>;

export type AwarenessEntry =
  | { clientId: number; clock: number; kind: 'state'; state: PresenceState | null }
  /** Over the byte cap: skipped unread, so a huge state costs no JSON parse. */
  | { clientId: number; clock: number; kind: 'tooLarge'; bytes: number };

/** The update is not a well-formed awareness update; it is refused as a whole. */
export class AwarenessFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwarenessFormatError';
  }
}

/** Yjs client ids are 32-bit; larger numbers are no client's. */
const MAX_CLIENT_ID = 0xffff_ffff;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch (error) {
    throw new AwarenessFormatError(
      `awareness update: ${what}: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * Yields the entries one by one, so a caller that has seen enough (a flood) stops decoding. Throws
 * AwarenessFormatError for anything malformed: more than `maxEntries` clients, truncated, a length
 * past the end (lib0 would read on into the surrounding buffer), invalid UTF-8 or JSON, a state that
 * is not an object or null, trailing bytes.
 */
export function* readAwarenessEntries(
  update: Uint8Array,
  limits: { maxStateBytes: number; maxEntries: number },
): Generator<AwarenessEntry> {
  const { maxStateBytes, maxEntries } = limits;
  const decoder = decoding.createDecoder(update);
  const count = readUint(decoder, 'client count');
  if (count > maxEntries) {
    throw new AwarenessFormatError(`awareness update: ${count} clients, more than the document could have`);
  }
  for (let index = 0; index < count; index++) {
    const clientId = readUint(decoder, 'client id');
    if (clientId > MAX_CLIENT_ID)
      throw new AwarenessFormatError(`awareness update: ${clientId} is not a client id`);
    const clock = readUint(decoder, 'clock');
    const bytes = readUint(decoder, 'state length');
    const start = decoder.pos;
    if (bytes > update.length - start)
      throw new AwarenessFormatError('awareness update: state runs past the end');
    decoder.pos += bytes;
    if (bytes > maxStateBytes) {
      yield { clientId, clock, kind: 'tooLarge', bytes };
      continue;
    }
    let state: unknown;
    try {
      state = JSON.parse(utf8.decode(update.subarray(start, start + bytes)));
    } catch {
      throw new AwarenessFormatError(`awareness update: the state of client ${clientId} is not UTF-8 JSON`);
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new AwarenessFormatError(
        `awareness update: the state of client ${clientId} is not an object or null`,
      );
    }
    yield { clientId, clock, kind: 'state', state: state as PresenceState | null };
  }
  if (decoding.hasContent(decoder)) throw new AwarenessFormatError('awareness update: trailing bytes');
}

/** The stock awareness wire form of `entries` (what `encodeAwarenessUpdate` writes). */
export function writeAwarenessEntries(
  entries: ReadonlyArray<{ clientId: number; clock: number; state: PresenceState | null }>,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** A colour that is only a colour: hex, a keyword, or rgb()/hsl() with numbers (nothing to break out of a style). */
const CSS_COLOR = /^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,24}|(?:rgb|hsl)a?\([0-9., %/deg]{1,48}\))$/;
/** The presentational `user` fields clients send (ours: `color`; y-codemirror also `colorLight`). */
const USER_COLOR_FIELDS = ['color', 'colorLight'] as const;

/**
 * The state as others will see it: `user` is replaced by the session's identity (id, name, role),
 * keeping only well-formed colours from what the client sent; every other field stays as sent.
 */
export function stampIdentity(state: PresenceState, principal: Principal): PresenceState {
  const user: Record<string, string> = { id: principal.id, name: principal.name, role: principal.role };
  const sent = state.user;
  if (typeof sent === 'object' && sent !== null) {
    for (const field of USER_COLOR_FIELDS) {
      const value: unknown = Object.hasOwn(sent, field)
        ? (sent as Record<string, unknown>)[field]
        : undefined;
      if (typeof value === 'string' && CSS_COLOR.test(value)) user[field] = value;
    }
  }
  return { ...state, user };
}

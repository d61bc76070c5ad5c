/**
 * Updates that `Y.decodeUpdate` accepts but `Y.applyUpdate` cannot integrate: one item whose origin
 * (or right origin, or parent) names a later clock of its own client. Built byte by byte in the v1
 * update format, as a hostile client would.
 */
import * as encoding from 'lib0/encoding';

const CONTENT_STRING = 4;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;

/** One string item of `client` at clock `clock` whose origin (or right origin) is `(client, refClock)`. */
export function forwardReferencingUpdate(
  options: { client?: number; clock?: number; refClock?: number; via?: 'origin' | 'rightOrigin' } = {},
): Uint8Array {
  const { client = 4242, clock = 0, refClock = clock + 5, via = 'origin' } = options;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // clients with structs
  encoding.writeVarUint(encoder, 1); // structs of this client
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, CONTENT_STRING | (via === 'origin' ? HAS_ORIGIN : HAS_RIGHT_ORIGIN));
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, refClock);
  encoding.writeVarString(encoder, 'x');
  encoding.writeVarUint(encoder, 0); // delete set: no clients
  return encoding.toUint8Array(encoder);
}

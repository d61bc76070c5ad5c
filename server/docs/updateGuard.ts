/**
 * What the DocHub checks before a client's update touches a document: that Yjs can apply it, that it
 * keeps to the roots the document's kind declares, and that it keeps the document under its size
 * limit. `Y.decodeUpdate` accepting an update does not prove `Y.applyUpdate` will: an item whose
 * origin, right origin or parent names a clock of its own client at or after its own decodes fine,
 * then throws midway through integration (Yjs looks such references up without a "missing" check).
 */
import * as Y from 'yjs';
import type { DecodedStructs } from '../../shared/docMessages.ts';
import type { DocKind } from '../../shared/docNames.ts';
import { checkStructRoots } from '../../shared/docShapes.ts';
import { ErrorCode } from '../../shared/errors.ts';

export type GuardResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

const OK: GuardResult = { ok: true };

/** An id-like reference of the struct's own client at or after its own clock: not applicable. */
function pointsForward(item: Y.Item, ref: unknown): boolean {
  if (!(ref instanceof Y.ID)) return false;
  return ref.client === item.id.client && ref.clock >= item.id.clock;
}

/** Why Yjs could not integrate this update, or null when every struct's references are applicable. */
export function unapplicableReason(update: Uint8Array): string | null {
  let structs: DecodedStructs;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch (error) {
    return `undecodable update: ${error instanceof Error ? error.message : String(error)}`;
  }
  return unapplicableStructs(structs);
}

function unapplicableStructs(structs: DecodedStructs): string | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (pointsForward(struct, struct.origin))
      return 'an item refers to a later clock of its own client (origin)';
    if (pointsForward(struct, struct.rightOrigin))
      return 'an item refers to a later clock of its own client (right origin)';
    if (pointsForward(struct, struct.parent))
      return 'an item refers to a later clock of its own client (parent)';
  }
  return null;
}

export interface GuardInput {
  kind: DocKind | null;
  update: Uint8Array;
  /** The update's structs, decoded once when the message was read. */
  structs: DecodedStructs;
  /** Approximate stored size of the document now (bytes of its encoded state plus updates since). */
  docBytes: number;
  maxDocBytes: number;
}

export function checkClientUpdate({ kind, update, structs, docBytes, maxDocBytes }: GuardInput): GuardResult {
  if (docBytes + update.byteLength > maxDocBytes) {
    return {
      ok: false,
      code: ErrorCode.tooLarge,
      message: `The document would pass its size limit of ${maxDocBytes} bytes; the update was not applied`,
    };
  }
  const reason = unapplicableStructs(structs);
  if (reason) return { ok: false, code: ErrorCode.invalidPayload, message: `Update refused: ${reason}` };
  if (kind) {
    const { undeclared, wrongType } = checkStructRoots(kind, structs);
    if (undeclared.length > 0 || wrongType.length > 0) {
      const named = (names: string[]) => names.map((name) => JSON.stringify(name)).join(', ');
      const problems = [
        undeclared.length > 0 ? `this document has no root named ${named(undeclared)}` : '',
        wrongType.length > 0 ? `${named(wrongType)} used as another type` : '',
      ].filter(Boolean);
      return { ok: false, code: ErrorCode.invalidPayload, message: `Update refused: ${problems.join('; ')}` };
    }
  }
  return OK;
}

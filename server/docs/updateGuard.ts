/**
 * What the DocHub checks before a client's update touches a document: that Yjs can apply it, that it
 * keeps to the roots the document's kind declares, and that it keeps the document under its size
 * limit. `Y.decodeUpdate` accepting an update does not prove `Y.applyUpdate` will: an item whose
 * origin, right origin or parent names a clock of its own client at or after its own decodes fine,
 * then throws midway through integration (Yjs looks such references up without a "missing" check).
 */
import type { DocKind } from '../../shared/docNames.ts';
import { checkRootUses } from '../../shared/docShapes.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { scanUpdate, type UpdateScan } from '../../shared/updateScan.ts';

export type GuardResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

const OK: GuardResult = { ok: true };

const forwardReason = (scan: UpdateScan): string | null =>
  scan.forwardReference && `an item refers to a later clock of its own client (${scan.forwardReference})`;

/** Why Yjs could not integrate this update, or null when every struct's references are applicable. */
export function unapplicableReason(update: Uint8Array): string | null {
  try {
    return forwardReason(scanUpdate(update));
  } catch (error) {
    return `undecodable update: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface GuardInput {
  kind: DocKind | null;
  update: Uint8Array;
  /** What reading the update found, when the message was read. */
  scan: UpdateScan;
  /** Approximate stored size of the document now (bytes of its encoded state plus updates since). */
  docBytes: number;
  maxDocBytes: number;
}

export function checkClientUpdate({ kind, update, scan, docBytes, maxDocBytes }: GuardInput): GuardResult {
  if (docBytes + update.byteLength > maxDocBytes) {
    return {
      ok: false,
      code: ErrorCode.tooLarge,
      message: `The document would pass its size limit of ${maxDocBytes} bytes; the update was not applied`,
    };
  }
  const reason = forwardReason(scan);
  if (reason) return { ok: false, code: ErrorCode.invalidPayload, message: `Update refused: ${reason}` };
  if (kind) {
    const { undeclared, wrongType } = checkRootUses(kind, scan.roots);
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

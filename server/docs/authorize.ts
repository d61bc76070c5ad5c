/**
 * The one permission check for documents, called by both transports after `authenticate`:
 * who may do what with which document.
 */
import { DocKind, isServerWritten, parseDocName } from '../../shared/docNames.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { MeetingPhase } from '../../shared/meetingLive.ts';
import { Permission, type Principal, Role } from '../../shared/roles.ts';
import type { Db } from '../db/database.ts';
import { objectiveExists } from '../ledger/references.ts';
import { meetingExists } from '../meetings/meetingRows.ts';

export type AuthorizeResult =
  | { ok: true; permission: Permission }
  | { ok: false; code: typeof ErrorCode.invalidPayload | typeof ErrorCode.notFound; message: string };

export type Authorize = (principal: Principal, docName: string) => Promise<AuthorizeResult>;

const PERMISSION_BY_ROLE: Record<Role, Permission> = {
  [Role.analyst]: 'write',
  [Role.viewer]: 'read',
};

/** A meeting's phase, read from its live-state document. */
export type ReadMeetingPhase = (meetingId: string) => Promise<MeetingPhase>;

/**
 * Meeting documents: write for analysts until the meeting closes, then read for everyone. The
 * live-state document and the objectives' ledgers are read-only for every client: only the server's
 * commands write them.
 */
export function createAuthorize(db: Db, readPhase: ReadMeetingPhase): Authorize {
  return async (principal, docName) => {
    const ref = typeof docName === 'string' ? parseDocName(docName) : null;
    if (!ref) {
      return {
        ok: false,
        code: ErrorCode.invalidPayload,
        message: `Not a document name: ${JSON.stringify(docName)}`,
      };
    }
    // A ledger is an objective's, and only the server's ledger commands write it.
    if (ref.kind === DocKind.ledger) {
      if (!(await objectiveExists(db, ref.id)))
        return { ok: false, code: ErrorCode.notFound, message: `No objective ${ref.id}` };
      return { ok: true, permission: Permission.read };
    }
    // A document exists only for a meeting that exists: nobody can create stray documents by name.
    if (!(await meetingExists(db, ref.id))) {
      return { ok: false, code: ErrorCode.notFound, message: `No meeting ${ref.id}` };
    }
    if (isServerWritten(ref.kind)) return { ok: true, permission: Permission.read };
    if ((await readPhase(ref.id)) === MeetingPhase.closed) return { ok: true, permission: Permission.read };
    return { ok: true, permission: PERMISSION_BY_ROLE[principal.role] };
  };
}

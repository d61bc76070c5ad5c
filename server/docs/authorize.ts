/**
 * The one permission check for documents, called by both transports after `authenticate`:
 * who may do what with which document.
 */
import { DocKind, parseDocName } from '../../shared/docNames.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { type Permission, type Principal, Role } from '../../shared/roles.ts';
import type { Db } from '../db/database.ts';
import { meetingExists } from '../meetings/meetingRows.ts';

export type AuthorizeResult =
  | { ok: true; permission: Permission }
  | { ok: false; code: typeof ErrorCode.invalidPayload | typeof ErrorCode.notFound; message: string };

export type Authorize = (principal: Principal, docName: string) => Promise<AuthorizeResult>;

const PERMISSION_BY_ROLE: Record<Role, Permission> = {
  [Role.analyst]: 'write',
  [Role.viewer]: 'read',
};

export function createAuthorize(db: Db): Authorize {
  return async (principal, docName) => {
    const ref = typeof docName === 'string' ? parseDocName(docName) : null;
    if (!ref) {
      return {
        ok: false,
        code: ErrorCode.invalidPayload,
        message: `Not a document name: ${JSON.stringify(docName)}`,
      };
    }
    if (ref.kind === DocKind.meeting) {
      // A document exists only for a meeting that exists: nobody can create stray documents by name.
      if (!(await meetingExists(db, ref.id)))
        return { ok: false, code: ErrorCode.notFound, message: `No meeting ${ref.id}` };
    }
    return { ok: true, permission: PERMISSION_BY_ROLE[principal.role] };
  };
}

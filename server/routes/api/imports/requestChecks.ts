/**
 * What an import request must carry before a byte of its body is read: `Content-Type: text/csv`
 * and the import header (which no cross-site form can send), and a declared length within the limit.
 */
import type { Request, Response } from 'express';
import { IMPORT_HEADER, IMPORT_HEADER_VALUE } from '../../../../shared/performance.ts';
import { AppError, invalidPayload, tooLarge } from '../../../http/errors.ts';
import { importLimits, tooLargeMessage, tooLargeReason } from '../../../performance/import/csvImport.ts';
import { closeWhenAnswered } from './closeWhenAnswered.ts';
import { CSV_CONTENT_TYPE, contentLengthHeader } from './schema.ts';

export function checkImportRequest(req: Request, res: Response): void {
  const refusal = refusalOf(req);
  if (!refusal) return;
  // The body is refused unread: do not let the server read it off the wire to keep the connection.
  closeWhenAnswered(req, res);
  throw refusal;
}

function refusalOf(req: Request): AppError | null {
  if (req.get(IMPORT_HEADER) !== IMPORT_HEADER_VALUE) {
    return invalidPayload(
      `${IMPORT_HEADER}: send the header "${IMPORT_HEADER}: ${IMPORT_HEADER_VALUE}" with an import`,
    );
  }
  if (!req.is(CSV_CONTENT_TYPE)) {
    return new AppError(
      'unsupported_media_type',
      `content-type: send the file as ${CSV_CONTENT_TYPE} (got ${req.get('content-type') ?? 'none'})`,
    );
  }
  const declared = contentLengthHeader.safeParse(req.get('content-length'));
  if (declared.success && declared.data !== undefined && declared.data > importLimits.maxBytes) {
    return tooLarge(tooLargeMessage(importLimits.maxBytes), tooLargeReason(importLimits.maxBytes));
  }
  return null;
}

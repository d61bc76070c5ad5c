/** What meeting services throw: a domain error with a stable code; routes and acks map it. */
import type { z } from 'zod';
import { reason } from '../../shared/errorReasons.ts';
import { DomainError, ErrorCode, type ErrorReason } from '../../shared/errors.ts';
import { zodReason } from '../http/zodReason.ts';

export class MeetingError extends DomainError {
  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(code, message, reason);
    this.name = 'MeetingError';
  }
}

export const noSuchMeeting = (id: string) =>
  new MeetingError(ErrorCode.notFound, `No meeting ${id}`, reason('noMeeting', { id }));
export const invalidState = (message: string, why?: ErrorReason) =>
  new MeetingError(ErrorCode.invalidState, message, why);

/**
 * `invalid_payload` naming each offending field, e.g. `minutes: Too big: expected number to be <=60`,
 * with the first one's reason (`input`: the payload as sent).
 */
export function invalidCommand(error: z.ZodError, input?: unknown): MeetingError {
  const fields = error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`,
  );
  return new MeetingError(ErrorCode.invalidPayload, fields.join('; '), zodReason(error, input));
}

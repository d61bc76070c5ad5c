/** What meeting services throw: a domain error with a stable code; routes and acks map it. */
import type { z } from 'zod';
import { DomainError, ErrorCode } from '../../shared/errors.ts';

export class MeetingError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'MeetingError';
  }
}

export const noSuchMeeting = (id: string) => new MeetingError(ErrorCode.notFound, `No meeting ${id}`);
export const invalidState = (message: string) => new MeetingError(ErrorCode.invalidState, message);

/** `invalid_payload` naming each offending field, e.g. `minutes: Too big: expected number to be <=60`. */
export function invalidCommand(error: z.ZodError): MeetingError {
  const fields = error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`,
  );
  return new MeetingError(ErrorCode.invalidPayload, fields.join('; '));
}

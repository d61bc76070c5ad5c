/** What meeting services throw: a domain error with a stable code; routes and acks map it. */
import { DomainError, ErrorCode } from '../../shared/errors.ts';

export class MeetingError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'MeetingError';
  }
}

export const noSuchMeeting = (id: string) => new MeetingError(ErrorCode.notFound, `No meeting ${id}`);
export const invalidState = (message: string) => new MeetingError(ErrorCode.invalidState, message);

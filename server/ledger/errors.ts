/** What ledger services throw: a domain error with a stable code; routes and acks map it. */
import { DomainError, type ErrorCode, type ErrorReason } from '../../shared/errors.ts';

export class LedgerError extends DomainError {
  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(code, message, reason);
    this.name = 'LedgerError';
  }
}

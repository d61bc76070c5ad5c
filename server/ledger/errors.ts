/** What ledger services throw: a domain error with a stable code; routes and acks map it. */
import { DomainError, type ErrorCode } from '../../shared/errors.ts';

export class LedgerError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'LedgerError';
  }
}

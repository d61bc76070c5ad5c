/**
 * The errors performance services throw: domain errors with stable codes, no HTTP. Routes (and the
 * HTTP error handler) map them to statuses, so the answers stay `{ error: { code, message } }`.
 */
import { DomainError, ErrorCode } from '../../shared/errors.ts';

export const invalidPayload = (message: string) => new DomainError(ErrorCode.invalidPayload, message);
export const notFound = (message: string) => new DomainError(ErrorCode.notFound, message);
export const conflict = (message: string) => new DomainError(ErrorCode.conflict, message);

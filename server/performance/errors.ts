/**
 * The errors performance services throw: domain errors with stable codes, no HTTP. Routes (and the
 * HTTP error handler) map them to statuses, so the answers stay `{ error: { code, message } }`,
 * with a `reason` where a person sees the error.
 */

import { reason } from '../../shared/errorReasons.ts';
import { DomainError, ErrorCode, type ErrorReason } from '../../shared/errors.ts';

export const invalidPayload = (message: string, reason?: ErrorReason) =>
  new DomainError(ErrorCode.invalidPayload, message, reason);
export const notFound = (message: string, reason?: ErrorReason) =>
  new DomainError(ErrorCode.notFound, message, reason);
export const conflict = (message: string, reason?: ErrorReason) =>
  new DomainError(ErrorCode.conflict, message, reason);

export const noObjective = (id: string) => notFound(`No objective ${id}`, reason('noObjective', { id }));
export const noGoal = (id: string) => notFound(`No goal ${id}`, reason('noGoal', { id }));
export const noIndicator = (id: string) => notFound(`No indicator ${id}`, reason('noIndicator', { id }));

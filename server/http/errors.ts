/**
 * Errors with a stable code, thrown by services and routes and turned into
 * `{ error: { code, message } }` by the HTTP error handler and by Socket.IO acks.
 */

import type { z } from 'zod';
import {
  DomainError,
  ErrorCode,
  type ErrorReason,
  type ErrorResponse,
  errorResponse,
} from '../../shared/errors.ts';
import { zodReason } from './zodReason.ts';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_payload: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  not_joined: 400,
  unsupported_version: 400,
  invalid_state: 409,
  stale: 409,
  needs_confirmation: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Why, as a key the client translates (`shared/errorReasons.ts`). */
  readonly reason: ErrorReason | undefined;

  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.reason = reason;
  }

  toResponse(): ErrorResponse {
    return errorResponse(this.code, this.message, this.reason);
  }
}

export const invalidPayload = (message: string, reason?: ErrorReason) =>
  new AppError(ErrorCode.invalidPayload, message, reason);
export const notFound = (message: string, reason?: ErrorReason) =>
  new AppError(ErrorCode.notFound, message, reason);
export const forbidden = (message: string) => new AppError(ErrorCode.forbidden, message);
export const unauthenticated = (message = 'Sign in first') =>
  new AppError(ErrorCode.unauthenticated, message);
export const conflict = (message: string, reason?: ErrorReason) =>
  new AppError(ErrorCode.conflict, message, reason);
export const tooLarge = (message: string, reason?: ErrorReason) =>
  new AppError(ErrorCode.tooLarge, message, reason);

/** One line naming each offending field, e.g. `timeboxMinutes: Too small: expected number to be >=1`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/** Parses untrusted input or throws `invalid_payload` naming the field, with a reason to translate. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidPayload(describeZodError(result.error), zodReason(result.error, value));
  return result.data;
}

/** Converts anything thrown into an AppError; unknown errors become `internal` without leaking details. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Services throw domain errors; the HTTP answer is the same code with its status.
  if (error instanceof DomainError) return new AppError(error.code, error.message, error.reason);
  return new AppError(ErrorCode.internal, 'Internal error');
}

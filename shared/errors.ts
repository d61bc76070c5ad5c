/**
 * Error codes shared by HTTP responses, Socket.IO acks and document refusals.
 * Every error that leaves the server has the shape `{ error: { code, message } }`.
 */
export const ErrorCode = {
  invalidPayload: 'invalid_payload',
  notFound: 'not_found',
  forbidden: 'forbidden',
  unauthenticated: 'unauthenticated',
  conflict: 'conflict',
  tooLarge: 'too_large',
  unsupportedMediaType: 'unsupported_media_type',
  notJoined: 'not_joined',
  unsupportedVersion: 'unsupported_version',
  /** The command is impossible in the meeting's current phase (advance a draft, close twice…). */
  invalidState: 'invalid_state',
  /** The command was sent for a state that has since changed (another person pressed first). */
  stale: 'stale',
  /** The value is possible but looks like a slip: sent again with `confirm: true`, it is taken. */
  needsConfirmation: 'needs_confirmation',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why, in words a client can translate: a stable key of the client's `errors` catalogue and the
 * values it names (`{ key: 'periodNotEnded', params: { period: '2026-12' } }`). The English
 * `message` stays for logs and API users; a client without the key falls back to the code.
 */
export interface ErrorReason {
  key: string;
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
}

export interface ErrorResponse {
  error: ErrorBody;
}

export function errorResponse(code: ErrorCode, message: string, reason?: ErrorReason): ErrorResponse {
  return { error: reason ? { code, message, reason } : { code, message } };
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * An error with a stable code thrown by services, which know nothing of HTTP: routes map it to a
 * status, Socket.IO acks to `{ error: { code, message } }`.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;

  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.reason = reason;
  }

  toResponse(): ErrorResponse {
    return errorResponse(this.code, this.message, this.reason);
  }
}

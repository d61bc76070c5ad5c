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
  notJoined: 'not_joined',
  unsupportedVersion: 'unsupported_version',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export interface ErrorResponse {
  error: ErrorBody;
}

export function errorResponse(code: ErrorCode, message: string): ErrorResponse {
  return { error: { code, message } };
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

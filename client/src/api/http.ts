/**
 * Fetch wrapper for `/api`: JSON in, JSON out, and every failure thrown as an `ApiError` carrying
 * the server's stable `{ error: { code, message } }`.
 */
import { type ErrorCode, type ErrorReason, isErrorResponse } from '../../../shared/errors.ts';

export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  /** Why, as a key the client translates (see `i18n/errorText.ts`). */
  readonly reason: ErrorReason | undefined;
  constructor(code: ErrorCode | 'network', message: string, status: number, reason?: ErrorReason) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.reason = reason;
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'The server cannot be reached', 0);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorResponse(payload))
      throw new ApiError(payload.error.code, payload.error.message, response.status, payload.error.reason);
    throw new ApiError('internal', `Request failed (${response.status})`, response.status);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

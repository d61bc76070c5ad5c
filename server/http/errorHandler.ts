import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../logger.ts';
import { AppError, notFound, toAppError } from './errors.ts';

/** Client errors raised by express and its parts (a URIError from a path, `send`'s 403 or 404). */
const CODE_BY_CLIENT_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.invalidPayload,
  401: ErrorCode.unauthenticated,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  413: ErrorCode.tooLarge,
};

export const unknownApiRoute: RequestHandler = (req) => {
  throw notFound(`No API route ${req.method} ${req.path}`);
};

/** Turns anything thrown by a route into `{ error: { code, message } }` with a matching status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // express.json() reports malformed or oversized bodies with a `type` and `status`.
    const bodyError = error as { type?: string; status?: number };
    const clientCode = bodyError.status ? CODE_BY_CLIENT_STATUS[bodyError.status] : undefined;
    let appError: AppError;
    if (bodyError.type === 'entity.parse.failed') {
      appError = new AppError('invalid_payload', 'The request body is not valid JSON');
    } else if (bodyError.type === 'entity.too.large') {
      appError = new AppError('too_large', 'The request body is too large');
    } else if (clientCode && !(error instanceof AppError)) {
      // Never a 500 for the client's own mistake; the message is ours, not the library's.
      appError = new AppError(clientCode, 'The request could not be handled as sent');
    } else {
      appError = toAppError(error);
    }
    if (appError.code === 'internal') logger.error({ err: error, path: req.path }, 'request failed');
    else logger.info({ code: appError.code, path: req.path, method: req.method }, appError.message);
    res.status(appError.status).json(appError.toResponse());
  };
}

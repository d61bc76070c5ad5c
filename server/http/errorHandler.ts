import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { AppError, notFound, toAppError } from './errors.ts';

export const unknownApiRoute: RequestHandler = (req) => {
  throw notFound(`No API route ${req.method} ${req.path}`);
};

/** Turns anything thrown by a route into `{ error: { code, message } }` with a matching status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // express.json() reports malformed or oversized bodies with a `type` and `status`.
    const bodyError = error as { type?: string; status?: number };
    let appError: AppError;
    if (bodyError.type === 'entity.parse.failed') {
      appError = new AppError('invalid_payload', 'The request body is not valid JSON');
    } else if (bodyError.type === 'entity.too.large') {
      appError = new AppError('too_large', 'The request body is too large');
    } else {
      appError = toAppError(error);
    }
    if (appError.code === 'internal') logger.error({ err: error, path: req.path }, 'request failed');
    else logger.info({ code: appError.code, path: req.path, method: req.method }, appError.message);
    res.status(appError.status).json(appError.toResponse());
  };
}

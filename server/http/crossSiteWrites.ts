/** Refuses `/api` writes that a page on another origin made with the visitor's session cookie. */
import type { RequestHandler } from 'express';
import type { Authenticate } from '../auth/authenticate.ts';
import type { OriginCheck } from '../auth/origin.ts';
import { forbidden } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseCrossSiteWrites(authenticate: Authenticate, checkOrigin: OriginCheck): RequestHandler {
  return (req, _res, next) => {
    // Reads are safe: without CORS a foreign page cannot read the answer.
    if (SAFE_METHODS.has(req.method)) return next();
    const authentication = authenticate(req);
    if (!authentication) return next(); // the route answers `unauthenticated` where it must
    const verdict = checkOrigin(req, authentication.source);
    if (!verdict.ok) throw forbidden(verdict.message);
    next();
  };
}

/** Express helpers that attach the signed-in person to a request and check their role. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal, Role } from '../../shared/roles.ts';
import type { Authenticate } from '../auth/authenticate.ts';
import { forbidden, unauthenticated } from './errors.ts';

declare global {
  namespace Express {
    interface Locals {
      principal?: Principal;
    }
  }
}

/** Attaches the principal when there is one; never rejects (routes decide). */
export function attachPrincipal(authenticate: Authenticate): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const authentication = authenticate(req);
    if (authentication) res.locals.principal = authentication.principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw unauthenticated();
  return principal;
}

/** Rejects with `unauthenticated` or `forbidden` unless the caller has one of `roles`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (roles.length > 0 && !roles.includes(principal.role)) {
      throw forbidden(`This needs the role ${roles.join(' or ')}`);
    }
    next();
  };
}

export const requireSignedIn: RequestHandler = (_req, res, next) => {
  principalOf(res);
  next();
};

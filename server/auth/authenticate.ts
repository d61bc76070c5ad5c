/**
 * The one `authenticate` every transport calls: HTTP routes, the Socket.IO handshake and the
 * y-websocket upgrade all hand it the incoming request.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../shared/roles.ts';
import { SESSION_COOKIE, verifySessionToken } from './sessionToken.ts';

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return decodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

/** Finds the session token in a Bearer header, a `token` query parameter or the session cookie. */
export function tokenFromRequest(request: IncomingMessage, explicitToken?: string): string | undefined {
  if (explicitToken) return explicitToken;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  const url = new URL(request.url ?? '/', 'http://localhost');
  return url.searchParams.get('token') ?? cookieValue(request.headers.cookie, SESSION_COOKIE);
}

export type Authenticate = (request: IncomingMessage, explicitToken?: string) => Principal | null;

export function createAuthenticate(secret: string): Authenticate {
  return (request, explicitToken) => {
    const token = tokenFromRequest(request, explicitToken);
    return token ? verifySessionToken(token, secret) : null;
  };
}

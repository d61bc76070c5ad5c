/**
 * The one `authenticate` every transport calls: HTTP routes, the Socket.IO handshake and the
 * y-websocket upgrade all hand it the incoming request. It also says where the token came from,
 * because only a cookie is sent by the browser on a page's behalf (see `origin.ts`).
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../shared/roles.ts';
import { SESSION_COOKIE, verifySessionToken } from './sessionToken.ts';

/** `handshake` is a token the caller passed itself (Socket.IO `auth.token`). */
export type TokenSource = 'handshake' | 'bearer' | 'query' | 'cookie';

export interface FoundToken {
  token: string;
  source: TokenSource;
}

export interface Authentication {
  principal: Principal;
  source: TokenSource;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        // A malformed cookie (`%E0%A4%A`) is no session: 401, never a thrown URIError.
        return undefined;
      }
    }
  }
  return undefined;
}

function queryToken(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').searchParams.get('token');
  } catch {
    return null; // an absolute-form request target that is not a URL
  }
}

/**
 * Finds the session token in, by precedence, the caller's own token, a Bearer header, a `token`
 * query parameter or the session cookie. A present but invalid token never falls back to the cookie.
 */
export function findToken(request: IncomingMessage, explicitToken?: string): FoundToken | undefined {
  if (explicitToken) return { token: explicitToken, source: 'handshake' };
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    return { token: authorization.slice('Bearer '.length).trim(), source: 'bearer' };
  }
  const query = queryToken(request.url);
  if (query !== null) return { token: query, source: 'query' };
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return cookie === undefined ? undefined : { token: cookie, source: 'cookie' };
}

/** The signed-in person and how their token arrived, or null when there is no valid session. */
export type Authenticate = (request: IncomingMessage, explicitToken?: string) => Authentication | null;

export function createAuthenticate(secret: string): Authenticate {
  return (request, explicitToken) => {
    const found = findToken(request, explicitToken);
    if (!found?.token) return null;
    const principal = verifySessionToken(found.token, secret);
    return principal ? { principal, source: found.source } : null;
  };
}

/**
 * Cookies are shared by every port of a host, so a page on another port is "same-site": the browser
 * sends our SameSite=Lax session cookie with its form posts, no-cors fetches and WebSockets. When
 * the cookie is what authenticates, only `Origin` (and `Sec-Fetch-Site`) say who is asking, so live
 * transports and HTTP writes are accepted only from this server's own origin(s).
 */
import type { IncomingMessage } from 'node:http';
import type { TokenSource } from './authenticate.ts';

export type OriginVerdict = { ok: true } | { ok: false; message: string };

/** What the browser told us about where a request comes from. */
export interface RequestOrigin {
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
  /** Browsers always send Origin on a WebSocket upgrade: one without it is refused. */
  originRequired: boolean;
}

const OK: OriginVerdict = { ok: true };
// A Host header we build an origin from: a name or IPv4, or a bracketed IPv6, and an optional port.
const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
// `same-origin`, and `none` (the person typed the address), are the browser vouching for the request.
const SAFE_FETCH_SITES = new Set(['same-origin', 'none']);

/** `https://Example.org:443/` → `https://example.org`; null unless an http(s) origin with no path. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    if (url.pathname !== '/') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The origins a page served by this request's own host would have (http and https). */
export function sameHostOrigins(host: string | undefined): string[] {
  if (!host || !HOST_PATTERN.test(host)) return [];
  return [normalizeOrigin(`http://${host}`), normalizeOrigin(`https://${host}`)].filter(
    (origin): origin is string => origin !== null,
  );
}

/** The pure rule: is a cookie-authenticated request from one of `publicOrigins` or its own host? */
export function checkRequestOrigin(
  request: RequestOrigin,
  publicOrigins: ReadonlySet<string>,
): OriginVerdict {
  if (request.origin === undefined) {
    if (request.originRequired) {
      return { ok: false, message: 'A signed-in WebSocket needs an Origin header' };
    }
    const site = request.secFetchSite?.toLowerCase();
    if (site === undefined || SAFE_FETCH_SITES.has(site)) return OK;
    return { ok: false, message: `Refused a ${site} request made with the session cookie` };
  }
  const origin = normalizeOrigin(request.origin);
  if (origin !== null && (publicOrigins.has(origin) || sameHostOrigins(request.host).includes(origin))) {
    return OK;
  }
  return {
    ok: false,
    message: `Refused a request from ${JSON.stringify(request.origin.slice(0, 200))} made with the session cookie; this server's origins are set by PUBLIC_ORIGIN`,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Checks a request's origin when `source` is the session cookie; every other source passes. */
export type OriginCheck = (request: IncomingMessage, source: TokenSource) => OriginVerdict;

/** The adapter the transports and the HTTP guard call, with `PUBLIC_ORIGIN` already normalised. */
export function createOriginCheck(publicOrigins: readonly string[] = []): OriginCheck {
  const allowed = new Set<string>();
  for (const origin of publicOrigins) {
    const normalized = normalizeOrigin(origin);
    if (normalized === null) throw new Error(`Not an http(s) origin: ${JSON.stringify(origin)}`);
    allowed.add(normalized);
  }
  return (request, source) => {
    // A Bearer header, `?token=` or a handshake token is one a cross-site page cannot read.
    if (source !== 'cookie') return OK;
    const upgrade = headerValue(request.headers.upgrade);
    return checkRequestOrigin(
      {
        origin: headerValue(request.headers.origin),
        secFetchSite: headerValue(request.headers['sec-fetch-site']),
        host: headerValue(request.headers.host),
        originRequired: upgrade?.toLowerCase() === 'websocket',
      },
      allowed,
    );
  };
}

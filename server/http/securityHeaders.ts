/**
 * Standard security headers through helmet: a Content-Security-Policy that the built client works
 * with (external module scripts only; inline styles, which recharts sets; WebSockets to this host),
 * no framing, `nosniff` and helmet's Referrer-Policy (`no-referrer`).
 */
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { sameHostOrigins } from '../auth/origin.ts';

/** `ws://host wss://host` for the host this page was served from ('self' covers them in CSP 3 only). */
function sameHostWebSockets(req: IncomingMessage): string {
  const origins = sameHostOrigins(req.headers.host);
  if (origins.length === 0) return "'self'";
  return origins.map((origin) => origin.replace(/^http/, 'ws')).join(' ');
}

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", sameHostWebSockets],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        // The demo runs on plain http (localhost or a LAN address): upgrading would break it.
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * Session tokens: a base64url JSON payload and an HMAC-SHA256 signature. The same token travels as
 * the `statroom_session` cookie (browsers), a Bearer header (HTTP scripts) or a `token` query
 * parameter (y-websocket scripts, which cannot set headers from a browser).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type Principal, ROLES } from '../../shared/roles.ts';

export const SESSION_COOKIE = 'statroom_session';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const payloadSchema = z.object({
  id: z.string().min(1).max(140),
  name: z.string().min(1).max(120),
  role: z.enum(ROLES),
  exp: z.number(),
});

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function issueSessionToken(principal: Principal, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...principal, exp: now + SESSION_TTL_MS })).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

export function verifySessionToken(token: string, secret: string, now = Date.now()): Principal | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.exp < now) return null;
    const { id, name, role } = parsed.data;
    return { id, name, role };
  } catch {
    return null;
  }
}

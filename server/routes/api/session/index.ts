/**
 * `/api/session`: development sign-in (POST), who am I (GET), sign out (DELETE), and the signed-in
 * person's language (PUT `/language`), which comes back with every sign-in and who-am-I.
 */
import { Router } from 'express';
import type { Principal } from '../../../../shared/roles.ts';
import { issueSessionToken, SESSION_COOKIE } from '../../../auth/sessionToken.ts';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireSignedIn } from '../../../http/session.ts';
import { personLanguage, setPersonLanguage } from '../../../people/language.ts';
import { devSignInSchema, languageChoiceSchema } from './schema.ts';

/** A stable id for a development sign-in: the same name always maps to the same person. */
function devPrincipalId(name: string): string {
  return `dev-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'user'
  }`;
}

export function sessionRouter(ctx: RouteContext): Router {
  const router = Router();
  // Lax, not Strict: Strict would not help against pages on another port, which are the same site.
  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, path: '/' } as const;

  router.post('/', async (req, res) => {
    const input = parseOrThrow(devSignInSchema, req.body);
    const principal: Principal = { id: devPrincipalId(input.name), name: input.name, role: input.role };
    const language = await personLanguage(ctx.db, principal.id);
    const token = issueSessionToken(principal, ctx.sessionSecret);
    res.cookie(SESSION_COOKIE, token, cookieOptions);
    ctx.logger.info({ user: principal.id, role: principal.role }, 'signed in');
    res.status(201).json({ principal, token, language });
  });

  router.get('/', async (_req, res) => {
    const principal = principalOf(res);
    res.json({ principal, language: await personLanguage(ctx.db, principal.id) });
  });

  // Any role: reading in one's own language is not a privilege.
  router.put('/language', requireSignedIn, async (req, res) => {
    const { language } = parseOrThrow(languageChoiceSchema, req.body);
    const principal = principalOf(res);
    await setPersonLanguage(ctx.db, principal.id, language);
    ctx.logger.info({ user: principal.id, language }, 'language chosen');
    res.json({ language });
  });

  router.delete('/', (_req, res) => {
    // The same attributes as when it was set, or a browser may keep the Secure cookie.
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  return router;
}

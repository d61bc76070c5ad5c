/** Mounts every `/api` route folder. Each folder exports one router factory. */
import express, { Router } from 'express';
import type { RouteContext } from '../../http/context.ts';
import { unknownApiRoute } from '../../http/errorHandler.ts';
import { attachPrincipal } from '../../http/session.ts';
import { meetingsRouter } from './meetings/index.ts';
import { sessionRouter } from './session/index.ts';

export function apiRouter(ctx: RouteContext): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(attachPrincipal(ctx.authenticate));
  router.use('/session', sessionRouter(ctx));
  router.use('/meetings', meetingsRouter(ctx));
  router.use(unknownApiRoute);
  return router;
}

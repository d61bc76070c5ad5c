/** Mounts every `/api` route folder. Each folder exports one router factory. */
import express, { Router } from 'express';
import type { RouteContext } from '../../http/context.ts';
import { unknownApiRoute } from '../../http/errorHandler.ts';
import { attachPrincipal } from '../../http/session.ts';
import { agenciesRouter } from './agencies/index.ts';
import { commitmentsRouter } from './commitments/index.ts';
import { goalsRouter } from './goals/index.ts';
import { importsRouter } from './imports/index.ts';
import { indicatorsRouter } from './indicators/index.ts';
import { ledgerRouter } from './ledger/index.ts';
import { meetingsRouter } from './meetings/index.ts';
import { objectivesRouter } from './objectives/index.ts';
import { seriesRouter } from './series/index.ts';
import { sessionRouter } from './session/index.ts';

export function apiRouter(ctx: RouteContext): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(attachPrincipal(ctx.authenticate));
  router.use('/session', sessionRouter(ctx));
  router.use('/meetings', meetingsRouter(ctx));
  router.use('/agencies', agenciesRouter(ctx));
  router.use('/objectives/:objectiveId/series', seriesRouter(ctx));
  router.use('/objectives', objectivesRouter(ctx));
  router.use('/goals', goalsRouter(ctx));
  router.use('/indicators', indicatorsRouter(ctx));
  router.use('/imports', importsRouter(ctx));
  router.use(ledgerRouter(ctx));
  router.use(commitmentsRouter(ctx));
  router.use(unknownApiRoute);
  return router;
}

/**
 * `/api/objectives`: the overview of every objective, one objective's goals by agency, its
 * readiness for the next meeting, and creation.
 */
import { Router } from 'express';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { requireRole, requireSignedIn } from '../../../http/session.ts';
import { createObjective, getObjectiveDetail } from '../../../performance/objectives.ts';
import { listObjectiveOverviews } from '../../../performance/overview.ts';
import { getReadiness } from '../../../performance/readiness.ts';
import { asOfQuery, createObjectiveSchema, idParams } from './schema.ts';

export function objectivesRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.get('/', requireSignedIn, async (req, res) => {
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json({
      objectives: await listObjectiveOverviews(db, asOf, { incremental: ctx.incrementalOverview }),
    });
  });

  router.get('/:id', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json(await getObjectiveDetail(db, id, asOf));
  });

  router.get('/:id/readiness', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json(await getReadiness(db, id, asOf));
  });

  router.post('/', requireRole('analyst'), async (req, res) => {
    const input = parseOrThrow(createObjectiveSchema, req.body);
    res.status(201).json(await createObjective(db, input));
  });

  return router;
}

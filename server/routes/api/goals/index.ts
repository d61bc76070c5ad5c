/** `/api/goals`: one goal in full, creation, and the owner's rating. */
import { Router } from 'express';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import { createGoal, getGoalDetail, rateGoal } from '../../../performance/goals.ts';
import { asOfQuery, createGoalSchema, idParams, rateGoalSchema } from './schema.ts';

export function goalsRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.get('/:id', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json(await getGoalDetail(db, id, asOf));
  });

  router.post('/', requireRole('analyst'), async (req, res) => {
    const input = parseOrThrow(createGoalSchema, req.body);
    res.status(201).json(await createGoal(db, input));
  });

  router.put('/:id/rating', requireRole('analyst'), async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const input = parseOrThrow(rateGoalSchema, req.body);
    res.json(await rateGoal(db, id, input, principalOf(res)));
  });

  return router;
}

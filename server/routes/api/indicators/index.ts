/** `/api/indicators`: one indicator in full, creation, and entering/removing a period's value. */
import { Router } from 'express';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import {
  createIndicator,
  deleteDataPoint,
  getIndicatorDetail,
  putDataPoint,
} from '../../../performance/indicators.ts';
import { asOfQuery, createIndicatorSchema, idParams, pointParams, putPointSchema } from './schema.ts';

export function indicatorsRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.get('/:id', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json(await getIndicatorDetail(db, id, asOf));
  });

  router.post('/', requireRole('analyst'), async (req, res) => {
    const input = parseOrThrow(createIndicatorSchema, req.body);
    res.status(201).json(await createIndicator(db, input));
  });

  router.put('/:id/points/:period', requireRole('analyst'), async (req, res) => {
    const { id, period } = parseOrThrow(pointParams, req.params);
    const input = parseOrThrow(putPointSchema, req.body);
    const { point, created } = await putDataPoint(db, id, period, input, principalOf(res));
    res.status(created ? 201 : 200).json(point);
  });

  router.delete('/:id/points/:period', requireRole('analyst'), async (req, res) => {
    const { id, period } = parseOrThrow(pointParams, req.params);
    await deleteDataPoint(db, id, period);
    res.status(204).end();
  });

  return router;
}

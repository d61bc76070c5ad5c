/**
 * `/api/indicators`: one indicator in full, creation, editing and archiving, entering, correcting
 * and removing a period's value, and the record of those changes.
 */
import { Router } from 'express';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import { listChanges } from '../../../performance/dataChanges.ts';
import {
  archiveIndicator,
  editIndicator,
  listArchivedIndicators,
  unarchiveIndicator,
} from '../../../performance/indicatorEdits.ts';
import {
  createIndicator,
  deleteDataPoint,
  getIndicatorDetail,
  putDataPoint,
} from '../../../performance/indicators.ts';
import {
  archivedListQuery,
  archiveSchema,
  asOfQuery,
  createIndicatorSchema,
  deletePointQuery,
  editIndicatorSchema,
  idParams,
  pointParams,
  putPointSchema,
} from './schema.ts';

export function indicatorsRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.get('/', requireSignedIn, async (req, res) => {
    const { objectiveId } = parseOrThrow(archivedListQuery, req.query);
    res.json({ indicators: await listArchivedIndicators(db, objectiveId) });
  });

  router.get('/:id', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const asOf = parseOrThrow(asOfQuery, req.query);
    res.json(await getIndicatorDetail(db, id, asOf));
  });

  router.post('/', requireRole('analyst'), async (req, res) => {
    const input = parseOrThrow(createIndicatorSchema, req.body);
    res.status(201).json(await createIndicator(db, input));
  });

  router.patch('/:id', requireRole('analyst'), async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const edit = parseOrThrow(editIndicatorSchema, req.body);
    const { indicator, changes } = await editIndicator(db, id, edit, principalOf(res));
    res.json({ indicator, changes });
  });

  router.post('/:id/archive', requireRole('analyst'), async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const input = parseOrThrow(archiveSchema, req.body ?? {});
    res.json({ archived: await archiveIndicator(db, id, input, principalOf(res)) });
  });

  router.post('/:id/unarchive', requireRole('analyst'), async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    const input = parseOrThrow(archiveSchema, req.body ?? {});
    await unarchiveIndicator(db, id, input, principalOf(res));
    res.json({ archived: null });
  });

  router.get('/:id/changes', requireSignedIn, async (req, res) => {
    const { id } = parseOrThrow(idParams, req.params);
    res.json({ changes: await listChanges(db, id) });
  });

  router.put('/:id/points/:period', requireRole('analyst'), async (req, res) => {
    const { id, period } = parseOrThrow(pointParams, req.params);
    const input = parseOrThrow(putPointSchema, req.body);
    const { point, created } = await putDataPoint(db, id, period, input, principalOf(res));
    res.status(created ? 201 : 200).json(point);
  });

  router.delete('/:id/points/:period', requireRole('analyst'), async (req, res) => {
    const { id, period } = parseOrThrow(pointParams, req.params);
    const input = parseOrThrow(deletePointQuery, req.query);
    await deleteDataPoint(db, id, period, input, principalOf(res));
    res.status(204).end();
  });

  return router;
}

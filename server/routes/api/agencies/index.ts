/** `/api/agencies`: list (signed in) and create (analyst). */
import { Router } from 'express';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { requireRole, requireSignedIn } from '../../../http/session.ts';
import { createAgency, listAgencies } from '../../../performance/agencies.ts';
import { createAgencySchema } from './schema.ts';

export function agenciesRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.get('/', requireSignedIn, async (_req, res) => {
    res.json({ agencies: await listAgencies(db) });
  });

  router.post('/', requireRole('analyst'), async (req, res) => {
    const input = parseOrThrow(createAgencySchema, req.body);
    res.status(201).json(await createAgency(db, input));
  });

  return router;
}

/**
 * `/api/objectives/:objectiveId/series`: the objective's meeting series. Read the overview
 * (signed in), save the cadence (analysts), create the next meeting from it (analysts).
 */
import { Router } from 'express';
import { todayDate } from '../../../../shared/periods.ts';
import { Role } from '../../../../shared/roles.ts';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import { createNextMeeting, saveSeries, seriesOverview } from '../../../meetings/series.ts';
import { nextMeetingSchema, seriesInputSchema, seriesParams } from './schema.ts';

export function seriesRouter(ctx: RouteContext): Router {
  // mergeParams: `:objectiveId` belongs to the path this router is mounted on.
  const router = Router({ mergeParams: true });

  router.get('/', requireSignedIn, async (req, res) => {
    const { objectiveId } = parseOrThrow(seriesParams, req.params);
    res.json(await seriesOverview(ctx.db, objectiveId, todayDate()));
  });

  router.put('/', requireRole(Role.analyst), async (req, res) => {
    const { objectiveId } = parseOrThrow(seriesParams, req.params);
    const input = parseOrThrow(seriesInputSchema, req.body);
    const principal = principalOf(res);
    const series = await saveSeries(ctx.db, objectiveId, input, principal.id);
    ctx.logger.info({ objective: objectiveId, user: principal.id }, 'meeting series saved');
    res.json({ series });
  });

  router.post('/next-meeting', requireRole(Role.analyst), async (req, res) => {
    const { objectiveId } = parseOrThrow(seriesParams, req.params);
    const options = parseOrThrow(nextMeetingSchema, req.body);
    const principal = principalOf(res);
    const meeting = await createNextMeeting(ctx.db, objectiveId, principal.id, todayDate(), options);
    ctx.logger.info(
      { meeting: meeting.id, objective: objectiveId, user: principal.id },
      'next meeting created',
    );
    res.status(201).json({ meeting });
  });

  return router;
}

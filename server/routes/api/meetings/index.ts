/**
 * `/api/meetings`: list (newest date first), create (analysts), read one, edit and delete a draft
 * (analysts), commands.
 */
import { Router } from 'express';
import { Role } from '../../../../shared/roles.ts';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import { writeStartingAgenda } from '../../../meetings/agendaPlan.ts';
import { deleteMeeting } from '../../../meetings/deleteMeeting.ts';
import { editMeeting } from '../../../meetings/editMeeting.ts';
import { noSuchMeeting } from '../../../meetings/errors.ts';
import { createMeeting, getMeeting, listMeetings } from '../../../meetings/meetingRows.ts';
import { meetingCommandsRouter } from './commands.ts';
import { memoRouter } from './memo.ts';
import { createMeetingSchema, meetingIdSchema, updateMeetingSchema } from './schema.ts';

export function meetingsRouter(ctx: RouteContext): Router {
  const router = Router();

  router.get('/', requireSignedIn, async (_req, res) => {
    res.json({ meetings: await listMeetings(ctx.db) });
  });

  router.post('/', requireRole(Role.analyst), async (req, res) => {
    const input = parseOrThrow(createMeetingSchema, req.body);
    const principal = principalOf(res);
    const meeting = await createMeeting(ctx.db, input, principal.id);
    // The row first, then its document: the agenda it starts from (none by default).
    await writeStartingAgenda(ctx.db, ctx.hub, meeting, input.agenda, Date.now());
    ctx.logger.info({ meeting: meeting.id, user: principal.id }, 'meeting created');
    res.status(201).json({ meeting });
  });

  router.get('/:id', requireSignedIn, async (req, res) => {
    const parsed = meetingIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw noSuchMeeting(String(req.params.id));
    res.json({ meeting: await getMeeting(ctx.db, parsed.data) });
  });

  router.patch('/:id', requireRole(Role.analyst), async (req, res) => {
    const parsed = meetingIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw noSuchMeeting(String(req.params.id));
    const patch = parseOrThrow(updateMeetingSchema, req.body);
    const meeting = await editMeeting(ctx.db, ctx.hub, parsed.data, patch);
    ctx.logger.info({ meeting: meeting.id, user: principalOf(res).id }, 'meeting edited');
    res.json({ meeting });
  });

  router.delete('/:id', requireRole(Role.analyst), async (req, res) => {
    const parsed = meetingIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw noSuchMeeting(String(req.params.id));
    await deleteMeeting(ctx.db, ctx.hub, ctx.docStore, parsed.data);
    ctx.logger.info({ meeting: parsed.data, user: principalOf(res).id }, 'draft meeting deleted');
    res.status(204).end();
  });

  router.use(meetingCommandsRouter(ctx));
  router.use(memoRouter(ctx));

  return router;
}

/**
 * `POST /api/meetings/:id/{start,go-to,timer,close}`: the meeting commands for scripts, with the
 * same validation, role table and answers as the Socket.IO events (`{ ok: true, state }`); and
 * `GET /api/meetings/:id/live`, the live state a script reads to learn the current item; and
 * `GET /api/meetings/:id/record`, everything the memo is made from.
 */
import { Router } from 'express';
import { MEETING_COMMAND_PATHS, MEETING_COMMANDS } from '../../../../shared/meetingCommands.ts';
import type { RouteContext } from '../../../http/context.ts';
import { principalOf, requireSignedIn } from '../../../http/session.ts';
import { noSuchMeeting } from '../../../meetings/errors.ts';
import { readLiveRecord } from '../../../meetings/liveState.ts';
import { readMeetingRecord } from '../../../meetings/meetingRecord.ts';
import { getMeeting } from '../../../meetings/meetingRows.ts';
import { meetingIdSchema } from './schema.ts';

export function meetingCommandsRouter(ctx: RouteContext): Router {
  const router = Router();
  router.get('/:id/live', requireSignedIn, async (req, res) => {
    const id = meetingIdSchema.safeParse(req.params.id);
    if (!id.success) throw noSuchMeeting(String(req.params.id));
    await getMeeting(ctx.db, id.data);
    res.json(await readLiveRecord(ctx.hub, id.data));
  });
  router.get('/:id/record', requireSignedIn, async (req, res) => {
    const id = meetingIdSchema.safeParse(req.params.id);
    if (!id.success) throw noSuchMeeting(String(req.params.id));
    res.json(await readMeetingRecord(ctx.db, ctx.hub, id.data, Date.now()));
  });
  for (const command of MEETING_COMMANDS) {
    router.post(`/:id/${MEETING_COMMAND_PATHS[command]}`, requireSignedIn, async (req, res) => {
      const id = meetingIdSchema.safeParse(req.params.id);
      if (!id.success) throw noSuchMeeting(String(req.params.id));
      // The body is checked by the command service (shared/meetingCommands.ts), as for Socket.IO.
      const state = await ctx.meetingCommands.run(principalOf(res), command, id.data, req.body);
      res.json({ ok: true, state });
    });
  }
  return router;
}

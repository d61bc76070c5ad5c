/**
 * `GET /api/meetings/:id/memo.md` and `GET /api/meetings/:id/commitments.csv`: the memo as files to
 * download, made from the meeting's record like the memo page. Any signed-in person may read them;
 * a meeting that is not closed gets a memo marked as a draft.
 */
import { type Response, Router } from 'express';
import type { MeetingRecord } from '../../../../shared/meetingRecord.ts';
import { memoFileName } from '../../../../shared/memo.ts';
import { memoCommitmentsCsv, memoMarkdown } from '../../../../shared/memoExport.ts';
import type { RouteContext } from '../../../http/context.ts';
import { requireSignedIn } from '../../../http/session.ts';
import { noSuchMeeting } from '../../../meetings/errors.ts';
import { readMeetingRecord } from '../../../meetings/meetingRecord.ts';
import { meetingIdSchema } from './schema.ts';

/** Excel reads a UTF-8 file without this mark as the local code page, garbling accented names. */
const UTF8_BOM = '\uFEFF';

function sendFile(res: Response, body: string, contentType: string, fileName: string): void {
  res.setHeader('content-type', `${contentType}; charset=utf-8`);
  // `memoFileName` is ASCII without quotes, so it needs no RFC 5987 encoding.
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  // A draft's memo changes as the meeting goes on; a closed one's corrections may still change it.
  res.setHeader('cache-control', 'no-store');
  res.send(body);
}

export function memoRouter(ctx: RouteContext): Router {
  const router = Router();
  const record = async (rawId: unknown): Promise<MeetingRecord> => {
    const id = meetingIdSchema.safeParse(rawId);
    if (!id.success) throw noSuchMeeting(String(rawId));
    return readMeetingRecord(ctx.db, ctx.hub, id.data, Date.now());
  };

  router.get('/:id/memo.md', requireSignedIn, async (req, res) => {
    const meeting = await record(req.params.id);
    sendFile(res, memoMarkdown(meeting), 'text/markdown', memoFileName(meeting, '.md'));
  });

  router.get('/:id/commitments.csv', requireSignedIn, async (req, res) => {
    const meeting = await record(req.params.id);
    sendFile(
      res,
      UTF8_BOM + memoCommitmentsCsv(meeting),
      'text/csv',
      memoFileName(meeting, '-commitments.csv'),
    );
  });

  return router;
}

/**
 * The ledger over HTTP, for scripts and pages that need no live copy: an objective's ledger, a
 * commitment's history, a meeting's follow-up; and the ledger commands (make, change, review) with
 * the same validation, role table and answers as their Socket.IO events (`{ ok: true, commitment }`).
 */
import { Router } from 'express';
import { CommitmentCommand } from '../../../../shared/commitmentCommands.ts';
import { ledgerDocName } from '../../../../shared/docNames.ts';
import { reason } from '../../../../shared/errorReasons.ts';
import { ErrorCode } from '../../../../shared/errors.ts';
import { readCommitment, readHistory, readLedger } from '../../../../shared/ledger.ts';
import type { RouteContext } from '../../../http/context.ts';
import { principalOf, requireSignedIn } from '../../../http/session.ts';
import { LedgerError } from '../../../ledger/errors.ts';
import { readMeetingFollowUp } from '../../../ledger/followUpQuery.ts';
import { objectiveExists } from '../../../ledger/references.ts';
import { noSuchMeeting } from '../../../meetings/errors.ts';
import { meetingIdSchema } from '../meetings/schema.ts';

const body = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export function ledgerRouter(ctx: RouteContext): Router {
  const router = Router();

  async function objectiveParam(value: unknown): Promise<string> {
    const id = meetingIdSchema.safeParse(value);
    if (!id.success || !(await objectiveExists(ctx.db, id.data)))
      throw new LedgerError(
        ErrorCode.notFound,
        `No objective ${String(value)}`,
        reason('noObjective', { id: String(value) }),
      );
    return id.data;
  }

  router.get('/objectives/:objectiveId/ledger', requireSignedIn, async (req, res) => {
    const objectiveId = await objectiveParam(req.params.objectiveId);
    res.json(await ctx.hub.read(ledgerDocName(objectiveId), readLedger));
  });

  router.get(
    '/objectives/:objectiveId/commitments/:commitmentId/history',
    requireSignedIn,
    async (req, res) => {
      const objectiveId = await objectiveParam(req.params.objectiveId);
      const commitmentId = String(req.params.commitmentId);
      const found = await ctx.hub.read(ledgerDocName(objectiveId), (doc) => ({
        commitment: readCommitment(doc, commitmentId),
        history: readHistory(doc, commitmentId),
      }));
      if (!found.commitment)
        throw new LedgerError(
          ErrorCode.notFound,
          `No commitment ${commitmentId} in this objective's ledger`,
          reason('noCommitment', { id: commitmentId }),
        );
      res.json(found);
    },
  );

  router.post('/objectives/:objectiveId/commitments', requireSignedIn, async (req, res) => {
    const payload = { ...body(req.body), objectiveId: String(req.params.objectiveId) };
    const commitment = await ctx.ledgerCommands.run(principalOf(res), CommitmentCommand.create, payload);
    res.status(201).json({ ok: true, commitment });
  });

  router.patch('/objectives/:objectiveId/commitments/:commitmentId', requireSignedIn, async (req, res) => {
    const payload = {
      ...body(req.body),
      objectiveId: String(req.params.objectiveId),
      commitmentId: String(req.params.commitmentId),
    };
    const commitment = await ctx.ledgerCommands.run(principalOf(res), CommitmentCommand.update, payload);
    res.json({ ok: true, commitment });
  });

  router.post('/meetings/:id/reviews', requireSignedIn, async (req, res) => {
    const payload = { ...body(req.body), meetingId: String(req.params.id) };
    const commitment = await ctx.ledgerCommands.run(principalOf(res), CommitmentCommand.review, payload);
    res.json({ ok: true, commitment });
  });

  router.get('/meetings/:id/follow-up', requireSignedIn, async (req, res) => {
    const id = meetingIdSchema.safeParse(req.params.id);
    if (!id.success) throw noSuchMeeting(String(req.params.id));
    res.json(await readMeetingFollowUp(ctx.db, ctx.hub, id.data, Date.now()));
  });

  return router;
}

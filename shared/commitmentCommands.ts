/**
 * Ledger commands: the only way a commitment is made, changed or reviewed. Socket.IO events with an
 * ack, or for scripts the HTTP routes in docs/api.md with the same bodies; both are validated here,
 * checked against the one role table (shared/commandRoles.ts) and answered the same way.
 */

import { z } from 'zod';
import { docIdSchema } from './docIdSchema.ts';
import { reasonIssue } from './errorReasons.ts';
import type { ErrorResponse } from './errors.ts';
import {
  COMMITMENT_STATUSES,
  type Commitment,
  commitmentFieldsSchema,
  dropReasonSchema,
  dueDateSchema,
  ownerPersonSchema,
  REVIEW_OUTCOMES,
  ReviewOutcome,
} from './ledger.ts';

export const CommitmentCommand = {
  create: 'commitment:create',
  update: 'commitment:update',
  review: 'commitment:review',
} as const;
export type CommitmentCommand = (typeof CommitmentCommand)[keyof typeof CommitmentCommand];
export const COMMITMENT_COMMANDS = Object.values(CommitmentCommand);

const id = docIdSchema;
const itemId = z.string().min(1).max(100);

/**
 * A new commitment. The sender draws its id (a UUID), so that sending it again after a lost answer
 * does not make it twice. With `meetingId` (a live meeting of the objective) it is made in that
 * meeting, from `itemId` if given.
 */
export const createCommitmentSchema = commitmentFieldsSchema.extend({
  objectiveId: id,
  id,
  meetingId: id.optional(),
  itemId: itemId.optional(),
  indicatorId: id.nullable().optional(),
  ownerPerson: ownerPersonSchema.optional(),
});
export type CreateCommitmentInput = z.infer<typeof createCommitmentSchema>;

const patchSchema = commitmentFieldsSchema
  .extend({ status: z.enum(COMMITMENT_STATUSES), dropReason: dropReasonSchema })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'nothing to change',
    params: reasonIssue('nothingToChange'),
  });

/** Changes fields or the status; `expected` holds the values the sender saw (see `editCommitment`). */
export const updateCommitmentSchema = z.object({
  objectiveId: id,
  commitmentId: id,
  /** A live meeting of the objective the change is made in (recorded in the history). */
  meetingId: id.optional(),
  patch: patchSchema,
  expected: z.record(z.string(), z.string().max(1000).nullable()).optional(),
});
export type UpdateCommitmentInput = z.infer<typeof updateCommitmentSchema>;

/** A live meeting's review of a commitment on its follow-up. */
export const reviewCommitmentSchema = z
  .object({
    meetingId: id,
    commitmentId: id,
    outcome: z.enum(REVIEW_OUTCOMES),
    newDueDate: dueDateSchema.optional(),
    reason: dropReasonSchema.optional(),
  })
  .refine((review) => review.outcome !== ReviewOutcome.keptOpen || review.newDueDate !== undefined, {
    message: 'a new due date is required to keep it open',
    path: ['newDueDate'],
    params: reasonIssue('newDueDateRequired'),
  })
  .refine((review) => review.outcome !== ReviewOutcome.dropped || review.reason !== undefined, {
    message: 'a reason is required to drop it',
    path: ['reason'],
    params: reasonIssue('dropReasonRequired'),
  });
export type ReviewCommitmentInput = z.infer<typeof reviewCommitmentSchema>;

export const COMMITMENT_COMMAND_BODIES = {
  [CommitmentCommand.create]: createCommitmentSchema,
  [CommitmentCommand.update]: updateCommitmentSchema,
  [CommitmentCommand.review]: reviewCommitmentSchema,
} as const satisfies Record<CommitmentCommand, z.ZodType>;

export type CommitmentPayload<C extends CommitmentCommand> = z.input<(typeof COMMITMENT_COMMAND_BODIES)[C]>;

/** The answer to every ledger command: the commitment after it, or why nothing changed. */
export type CommitmentAck = { ok: true; commitment: Commitment } | ErrorResponse;

export type CommitmentCommandEvents = {
  [C in CommitmentCommand]: (payload: CommitmentPayload<C>, ack: (result: CommitmentAck) => void) => void;
};

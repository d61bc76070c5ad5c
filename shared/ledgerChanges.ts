/**
 * The only writes to a ledger document, run by the server inside `hub.change` after it has checked
 * the command (role, payload, that the goal and agency exist). Each change writes the commitment
 * and, in the same transaction, one history entry naming who, when, in which meeting, and each
 * field's old and new value: the actor and the time come from the server, never from a client.
 */
import type * as Y from 'yjs';
import { reason as errorReason } from './errorReasons.ts';
import { ErrorCode, type ErrorReason } from './errors.ts';
import { isInFollowUp } from './followUp.ts';
import {
  type Commitment,
  type CommitmentFields,
  CommitmentStatus,
  commitmentsMap,
  HISTORY_FIELDS,
  HistoryAction,
  type HistoryEntry,
  historyArray,
  LEDGER_SCHEMA_VERSION,
  ledgerMeta,
  type Review,
  ReviewOutcome,
  readCommitment,
  reviewKey,
  reviewsMap,
} from './ledger.ts';
import type { Principal } from './roles.ts';

/** Who changes the ledger, when, and in which live meeting (null between meetings). */
export interface LedgerContext {
  actor: Principal;
  now: number;
  meetingId: string | null;
}

export type LedgerChange =
  | { ok: true; commitment: Commitment }
  | { ok: false; code: ErrorCode; message: string; reason?: ErrorReason };
const refused = (code: ErrorCode, message: string, why?: ErrorReason): LedgerChange =>
  why ? { ok: false, code, message, reason: why } : { ok: false, code, message };

/** An edit between meetings or during one: any written field, and the status. */
export type CommitmentPatch = Partial<CommitmentFields> & {
  status?: CommitmentStatus;
  dropReason?: string;
};

export interface ReviewInput {
  commitmentId: string;
  outcome: ReviewOutcome;
  /** Required to keep it open; optional when escalating. */
  newDueDate?: string | undefined;
  /** Required to drop it. */
  reason?: string | undefined;
}

const asText = (value: string | boolean | null): string | null =>
  typeof value === 'boolean' ? String(value) : value;

function write(
  doc: Y.Doc,
  before: Commitment | null,
  after: Commitment,
  ctx: LedgerContext,
  action: HistoryEntry['action'],
  review?: Review['outcome'],
): LedgerChange {
  const changes = HISTORY_FIELDS.flatMap((field) => {
    const from = before ? asText(before[field]) : null;
    const to = asText(after[field]);
    return from === to ? [] : [{ field, from, to }];
  });
  if (changes.length === 0 && action === HistoryAction.edited)
    return { ok: true, commitment: before ?? after };
  ledgerMeta(doc).set('schemaVersion', LEDGER_SCHEMA_VERSION);
  const stored: Commitment = { ...after, updatedAt: ctx.now };
  commitmentsMap(doc).set(after.id, stored);
  const { id, name, role } = ctx.actor;
  const entry: HistoryEntry = {
    at: ctx.now,
    actor: { id, name, role },
    commitmentId: after.id,
    meetingId: ctx.meetingId,
    action,
    ...(review ? { review } : {}),
    changes,
  };
  historyArray(doc).push([entry]);
  return { ok: true, commitment: stored };
}

/** A new open commitment; `madeInItemId` is the agenda item it was captured from, if any. */
export function addCommitment(
  doc: Y.Doc,
  input: { id: string; fields: CommitmentFields; madeInItemId: string | null },
  ctx: LedgerContext,
): LedgerChange {
  if (commitmentsMap(doc).has(input.id)) return refused(ErrorCode.conflict, `Commitment ${input.id} exists`);
  const { id, name, role } = ctx.actor;
  const commitment: Commitment = {
    ...input.fields,
    id: input.id,
    status: CommitmentStatus.open,
    madeInMeetingId: ctx.meetingId,
    madeInItemId: ctx.meetingId ? input.madeInItemId : null,
    createdAt: ctx.now,
    createdBy: { id, name, role },
    closedAt: null,
    dropReason: null,
    escalated: false,
  };
  return write(doc, null, commitment, ctx, HistoryAction.created);
}

/** The commitment with `status` applied: closing stamps `closedAt`, reopening clears it. */
function withStatus(commitment: Commitment, status: CommitmentStatus, now: number): Commitment {
  if (status === commitment.status) return commitment;
  if (status === CommitmentStatus.open) return { ...commitment, status, closedAt: null, dropReason: null };
  return { ...commitment, status, closedAt: now, escalated: false };
}

/**
 * Changes written fields and/or the status. `expected` holds the values the sender saw for the
 * fields it changes: if another person changed one of them first, nothing is written (`stale`).
 */
export function editCommitment(
  doc: Y.Doc,
  commitmentId: string,
  patch: CommitmentPatch,
  expected: Partial<Record<keyof CommitmentPatch, string | null>> | undefined,
  ctx: LedgerContext,
): LedgerChange {
  const before = readCommitment(doc, commitmentId);
  if (!before)
    return refused(
      ErrorCode.notFound,
      `No commitment ${commitmentId} in this objective's ledger`,
      errorReason('noCommitment', { id: commitmentId }),
    );
  for (const [field, seen] of Object.entries(expected ?? {})) {
    const current = before[field as keyof CommitmentPatch] ?? null;
    if (current !== seen)
      return refused(
        ErrorCode.stale,
        `${field} is now ${JSON.stringify(current)}, not ${JSON.stringify(seen)}: someone changed it first`,
        errorReason('commitmentChangedFirst'),
      );
  }
  const { status, dropReason, ...fields } = patch;
  let after: Commitment = { ...before, ...fields };
  if (status !== undefined) after = withStatus(after, status, ctx.now);
  if (after.status === CommitmentStatus.dropped) {
    const reason = dropReason ?? before.dropReason;
    if (!reason)
      return refused(
        ErrorCode.invalidPayload,
        'dropReason: a reason is required to drop it',
        errorReason('dropReasonRequired'),
      );
    after = { ...after, dropReason: reason };
  }
  return write(doc, before, after, ctx, HistoryAction.edited);
}

/** The commitment after `review`: what each outcome decides. */
function reviewed(before: Commitment, review: ReviewInput, now: number): Commitment {
  switch (review.outcome) {
    case ReviewOutcome.done:
      return withStatus(before, CommitmentStatus.done, now);
    case ReviewOutcome.dropped:
      return { ...withStatus(before, CommitmentStatus.dropped, now), dropReason: review.reason ?? null };
    case ReviewOutcome.keptOpen:
      return {
        ...withStatus(before, CommitmentStatus.open, now),
        dueDate: review.newDueDate ?? before.dueDate,
        escalated: false,
      };
    case ReviewOutcome.escalated:
      return {
        ...withStatus(before, CommitmentStatus.open, now),
        dueDate: review.newDueDate ?? before.dueDate,
        escalated: true,
      };
  }
}

/**
 * A live meeting's review of a commitment it follows up. Reviewing again in the same meeting
 * replaces the review (a change of mind); the history keeps both.
 */
export function reviewCommitment(
  doc: Y.Doc,
  review: ReviewInput,
  meeting: { id: string; startedAt: number },
  ctx: LedgerContext,
): LedgerChange {
  const before = readCommitment(doc, review.commitmentId);
  if (!before)
    return refused(
      ErrorCode.notFound,
      `No commitment ${review.commitmentId} in this objective's ledger`,
      errorReason('noCommitment', { id: review.commitmentId }),
    );
  // What the meeting follows up was decided when it started; a re-review sees its own change.
  const earlier = reviewsMap(doc).get(reviewKey(meeting.id, before.id));
  if (!earlier && !isInFollowUp(before, { id: meeting.id, startedAt: meeting.startedAt }))
    return refused(
      ErrorCode.invalidState,
      before.madeInMeetingId === meeting.id
        ? 'This commitment was made in this meeting: it is reviewed in the next one'
        : 'This commitment was not open when the meeting started: it is not on its follow-up',
      errorReason(before.madeInMeetingId === meeting.id ? 'reviewedInNextMeeting' : 'notOnFollowUp'),
    );
  const after = reviewed(before, review, ctx.now);
  const { id, name, role } = ctx.actor;
  const stored: Review = {
    meetingId: meeting.id,
    commitmentId: before.id,
    outcome: review.outcome,
    newDueDate: review.newDueDate ?? null,
    reason: review.reason ?? null,
    at: ctx.now,
    by: { id, name, role },
  };
  reviewsMap(doc).set(reviewKey(meeting.id, before.id), stored);
  return write(doc, before, after, { ...ctx, meetingId: meeting.id }, HistoryAction.reviewed, review.outcome);
}

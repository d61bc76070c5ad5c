/**
 * An objective's commitment ledger (`ledger:<objectiveId>`), defined once: every commitment made in
 * the objective's meetings, each review of one in a later meeting, and the history of every change.
 * Only the server writes it (the ledger commands, `shared/ledgerChanges.ts`), so every history entry
 * is attributed and timed by the server; clients read it live and never copy it into a meeting.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { docIdSchema } from './docIdSchema.ts';
import { DocKind } from './docNames.ts';
import { getRoot } from './docShapes.ts';
import { reasonIssue } from './errorReasons.ts';
import { actorSchema } from './meetingLive.ts';
import { isValidDate } from './periods.ts';

export const LEDGER_SCHEMA_VERSION = 1;

export const CommitmentStatus = { open: 'open', done: 'done', dropped: 'dropped' } as const;
export type CommitmentStatus = (typeof CommitmentStatus)[keyof typeof CommitmentStatus];
export const COMMITMENT_STATUSES = Object.values(CommitmentStatus) as [
  CommitmentStatus,
  ...CommitmentStatus[],
];

/** What a later meeting decides about a commitment it follows up. */
export const ReviewOutcome = {
  done: 'done',
  /** Still open, with a new due date: the commitment is carried to the next meeting. */
  keptOpen: 'kept_open',
  dropped: 'dropped',
  /** Put on the chair's agenda; it stays open and is carried. */
  escalated: 'escalated',
} as const;
export type ReviewOutcome = (typeof ReviewOutcome)[keyof typeof ReviewOutcome];
export const REVIEW_OUTCOMES = Object.values(ReviewOutcome) as [ReviewOutcome, ...ReviewOutcome[]];

/** Outcomes that leave a commitment open: each one counts as a meeting it was carried through. */
export const CARRYING_OUTCOMES: ReadonlySet<ReviewOutcome> = new Set([
  ReviewOutcome.keptOpen,
  ReviewOutcome.escalated,
]);

/** Due dates a person could mean: a typo like 0202 or 20266 is refused, not stored. */
export const DUE_DATE_RANGE = { min: '2000-01-01', max: '2099-12-31' } as const;
export const dueDateSchema = z
  .string()
  .refine(isValidDate, { message: 'expected a date as YYYY-MM-DD', params: reasonIssue('notADate') })
  .refine((date) => date >= DUE_DATE_RANGE.min && date <= DUE_DATE_RANGE.max, {
    message: `expected a date between ${DUE_DATE_RANGE.min} and ${DUE_DATE_RANGE.max}`,
    params: reasonIssue('dueDateOutOfRange', DUE_DATE_RANGE),
  });

const id = docIdSchema;
const epochMs = z.number().int().nonnegative();
export const commitmentTextSchema = z.string().trim().min(1, 'text is required').max(1000);
export const ownerPersonSchema = z.string().trim().max(120);
export const dropReasonSchema = z
  .string()
  .trim()
  // A refinement rather than `min(1)`, to carry the reason the commitment forms show.
  .refine((text) => text.length > 0, {
    message: 'a reason is required',
    params: reasonIssue('dropReasonRequired'),
  })
  .max(500);

/** The fields a person writes; everything else is set by the server. */
export const commitmentFieldsSchema = z.object({
  text: commitmentTextSchema,
  ownerAgencyId: id,
  ownerPerson: ownerPersonSchema,
  dueDate: dueDateSchema,
  goalId: id,
  indicatorId: id.nullable(),
});
export type CommitmentFields = z.infer<typeof commitmentFieldsSchema>;

export const commitmentSchema = commitmentFieldsSchema.extend({
  id,
  status: z.enum(COMMITMENT_STATUSES),
  madeInMeetingId: id.nullable(),
  madeInItemId: z.string().min(1).max(100).nullable(),
  createdAt: epochMs,
  createdBy: actorSchema,
  /** When it was last done or dropped; null while open. */
  closedAt: epochMs.nullable(),
  dropReason: z.string().nullable(),
  /** Its last review put it on the chair's agenda. */
  escalated: z.boolean(),
  /** When it last changed (made, edited or reviewed); absent in ledgers written before it existed. */
  updatedAt: epochMs.optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const reviewSchema = z.object({
  meetingId: id,
  commitmentId: id,
  outcome: z.enum(REVIEW_OUTCOMES),
  newDueDate: z.string().nullable(),
  reason: z.string().nullable(),
  at: epochMs,
  by: actorSchema,
});
export type Review = z.infer<typeof reviewSchema>;

/** The fields a history entry can name, with their values as text (null when unset). */
export const HISTORY_FIELDS = [
  'text',
  'ownerAgencyId',
  'ownerPerson',
  'dueDate',
  'status',
  'goalId',
  'indicatorId',
  'dropReason',
  'escalated',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const HistoryAction = { created: 'created', edited: 'edited', reviewed: 'reviewed' } as const;
export type HistoryAction = (typeof HistoryAction)[keyof typeof HistoryAction];

export const historyEntrySchema = z.object({
  at: epochMs,
  actor: actorSchema,
  commitmentId: id,
  /** The meeting the change was made in, or null for a change made between meetings. */
  meetingId: id.nullable(),
  action: z.enum([HistoryAction.created, HistoryAction.edited, HistoryAction.reviewed]),
  review: z.enum(REVIEW_OUTCOMES).optional(),
  changes: z.array(
    z.object({ field: z.enum(HISTORY_FIELDS), from: z.string().nullable(), to: z.string().nullable() }),
  ),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const commitmentsMap = (doc: Y.Doc) => getRoot(doc, DocKind.ledger, 'commitments');
export const reviewsMap = (doc: Y.Doc) => getRoot(doc, DocKind.ledger, 'reviews');
export const historyArray = (doc: Y.Doc) => getRoot(doc, DocKind.ledger, 'history');
export const ledgerMeta = (doc: Y.Doc) => getRoot(doc, DocKind.ledger, 'meta');

/** The key of a meeting's review of a commitment: one review per meeting, the last one counts. */
export const reviewKey = (meetingId: string, commitmentId: string): string => `${meetingId}/${commitmentId}`;

/** A ledger as plain values, for the pure functions that answer follow-up and ledger questions. */
export interface LedgerSnapshot {
  commitments: Commitment[];
  reviews: Review[];
}

function parsedValues<T>(map: Y.Map<unknown>, schema: z.ZodType<T>): T[] {
  const values: T[] = [];
  map.forEach((value) => {
    const result = schema.safeParse(value);
    if (result.success) values.push(result.data);
  });
  return values;
}

/** Every commitment and review; malformed values are skipped (the server never writes one). */
export function readLedger(doc: Y.Doc): LedgerSnapshot {
  return {
    commitments: parsedValues(commitmentsMap(doc), commitmentSchema),
    reviews: parsedValues(reviewsMap(doc), reviewSchema),
  };
}

export function readCommitment(doc: Y.Doc, commitmentId: string): Commitment | null {
  const result = commitmentSchema.safeParse(commitmentsMap(doc).get(commitmentId));
  return result.success ? result.data : null;
}

/** History entries, oldest first; all of them, or one commitment's. */
export function readHistory(doc: Y.Doc, commitmentId?: string): HistoryEntry[] {
  return historyArray(doc)
    .toArray()
    .flatMap((value) => {
      const entry = historyEntrySchema.safeParse(value);
      if (!entry.success) return [];
      return commitmentId === undefined || entry.data.commitmentId === commitmentId ? [entry.data] : [];
    });
}

/** Nothing to upgrade yet (version 1 is the first); the DocHub calls this on load. */
export function upgradeLedgerDoc(_doc: Y.Doc): boolean {
  return false;
}

/**
 * A meeting's follow-up, queried from its objective's ledger and never copied into the meeting:
 * the commitments that were open when it started (for a draft: open now), made in earlier meetings
 * or between them. A meeting created weeks ahead therefore lists every commitment made after it was
 * created, and each commitment appears once, however many meetings it is carried through.
 */
import {
  CARRYING_OUTCOMES,
  type Commitment,
  CommitmentStatus,
  type HistoryEntry,
  type LedgerSnapshot,
  type Review,
} from './ledger.ts';

const DAY_MS = 86_400_000;

/** A meeting as follow-up needs it: `startedAt` is null while it is a draft. */
export interface FollowUpMeeting {
  id: string;
  startedAt: number | null;
}

export interface FollowUpEntry {
  commitment: Commitment;
  /** This meeting's review of it, if it has had one. */
  review: Review | null;
  /** Meetings before this one that reviewed it and left it open. */
  timesCarried: number;
  /** Whole days from when it was made to the meeting's start (or now, for a draft). */
  daysOpen: number;
  /** Its due date when the meeting started (today's, for a draft or without the history). */
  dueDateThen: string;
  /** Past that due date when the meeting started (or now, for a draft). */
  overdue: boolean;
}

/** Each commitment's due date at `asOf`, from the history: the last due-date change up to then. */
function dueDatesAt(history: readonly HistoryEntry[], asOf: number): Map<string, string> {
  const dueDates = new Map<string, string>();
  for (const entry of history) {
    if (entry.at > asOf) continue;
    const change = entry.changes.find((candidate) => candidate.field === 'dueDate');
    if (change?.to) dueDates.set(entry.commitmentId, change.to);
  }
  return dueDates;
}

export const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whether the meeting follows up this commitment. */
export function isInFollowUp(commitment: Commitment, meeting: FollowUpMeeting): boolean {
  if (commitment.madeInMeetingId === meeting.id) return false;
  if (meeting.startedAt === null) return commitment.status === CommitmentStatus.open;
  return (
    // At the same millisecond, the commitment and the review count as before the start.
    commitment.createdAt <= meeting.startedAt &&
    (commitment.closedAt === null || commitment.closedAt >= meeting.startedAt)
  );
}

/** Reviews in other meetings, before this one started, that left the commitment open. */
export function timesCarriedBefore(reviews: readonly Review[], meeting: FollowUpMeeting): number {
  return reviews.filter(
    (review) =>
      CARRYING_OUTCOMES.has(review.outcome) &&
      review.meetingId !== meeting.id &&
      (meeting.startedAt === null || review.at <= meeting.startedAt),
  ).length;
}

function reviewsByCommitment(reviews: readonly Review[]): Map<string, Review[]> {
  const byCommitment = new Map<string, Review[]>();
  for (const review of reviews) {
    const list = byCommitment.get(review.commitmentId);
    if (list) list.push(review);
    else byCommitment.set(review.commitmentId, [review]);
  }
  return byCommitment;
}

/**
 * The follow-up of `meeting`: overdue first, then by due date, then oldest first. With `history`
 * (oldest first), a started meeting's due dates are those it saw, not today's.
 */
export function followUp(
  ledger: LedgerSnapshot,
  meeting: FollowUpMeeting,
  now: number,
  history?: readonly HistoryEntry[],
): FollowUpEntry[] {
  const asOf = meeting.startedAt ?? now;
  const asOfDate = utcDate(asOf);
  const reviews = reviewsByCommitment(ledger.reviews);
  const dueThen = meeting.startedAt !== null && history ? dueDatesAt(history, asOf) : null;
  const entries = ledger.commitments
    .filter((commitment) => isInFollowUp(commitment, meeting))
    .map((commitment): FollowUpEntry => {
      // Everything listed was open at `asOf` (isInFollowUp), so age and lateness are taken there.
      const own = reviews.get(commitment.id) ?? [];
      const dueDateThen = dueThen?.get(commitment.id) ?? commitment.dueDate;
      return {
        commitment,
        review: own.find((review) => review.meetingId === meeting.id) ?? null,
        timesCarried: timesCarriedBefore(own, meeting),
        daysOpen: Math.max(0, Math.floor((asOf - commitment.createdAt) / DAY_MS)),
        dueDateThen,
        overdue: dueDateThen < asOfDate,
      };
    });
  return entries.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueDateThen.localeCompare(b.dueDateThen) ||
      a.commitment.createdAt - b.commitment.createdAt,
  );
}

/** The commitments made in `meetingId`, in the order they were made. */
export function madeInMeeting(ledger: LedgerSnapshot, meetingId: string): Commitment[] {
  return ledger.commitments
    .filter((commitment) => commitment.madeInMeetingId === meetingId)
    .sort((a, b) => a.createdAt - b.createdAt);
}

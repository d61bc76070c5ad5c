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
  /** Past its due date when the meeting started (or now, for a draft). */
  overdue: boolean;
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

/** The follow-up of `meeting`: overdue first, then by due date, then oldest first. */
export function followUp(ledger: LedgerSnapshot, meeting: FollowUpMeeting, now: number): FollowUpEntry[] {
  const asOf = meeting.startedAt ?? now;
  const asOfDate = utcDate(asOf);
  const reviews = reviewsByCommitment(ledger.reviews);
  const entries = ledger.commitments
    .filter((commitment) => isInFollowUp(commitment, meeting))
    .map((commitment): FollowUpEntry => {
      // Everything listed was open at `asOf` (isInFollowUp), so age and lateness are taken there.
      const own = reviews.get(commitment.id) ?? [];
      return {
        commitment,
        review: own.find((review) => review.meetingId === meeting.id) ?? null,
        timesCarried: timesCarriedBefore(own, meeting),
        daysOpen: Math.max(0, Math.floor((asOf - commitment.createdAt) / DAY_MS)),
        overdue: commitment.dueDate < asOfDate,
      };
    });
  return entries.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.commitment.dueDate.localeCompare(b.commitment.dueDate) ||
      a.commitment.createdAt - b.commitment.createdAt,
  );
}

/** The commitments made in `meetingId`, in the order they were made. */
export function madeInMeeting(ledger: LedgerSnapshot, meetingId: string): Commitment[] {
  return ledger.commitments
    .filter((commitment) => commitment.madeInMeetingId === meetingId)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The follow-up of this meeting: every commitment that was open when it started (overdue first),
 * how long it has been open, how many meetings it has been carried through, and this meeting's
 * review of it. While the meeting is live an analyst reviews each one here.
 */
import { useState } from 'react';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import { type Review, ReviewOutcome } from '../../../../shared/ledger.ts';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { CommitmentNames } from './LedgerPanels.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { formatClockTime, formatDueDate } from './roomFormat.ts';
import './commitments.css';

const TEXT = {
  title: 'Follow-up',
  summary: (open: number, reviewed: number) => `${reviewed} of ${open + reviewed} reviewed`,
  empty: 'No commitments were open when this meeting started.',
  emptyDraft: 'No open commitments to follow up.',
  due: (date: string) => `due ${date}`,
  overdue: 'Overdue',
  openDays: (days: number) => `open ${days} day${days === 1 ? '' : 's'}`,
  carried: (times: number) => `carried ${times}×`,
  carriedLong: (times: number) => `carried through ${times} meetings`,
  goal: 'Goal:',
  change: 'Change review',
  keepReview: 'Keep this review',
  outcome: {
    [ReviewOutcome.done]: () => 'Done',
    [ReviewOutcome.keptOpen]: (review: Review) =>
      `Kept open, new date ${review.newDueDate ? formatDueDate(review.newDueDate) : '—'}`,
    [ReviewOutcome.dropped]: (review: Review) => `Dropped: ${review.reason ?? ''}`,
    [ReviewOutcome.escalated]: (review: Review) =>
      `Escalated${review.newDueDate ? `, new date ${formatDueDate(review.newDueDate)}` : ''}`,
  } satisfies Record<ReviewOutcome, (review: Review) => string>,
  by: (name: string, time: string) => `${name}, ${time}`,
};

/** Carried this many times or more: the chair should look hard at it. */
const LONG_CARRIED = 3;

interface FollowUpPanelProps {
  meetingId: string;
  entries: FollowUpEntry[];
  phase: MeetingPhase;
  canReview: boolean;
  names: CommitmentNames;
}

export function FollowUpPanel({ meetingId, entries, phase, canReview, names }: FollowUpPanelProps) {
  const reviewed = entries.filter((entry) => entry.review !== null).length;
  return (
    <section className="card ledger-panel" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 className="card__title ledger-panel__title" id="follow-up-title">
        {TEXT.title} <span className="count">{entries.length}</span>
        {phase !== MeetingPhase.draft && entries.length > 0 && (
          <span className="ledger-panel__summary">{TEXT.summary(entries.length - reviewed, reviewed)}</span>
        )}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{phase === MeetingPhase.draft ? TEXT.emptyDraft : TEXT.empty}</p>
      ) : (
        <ul className="commitments">
          {entries.map((entry) => (
            <FollowUpRow
              key={entry.commitment.id}
              meetingId={meetingId}
              entry={entry}
              canReview={canReview && phase === MeetingPhase.live}
              names={names}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUpRow({
  meetingId,
  entry,
  canReview,
  names,
}: {
  meetingId: string;
  entry: FollowUpEntry;
  canReview: boolean;
  names: CommitmentNames;
}) {
  const { commitment, review, timesCarried, daysOpen, overdue, dueDateThen } = entry;
  const [changing, setChanging] = useState(false);
  const goal = names.goal(commitment.goalId);
  const longCarried = timesCarried >= LONG_CARRIED;

  return (
    <li
      className={`commitment${review ? ` commitment--reviewed commitment--${review.outcome}` : ''}`}
      data-testid="follow-up-row"
      data-commitment-id={commitment.id}
      data-review={review?.outcome ?? ''}
    >
      <p className="commitment__text">{commitment.text}</p>
      <p className="commitment__meta">
        <strong>{names.agency(commitment.ownerAgencyId)}</strong>
        {commitment.ownerPerson && <> · {commitment.ownerPerson}</>} · {TEXT.due(formatDueDate(dueDateThen))}
      </p>
      {goal && (
        <p className="commitment__goal">
          {TEXT.goal} {goal}
        </p>
      )}
      <p className="commitment__flags">
        {overdue && <span className="flag flag--overdue">{TEXT.overdue}</span>}
        <span className="flag">{TEXT.openDays(daysOpen)}</span>
        {timesCarried > 0 && (
          <span
            className={`flag${longCarried ? ' flag--carried-long' : ''}`}
            title={TEXT.carriedLong(timesCarried)}
            data-testid="carried"
          >
            {TEXT.carried(timesCarried)}
          </span>
        )}
      </p>
      {review && (
        <p className={`commitment__review review--${review.outcome}`} data-testid="review-outcome">
          <strong>{TEXT.outcome[review.outcome](review)}</strong>{' '}
          <span className="muted">({TEXT.by(review.by.name, formatClockTime(review.at))})</span>
        </p>
      )}
      {canReview && review && (
        <button
          type="button"
          className="button button--ghost button--small commitment__change"
          aria-expanded={changing}
          onClick={() => setChanging((value) => !value)}
        >
          {changing ? TEXT.keepReview : TEXT.change}
        </button>
      )}
      {canReview && (!review || changing) && (
        <ReviewActions meetingId={meetingId} commitment={commitment} onReviewed={() => setChanging(false)} />
      )}
    </li>
  );
}

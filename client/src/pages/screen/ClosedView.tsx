/** At the close: when it ended and how long it ran, the commitments made, and the reviews done. */
import { useMemo } from 'react';
import { madeInMeeting } from '../../../../shared/followUp.ts';
import { REVIEW_OUTCOMES, type ReviewOutcome } from '../../../../shared/ledger.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { formatClockTime, formatMinutes } from '../room/roomFormat.ts';
import { MadeList } from './ScreenCommitment.tsx';
import type { ScreenLedger } from './screenLedger.ts';
import type { ScreenNames } from './screenNames.ts';

const TEXT = {
  closed: 'The meeting is closed',
  when: (time: string, duration: string) => `Closed at ${time} after ${duration}`,
  items: (covered: number, total: number) => `${covered} of ${total} agenda items discussed`,
  made: 'Commitments made',
  madeNone: 'No commitments were made in this meeting.',
  reviews: 'Commitments reviewed',
  reviewsNone: 'No earlier commitments were reviewed.',
  outcome: {
    done: 'done',
    kept_open: 'given a new date',
    dropped: 'dropped',
    escalated: 'escalated',
  } satisfies Record<ReviewOutcome, string>,
  memo: 'The memo is made from this record.',
};

interface ClosedViewProps {
  meeting: Meeting;
  items: AgendaItem[];
  live: MeetingLiveState;
  names: ScreenNames;
  ledger: ScreenLedger;
}

export function ClosedView({ meeting, items, live, names, ledger }: ClosedViewProps) {
  const made = useMemo(() => madeInMeeting(ledger.ledger, meeting.id), [ledger, meeting.id]);
  const reviews = ledger.ledger.reviews.filter((review) => review.meetingId === meeting.id);
  const counts = REVIEW_OUTCOMES.map((outcome) => ({
    outcome,
    count: reviews.filter((review) => review.outcome === outcome).length,
  })).filter(({ count }) => count > 0);
  const covered = items.filter((item) => live.timings[item.id]).length;
  const closedAt = live.closedAt ?? Date.now();

  return (
    <div className="screen-closed">
      <section className="screen-closed__summary">
        <h1 className="screen-closed__title">{TEXT.closed}</h1>
        <p className="screen-closed__when">
          {TEXT.when(formatClockTime(closedAt), formatMinutes(closedAt - (live.startedAt ?? closedAt)))}
        </p>
        <p>{TEXT.items(covered, items.length)}</p>
        <h2 className="screen-section-title">{TEXT.reviews}</h2>
        {counts.length === 0 ? (
          <p className="screen-muted">{TEXT.reviewsNone}</p>
        ) : (
          <ul className="screen-reviews" data-testid="screen-reviews">
            {counts.map(({ outcome, count }) => (
              <li key={outcome} className={`screen-reviews__count screen-tag screen-tag--${outcome}`}>
                <strong>{count}</strong> {TEXT.outcome[outcome]}
              </li>
            ))}
          </ul>
        )}
        <p className="screen-muted">{TEXT.memo}</p>
      </section>
      <MadeList
        made={made}
        names={names}
        title={TEXT.made}
        empty={TEXT.madeNone}
        className="screen-closed__made"
      />
    </div>
  );
}

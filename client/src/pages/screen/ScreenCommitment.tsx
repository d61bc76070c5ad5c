/** One commitment as the screen lists it: what, who, by when, and (in a follow-up) where it stands. */

import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import type { Commitment, ReviewOutcome } from '../../../../shared/ledger.ts';
import { formatDueDate } from '../room/roomFormat.ts';
import { FitList } from './FitList.tsx';
import type { ScreenNames } from './screenNames.ts';

const TEXT = {
  due: (date: string) => `due ${date}`,
  overdue: 'Overdue',
  carried: (times: number) => `carried ${times}×`,
  more: (count: number) => `+${count} more`,
  outcome: {
    done: 'Done',
    kept_open: 'New date',
    dropped: 'Dropped',
    escalated: 'Escalated',
  } satisfies Record<ReviewOutcome, string>,
};

export function MadeCommitment({ commitment, names }: { commitment: Commitment; names: ScreenNames }) {
  return (
    <article className="screen-commitment" data-testid="screen-commitment" data-commitment-id={commitment.id}>
      <p className="screen-commitment__text">{commitment.text}</p>
      <p className="screen-commitment__meta">
        <strong>{names.agency(commitment.ownerAgencyId)}</strong>
        {commitment.ownerPerson && <> · {commitment.ownerPerson}</>} ·{' '}
        {TEXT.due(formatDueDate(commitment.dueDate))}
      </p>
    </article>
  );
}

export function FollowUpCommitment({ entry, names }: { entry: FollowUpEntry; names: ScreenNames }) {
  const { commitment, review } = entry;
  return (
    <article
      className="screen-commitment"
      data-testid="screen-follow-up"
      data-commitment-id={commitment.id}
      data-review={review?.outcome ?? ''}
    >
      <p className="screen-commitment__text">{commitment.text}</p>
      <p className="screen-commitment__meta">
        {review ? (
          <span className={`screen-tag screen-tag--${review.outcome}`}>{TEXT.outcome[review.outcome]}</span>
        ) : (
          entry.overdue && <span className="screen-tag screen-tag--overdue">{TEXT.overdue}</span>
        )}{' '}
        <strong>{names.agency(commitment.ownerAgencyId)}</strong> ·{' '}
        {TEXT.due(formatDueDate(entry.dueDateThen))}
        {entry.timesCarried > 0 && <> · {TEXT.carried(entry.timesCarried)}</>}
      </p>
    </article>
  );
}

/** The commitments a meeting made, newest first, as many as fit: during an item and at the close. */
export function MadeList({
  made,
  names,
  title,
  empty,
  className,
}: {
  made: Commitment[];
  names: ScreenNames;
  title: string;
  empty: string;
  className: string;
}) {
  return (
    <section className={`screen-panel ${className}`} aria-label={title}>
      <h2 className="screen-section-title">
        {title}
        <span className="screen-count">{made.length}</span>
      </h2>
      {made.length === 0 ? (
        <p className="screen-muted">{empty}</p>
      ) : (
        <FitList
          className="screen-commitments"
          items={made}
          keyOf={(commitment) => commitment.id}
          more={TEXT.more}
          render={(commitment) => <MadeCommitment commitment={commitment} names={names} />}
        />
      )}
    </section>
  );
}

/**
 * The follow-up of this meeting: every commitment that was open when it started (overdue first),
 * how long it has been open, how many meetings it has been carried through, and this meeting's
 * review of it. While the meeting is live an analyst reviews each one here.
 */
import type { TFunction } from 'i18next';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import { type Review, ReviewOutcome } from '../../../../shared/ledger.ts';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import { memoize } from '../../../../shared/memoize.ts';
import type { CommitmentNames } from './LedgerPanels.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { formatClockTime, formatDueDate } from './roomFormat.ts';
import './commitments.css';

/** What this meeting decided about a commitment, in the reader's language. */
function outcomeText(t: TFunction<'room'>, review: Review): string {
  const date = review.newDueDate ? formatDueDate(review.newDueDate) : null;
  switch (review.outcome) {
    case ReviewOutcome.done:
      return t('followUp.outcome.done');
    case ReviewOutcome.keptOpen:
      return t('followUp.outcome.keptOpen', { date: date ?? '—' });
    case ReviewOutcome.dropped:
      return t('followUp.outcome.dropped', { reason: review.reason ?? '' });
    case ReviewOutcome.escalated:
      return date ? t('followUp.outcome.escalatedDate', { date }) : t('followUp.outcome.escalated');
  }
}

/**
 * The rows' phrases, each worked out once per value: 60 rows repeat a few dozen phrases, and a
 * `t()` call costs tens of microseconds (docs/architecture.md, "Opening a meeting").
 */
function rowPhrases(t: TFunction<'room'>) {
  return {
    goal: t('followUp.goal'),
    overdue: t('followUp.overdue'),
    due: memoize((day: string) => t('followUp.due', { date: formatDueDate(day) })),
    openDays: memoize((count: number) => t('followUp.openDays', { count })),
    carried: memoize((count: number) => t('followUp.carried', { count })),
    carriedLong: memoize((count: number) => t('followUp.carriedLong', { count })),
  };
}
type RowPhrases = ReturnType<typeof rowPhrases>;

/** Carried this many times or more: the chair should look hard at it. */
const LONG_CARRIED = 3;

interface FollowUpPanelProps {
  meetingId: string;
  entries: FollowUpEntry[];
  phase: MeetingPhase;
  canReview: boolean;
  names: CommitmentNames;
}

/** Memoized: the meeting page re-renders on every sync and status change; its 60 rows need not. */
export const FollowUpPanel = memo(function FollowUpPanel({
  meetingId,
  entries,
  phase,
  canReview,
  names,
}: FollowUpPanelProps) {
  const { t } = useTranslation('room');
  // Keyed by `t`, which changes with the language.
  const phrases = useMemo(() => rowPhrases(t), [t]);
  const reviewed = entries.filter((entry) => entry.review !== null).length;
  return (
    <section className="card ledger-panel" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 className="card__title ledger-panel__title" id="follow-up-title">
        {t('followUp.title')} <span className="count">{entries.length}</span>
        {phase !== MeetingPhase.draft && entries.length > 0 && (
          <span className="ledger-panel__summary">
            {t('followUp.summary', { reviewed, total: entries.length })}
          </span>
        )}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">
          {phase === MeetingPhase.draft ? t('followUp.emptyDraft') : t('followUp.empty')}
        </p>
      ) : (
        <ul className="commitments">
          {entries.map((entry) => (
            <FollowUpRow
              key={entry.commitment.id}
              meetingId={meetingId}
              entry={entry}
              canReview={canReview && phase === MeetingPhase.live}
              names={names}
              t={t}
              phrases={phrases}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

function FollowUpRow({
  meetingId,
  entry,
  canReview,
  names,
  t,
  phrases,
}: {
  meetingId: string;
  entry: FollowUpEntry;
  canReview: boolean;
  names: CommitmentNames;
  /** The panel's: one `useTranslation` per list, not per row. */
  t: TFunction<'room'>;
  phrases: RowPhrases;
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
        {commitment.ownerPerson && <> · {commitment.ownerPerson}</>} · {phrases.due(dueDateThen)}
      </p>
      {goal && (
        <p className="commitment__goal">
          {phrases.goal} {goal}
        </p>
      )}
      <p className="commitment__flags">
        {overdue && <span className="flag flag--overdue">{phrases.overdue}</span>}
        <span className="flag">{phrases.openDays(daysOpen)}</span>
        {timesCarried > 0 && (
          <span
            className={`flag${longCarried ? ' flag--carried-long' : ''}`}
            title={phrases.carriedLong(timesCarried)}
            data-testid="carried"
          >
            {phrases.carried(timesCarried)}
          </span>
        )}
      </p>
      {review && (
        <p className={`commitment__review review--${review.outcome}`} data-testid="review-outcome">
          <strong>{outcomeText(t, review)}</strong>{' '}
          <span className="muted">
            ({review.by.name}, {formatClockTime(review.at)})
          </span>
        </p>
      )}
      {canReview && review && (
        <button
          type="button"
          className="button button--ghost button--small commitment__change"
          aria-expanded={changing}
          onClick={() => setChanging((value) => !value)}
        >
          {changing ? t('followUp.keepReview') : t('followUp.change')}
        </button>
      )}
      {canReview && (!review || changing) && (
        <ReviewActions meetingId={meetingId} commitment={commitment} onReviewed={() => setChanging(false)} />
      )}
    </li>
  );
}

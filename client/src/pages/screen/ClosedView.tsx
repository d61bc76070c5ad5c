/** At the close: when it ended and how long it ran, the commitments made, and the reviews done. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { madeInMeeting } from '../../../../shared/followUp.ts';
import { REVIEW_OUTCOMES } from '../../../../shared/ledger.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { formatClockTime, formatMinutes } from '../room/roomFormat.ts';
import { MadeList } from './ScreenCommitment.tsx';
import type { ScreenLedger } from './screenLedger.ts';
import type { ScreenNames } from './screenNames.ts';

interface ClosedViewProps {
  meeting: Meeting;
  items: AgendaItem[];
  live: MeetingLiveState;
  names: ScreenNames;
  ledger: ScreenLedger;
}

export function ClosedView({ meeting, items, live, names, ledger }: ClosedViewProps) {
  const { t } = useTranslation('screen');
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
        <h1 className="screen-closed__title">{t('closed.closed')}</h1>
        <p className="screen-closed__when">
          {t('closed.when', {
            time: formatClockTime(closedAt),
            duration: formatMinutes(closedAt - (live.startedAt ?? closedAt)),
          })}
        </p>
        <p>{t('closed.items', { covered, total: items.length })}</p>
        <h2 className="screen-section-title">{t('closed.reviews')}</h2>
        {counts.length === 0 ? (
          <p className="screen-muted">{ledger.known ? t('closed.reviewsNone') : t('commitmentsLoading')}</p>
        ) : (
          <ul className="screen-reviews" data-testid="screen-reviews">
            {counts.map(({ outcome, count }) => (
              <li key={outcome} className={`screen-reviews__count screen-tag screen-tag--${outcome}`}>
                <strong>{count}</strong> {t(`closed.outcome.${outcome}`, { count })}
              </li>
            ))}
          </ul>
        )}
        <p className="screen-muted">{t('closed.memo')}</p>
      </section>
      <MadeList
        made={made}
        names={names}
        title={t('closed.made')}
        known={ledger.known}
        empty={t('closed.madeNone')}
        className="screen-closed__made"
      />
    </div>
  );
}

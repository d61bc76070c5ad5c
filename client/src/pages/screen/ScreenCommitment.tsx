/**
 * One commitment as the screen lists it: what, who, by when, and (in a follow-up) where it stands.
 * Its meta line shortens the names, never the due date, which ends the line ("prazo quinta 17 dez"
 * is longer than "due Thu 17 Dec").
 */
import { useTranslation } from 'react-i18next';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import type { Commitment } from '../../../../shared/ledger.ts';
import { formatDueDate } from '../room/roomFormat.ts';
import { FitList } from './FitList.tsx';
import type { ScreenNames } from './screenNames.ts';

export function MadeCommitment({ commitment, names }: { commitment: Commitment; names: ScreenNames }) {
  const { t } = useTranslation('screen');
  return (
    <article className="screen-commitment" data-testid="screen-commitment" data-commitment-id={commitment.id}>
      <p className="screen-commitment__text">{commitment.text}</p>
      <p className="screen-commitment__meta">
        <span className="screen-commitment__who">
          <strong>{names.agency(commitment.ownerAgencyId)}</strong>
          {commitment.ownerPerson && <> · {commitment.ownerPerson}</>}{' '}
        </span>
        <span className="screen-commitment__due">
          {t('commitment.due', { date: formatDueDate(commitment.dueDate) })}
        </span>
      </p>
    </article>
  );
}

export function FollowUpCommitment({ entry, names }: { entry: FollowUpEntry; names: ScreenNames }) {
  const { t } = useTranslation('screen');
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
          <span className={`screen-tag screen-tag--${review.outcome}`}>
            {t(`commitment.outcome.${review.outcome}`)}
          </span>
        ) : (
          entry.overdue && <span className="screen-tag screen-tag--overdue">{t('commitment.overdue')}</span>
        )}
        <span className="screen-commitment__who">
          {' '}
          <strong>{names.agency(commitment.ownerAgencyId)}</strong>{' '}
        </span>
        <span className="screen-commitment__due">
          {t('commitment.due', { date: formatDueDate(entry.dueDateThen) })}
          {entry.timesCarried > 0 && <> · {t('commitment.carried', { times: entry.timesCarried })}</>}
        </span>
      </p>
    </article>
  );
}

/**
 * The commitments a meeting made, newest first, as many as fit: during an item and at the close.
 * Until the ledger is `known` it gives no count and says the commitments are coming.
 */
export function MadeList({
  made,
  known,
  names,
  title,
  empty,
  className,
}: {
  made: Commitment[];
  known: boolean;
  names: ScreenNames;
  title: string;
  empty: string;
  className: string;
}) {
  const { t } = useTranslation('screen');
  return (
    <section className={`screen-panel ${className}`} aria-label={title}>
      <h2 className="screen-section-title">
        {title}
        {known && <span className="screen-count">{made.length}</span>}
      </h2>
      {made.length === 0 ? (
        <p className="screen-muted">{known ? empty : t('commitmentsLoading')}</p>
      ) : (
        <FitList
          className="screen-commitments"
          items={made}
          keyOf={(commitment) => commitment.id}
          more={(number) => t('more', { number })}
          render={(commitment) => <MadeCommitment commitment={commitment} names={names} />}
        />
      )}
    </section>
  );
}

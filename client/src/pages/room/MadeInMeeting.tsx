/** The commitments made in this meeting, in the order they were made (newest last). */
import { useTranslation } from 'react-i18next';
import { type Commitment, CommitmentStatus } from '../../../../shared/ledger.ts';
import type { CommitmentNames } from './LedgerPanels.tsx';
import { formatDueDate } from './roomFormat.ts';
import './commitments.css';

export function MadeInMeeting({ commitments, names }: { commitments: Commitment[]; names: CommitmentNames }) {
  const { t } = useTranslation('room');
  return (
    <section className="card ledger-panel" aria-labelledby="made-title" data-testid="made-in-meeting">
      <h2 className="card__title ledger-panel__title" id="made-title">
        {t('made.title')} <span className="count">{commitments.length}</span>
      </h2>
      {commitments.length === 0 ? (
        <p className="muted">{t('made.empty')}</p>
      ) : (
        <ol className="commitments commitments--made">
          {commitments.map((commitment) => {
            const goal = names.goal(commitment.goalId);
            return (
              <li
                key={commitment.id}
                className="commitment"
                data-testid="made-row"
                data-commitment-id={commitment.id}
              >
                <p className="commitment__text">{commitment.text}</p>
                <p className="commitment__meta">
                  <strong>{names.agency(commitment.ownerAgencyId)}</strong>
                  {commitment.ownerPerson && <> · {commitment.ownerPerson}</>} ·{' '}
                  {t('made.due', { date: formatDueDate(commitment.dueDate) })}
                  {commitment.status !== CommitmentStatus.open && (
                    <span className="flag"> {t(`made.status.${commitment.status}`)}</span>
                  )}
                </p>
                {goal && <p className="commitment__goal">{goal}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * The chair's private cue card about the presenter agency of the current item (the big screen never
 * shows it): its open and overdue commitments, goals off track several periods running, owner
 * ratings the data contradicts, and commitments carried through three meetings or more.
 */
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import type { Commitment } from '../../../../shared/ledger.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { todayDate } from '../../../../shared/periods.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { statusLabel } from '../../charts/statusText.ts';
import { formatDueDate } from '../room/roomFormat.ts';
import { cueCard, OFF_TRACK_STREAK_MIN } from './cueCard.ts';
import { useOffTrackStreaks } from './useOffTrackStreaks.ts';

/** At most this many overdue commitments are spelled out. */
const MAX_OVERDUE_SHOWN = 3;

interface CuePanelProps {
  agency: Agency | null;
  goals: readonly GoalSummary[];
  commitments: readonly Commitment[];
  followUp: readonly FollowUpEntry[];
  pinned: Record<string, PinnedSeries>;
}

export function CuePanel({ agency, goals, commitments, followUp, pinned }: CuePanelProps) {
  const { t } = useTranslation('console');
  const agencyGoals = useMemo(
    () => (agency ? goals.filter((goal) => goal.agencyId === agency.id) : []),
    [agency, goals],
  );
  const streaks = useOffTrackStreaks(agency?.id ?? null, agencyGoals, pinned);
  const card = useMemo(
    () =>
      agency
        ? cueCard({
            agencyId: agency.id,
            commitments,
            followUp,
            goals: agencyGoals,
            streaks: streaks.state === 'ready' ? streaks.byIndicator : new Map(),
            today: todayDate(),
          })
        : null,
    [agency, commitments, followUp, agencyGoals, streaks],
  );

  return (
    <section className="card console-panel cue" aria-labelledby="cue-title" data-testid="cue-card">
      <h2 className="console__section-title" id="cue-title">
        {t('cue.title')} <span className="cue__private">{t('cue.private')}</span>
      </h2>
      {!agency || !card ? (
        <p className="muted">{t('cue.noAgency')}</p>
      ) : (
        <div className="cue__body">
          <p className="cue__agency">{t('cue.about', { agency: agency.name })}</p>
          <p
            className={card.overdue.length > 0 ? 'cue__line cue__line--alert' : 'cue__line'}
            data-testid="cue-open"
          >
            {card.open.length === 0
              ? t('cue.noneOpen')
              : [
                  t('cue.open', { count: card.open.length }),
                  ...(card.overdue.length > 0 ? [t('cue.overdue', { count: card.overdue.length })] : []),
                ].join(', ')}
          </p>
          {card.overdue.length > 0 && (
            <ul className="cue__list">
              {card.overdue.slice(0, MAX_OVERDUE_SHOWN).map((commitment) => (
                <li key={commitment.id}>
                  {commitment.text}{' '}
                  <span className="muted">
                    ({t('cue.overdueItem', { date: formatDueDate(commitment.dueDate) })})
                  </span>
                </li>
              ))}
            </ul>
          )}
          {streaks.state === 'loading' && <p className="muted cue__line">{t('cue.streaksLoading')}</p>}
          {streaks.state === 'error' && (
            <p className="cue__line">{t('cue.streaksFailed', { message: streaks.message })}</p>
          )}
          <CueGroup title={t('cue.offTrack', { periods: OFF_TRACK_STREAK_MIN })} testId="cue-off-track">
            {card.offTrack.map((cue) => (
              <li key={cue.goalId}>
                <strong>{cue.goalTitle}</strong>{' '}
                <span className="muted">
                  {t('cue.streak', { indicator: cue.indicatorName, periods: cue.periods })}
                </span>
              </li>
            ))}
          </CueGroup>
          <CueGroup title={t('cue.disagree')} testId="cue-disagree">
            {card.disagreements.map((cue) => (
              <li key={cue.goalId}>
                <strong>{cue.goalTitle}</strong>{' '}
                <span className="muted">
                  {t('cue.rated', {
                    rated: statusLabel(cue.rated).toLowerCase(),
                    computed: statusLabel(cue.computed).toLowerCase(),
                  })}
                </span>
              </li>
            ))}
          </CueGroup>
          <CueGroup title={t('cue.carried')} testId="cue-carried">
            {card.carried.map((cue) => (
              <li key={cue.commitment.id}>
                {cue.commitment.text} <span className="flag flag--carried-long">{cue.timesCarried}×</span>
              </li>
            ))}
          </CueGroup>
          {card.offTrack.length + card.disagreements.length + card.carried.length === 0 &&
            streaks.state === 'ready' && <p className="muted cue__line">{t('cue.allClear')}</p>}
        </div>
      )}
    </section>
  );
}

function CueGroup({ title, testId, children }: { title: string; testId: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div className="cue__group" data-testid={testId}>
      <h3 className="cue__group-title">
        {title} <span className="count">{children.length}</span>
      </h3>
      <ul className="cue__list">{children}</ul>
    </div>
  );
}

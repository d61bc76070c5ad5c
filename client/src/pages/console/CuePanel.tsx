/**
 * The chair's private cue card about the presenter agency of the current item (the big screen never
 * shows it): its open and overdue commitments, goals off track several periods running, owner
 * ratings the data contradicts, and commitments carried through three meetings or more.
 */
import { type ReactNode, useMemo } from 'react';
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import type { Commitment } from '../../../../shared/ledger.ts';
import { type Agency, type GoalSummary, STATUS_LABELS } from '../../../../shared/performance.ts';
import { todayDate } from '../../../../shared/periods.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { formatDueDate } from '../room/roomFormat.ts';
import { cueCard, OFF_TRACK_STREAK_MIN } from './cueCard.ts';
import { useOffTrackStreaks } from './useOffTrackStreaks.ts';

const TEXT = {
  title: 'Cue card',
  private: 'only on this console',
  about: (agency: string) => `About ${agency}`,
  noAgency: 'This item has no presenter agency: nothing to cue.',
  open: (open: number, overdue: number) =>
    `${open} open commitment${open === 1 ? '' : 's'}${overdue > 0 ? `, ${overdue} overdue` : ''}`,
  noneOpen: 'No open commitments.',
  overdueItem: (date: string) => `was due ${date}`,
  offTrack: `Off track ${OFF_TRACK_STREAK_MIN}+ periods running`,
  streak: (indicator: string, periods: number) => `${indicator}: ${periods} periods`,
  streaksLoading: 'Checking the goals’ recent periods…',
  streaksFailed: (message: string) => `The goals’ recent periods could not be read: ${message}`,
  disagree: 'Rating disagrees with the data',
  rated: (rated: string, computed: string) => `rated ${rated}, data says ${computed}`,
  carried: 'Carried 3 times or more',
  carriedTimes: (times: number) => `${times}×`,
  allClear: 'Nothing else stands out.',
};

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
        {TEXT.title} <span className="cue__private">{TEXT.private}</span>
      </h2>
      {!agency || !card ? (
        <p className="muted">{TEXT.noAgency}</p>
      ) : (
        <div className="cue__body">
          <p className="cue__agency">{TEXT.about(agency.name)}</p>
          <p
            className={card.overdue.length > 0 ? 'cue__line cue__line--alert' : 'cue__line'}
            data-testid="cue-open"
          >
            {card.open.length === 0 ? TEXT.noneOpen : TEXT.open(card.open.length, card.overdue.length)}
          </p>
          {card.overdue.length > 0 && (
            <ul className="cue__list">
              {card.overdue.slice(0, MAX_OVERDUE_SHOWN).map((commitment) => (
                <li key={commitment.id}>
                  {commitment.text}{' '}
                  <span className="muted">({TEXT.overdueItem(formatDueDate(commitment.dueDate))})</span>
                </li>
              ))}
            </ul>
          )}
          {streaks.state === 'loading' && <p className="muted cue__line">{TEXT.streaksLoading}</p>}
          {streaks.state === 'error' && <p className="cue__line">{TEXT.streaksFailed(streaks.message)}</p>}
          <CueGroup title={TEXT.offTrack} testId="cue-off-track">
            {card.offTrack.map((cue) => (
              <li key={cue.goalId}>
                <strong>{cue.goalTitle}</strong>{' '}
                <span className="muted">{TEXT.streak(cue.indicatorName, cue.periods)}</span>
              </li>
            ))}
          </CueGroup>
          <CueGroup title={TEXT.disagree} testId="cue-disagree">
            {card.disagreements.map((cue) => (
              <li key={cue.goalId}>
                <strong>{cue.goalTitle}</strong>{' '}
                <span className="muted">
                  {TEXT.rated(
                    STATUS_LABELS[cue.rated].toLowerCase(),
                    STATUS_LABELS[cue.computed].toLowerCase(),
                  )}
                </span>
              </li>
            ))}
          </CueGroup>
          <CueGroup title={TEXT.carried} testId="cue-carried">
            {card.carried.map((cue) => (
              <li key={cue.commitment.id}>
                {cue.commitment.text}{' '}
                <span className="flag flag--carried-long">{TEXT.carriedTimes(cue.timesCarried)}</span>
              </li>
            ))}
          </CueGroup>
          {card.offTrack.length + card.disagreements.length + card.carried.length === 0 &&
            streaks.state === 'ready' && <p className="muted cue__line">{TEXT.allClear}</p>}
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

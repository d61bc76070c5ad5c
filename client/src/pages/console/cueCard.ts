/**
 * The chair's cue card, computed: what the presenter agency should be asked about. Its open and
 * overdue commitments, its goals off track for several periods in a row, owner ratings that
 * disagree with the data, and commitments carried through three meetings or more. Pure, so the
 * card and its tests agree on every rule.
 */
import type { FollowUpEntry } from '../../../../shared/followUp.ts';
import { type Commitment, CommitmentStatus } from '../../../../shared/ledger.ts';
import type { GoalSummary, RatedStatus, Status } from '../../../../shared/performance.ts';
import { periodIndexOrNull } from '../../../../shared/periods.ts';
import { computeStatus, planFor, type StatusInput } from '../../../../shared/status.ts';

/** Off track this many periods in a row or more: a pattern, not a bad week. */
export const OFF_TRACK_STREAK_MIN = 3;
/** Carried through this many meetings or more (the product's "10% carried three times"). */
export const LONG_CARRIED_MIN = 3;

/**
 * How many periods in a row, ending at the latest value, the indicator was off track (each value
 * against the plan in its own period). A missing period ends the run: nobody knows how it went.
 */
export function offTrackStreak(
  indicator: StatusInput,
  points: ReadonlyArray<{ period: string; value: number }>,
): number {
  const plan = planFor(indicator);
  const sorted = [...points].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
  let streak = 0;
  let expectedIndex: number | null = null;
  for (const point of sorted) {
    const index = periodIndexOrNull(point.period, indicator.frequency);
    if (index === null || (expectedIndex !== null && index !== expectedIndex)) break;
    if (computeStatus(indicator, [point], plan).status !== 'off_track') break;
    streak += 1;
    expectedIndex = index - 1;
  }
  return streak;
}

export interface StreakCue {
  goalId: string;
  goalTitle: string;
  indicatorName: string;
  periods: number;
}

export interface RatingCue {
  goalId: string;
  goalTitle: string;
  rated: RatedStatus;
  computed: Status;
}

export interface CarriedCue {
  commitment: Commitment;
  timesCarried: number;
}

export interface CueCard {
  open: Commitment[];
  /** Open and past due on `today`, most overdue first. */
  overdue: Commitment[];
  offTrack: StreakCue[];
  disagreements: RatingCue[];
  carried: CarriedCue[];
}

export interface CueInput {
  agencyId: string;
  /** The objective's commitments (the ledger). */
  commitments: readonly Commitment[];
  /** This meeting's follow-up, for how many meetings each was carried through. */
  followUp: readonly FollowUpEntry[];
  /** The agency's goals under the objective. */
  goals: readonly GoalSummary[];
  /** Off-track runs by indicator id (from `offTrackStreak`); missing: not known yet. */
  streaks: ReadonlyMap<string, number>;
  /** `YYYY-MM-DD`. */
  today: string;
}

export function cueCard({ agencyId, commitments, followUp, goals, streaks, today }: CueInput): CueCard {
  const open = commitments
    .filter((each) => each.ownerAgencyId === agencyId && each.status === CommitmentStatus.open)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt - b.createdAt);
  const overdue = open.filter((each) => each.dueDate < today);

  const offTrack: StreakCue[] = [];
  for (const goal of goals) {
    // A goal's run is its longest-running indicator's: the one the chair should name.
    let best: StreakCue | null = null;
    for (const indicator of goal.indicators) {
      const periods = streaks.get(indicator.id) ?? 0;
      if (periods >= OFF_TRACK_STREAK_MIN && (best === null || periods > best.periods))
        best = { goalId: goal.id, goalTitle: goal.title, indicatorName: indicator.name, periods };
    }
    if (best) offTrack.push(best);
  }
  offTrack.sort((a, b) => b.periods - a.periods);

  const disagreements = goals.flatMap((goal): RatingCue[] =>
    goal.ratingDisagrees && goal.ownerRating
      ? [
          {
            goalId: goal.id,
            goalTitle: goal.title,
            rated: goal.ownerRating.status,
            computed: goal.computedStatus,
          },
        ]
      : [],
  );

  const carried = followUp
    .filter(
      (entry) =>
        entry.commitment.ownerAgencyId === agencyId &&
        entry.commitment.status === CommitmentStatus.open &&
        entry.timesCarried >= LONG_CARRIED_MIN,
    )
    .map((entry) => ({ commitment: entry.commitment, timesCarried: entry.timesCarried }))
    .sort((a, b) => b.timesCarried - a.timesCarried);

  return { open, overdue, offTrack, disagreements, carried };
}

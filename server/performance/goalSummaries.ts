/** Goals with their computed status, built from indicator states (pure). */
import type {
  Goal,
  GoalSummary,
  Objective,
  ObjectiveOverview,
  Status,
  StatusCounts,
} from '../../shared/performance.ts';
import { goalStatus, ratingDisagrees } from '../../shared/status.ts';
import { type IndicatorState, toIndicatorSummary } from './indicatorStates.ts';

export function summarizeGoal(goal: Goal, states: readonly IndicatorState[]): GoalSummary {
  const computedStatus = goalStatus(states.map((state) => state.computed.status));
  return {
    ...goal,
    computedStatus,
    ratingDisagrees: ratingDisagrees(goal.ownerRating?.status, computedStatus),
    indicators: states.map(toIndicatorSummary),
  };
}

export const emptyStatusCounts = (): StatusCounts => ({ on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

/** What the overview needs of each goal. */
export interface GoalFacts {
  agencyId: string;
  computedStatus: Status;
  ratingDisagrees: boolean;
  staleIndicatorCount: number;
}

export function overviewOf(objective: Objective, goals: readonly GoalFacts[]): ObjectiveOverview {
  const statusCounts = emptyStatusCounts();
  let staleIndicatorCount = 0;
  let disagreementCount = 0;
  for (const goal of goals) {
    statusCounts[goal.computedStatus] += 1;
    staleIndicatorCount += goal.staleIndicatorCount;
    if (goal.ratingDisagrees) disagreementCount += 1;
  }
  return {
    ...objective,
    goalCount: goals.length,
    agencyCount: new Set(goals.map((goal) => goal.agencyId)).size,
    statusCounts,
    staleIndicatorCount,
    disagreementCount,
  };
}

export function factsOf(summary: GoalSummary): GoalFacts {
  return {
    agencyId: summary.agencyId,
    computedStatus: summary.computedStatus,
    ratingDisagrees: summary.ratingDisagrees,
    staleIndicatorCount: summary.indicators.filter((indicator) => indicator.stale).length,
  };
}

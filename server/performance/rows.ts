/** Rows as stored → values as the API returns them (`shared/performance.ts`). */
import type { Selectable } from 'kysely';
import type {
  Agency,
  DataPoint,
  Goal,
  Indicator,
  Objective,
  OwnerRating,
  PlannedValue,
} from '../../shared/performance.ts';
import type {
  AgenciesTable,
  DataPointsTable,
  GoalRatingsTable,
  GoalsTable,
  IndicatorsTable,
  ObjectivesTable,
} from '../db/schemas/performance.ts';

export type AgencyRow = Selectable<AgenciesTable>;
export type ObjectiveRow = Selectable<ObjectivesTable>;
export type GoalRow = Selectable<GoalsTable>;
/** An indicator's definition as stored; the archive columns are read only where they matter. */
export type IndicatorRow = Omit<Selectable<IndicatorsTable>, 'archived_at' | 'archived_by'>;
export type StoredIndicatorRow = Selectable<IndicatorsTable>;
export type DataPointRow = Selectable<DataPointsTable>;
export type RatingRow = Selectable<GoalRatingsTable>;

export const toAgency = (row: AgencyRow): Agency => ({ id: row.id, code: row.code, name: row.name });

export const toObjective = (row: ObjectiveRow): Objective => ({
  id: row.id,
  name: row.name,
  description: row.description,
});

export const toRating = (row: RatingRow): OwnerRating => ({
  status: row.status,
  comment: row.comment,
  ratedAt: row.rated_at,
  ratedBy: row.rated_by,
});

export const toGoal = (row: GoalRow, rating: RatingRow | undefined): Goal => ({
  id: row.id,
  objectiveId: row.objective_id,
  agencyId: row.agency_id,
  title: row.title,
  description: row.description,
  ownerName: row.owner_name,
  ownerRating: rating ? toRating(rating) : null,
});

export const toIndicator = (row: IndicatorRow, trajectory: PlannedValue[]): Indicator => ({
  id: row.id,
  goalId: row.goal_id,
  name: row.name,
  unit: row.unit,
  direction: row.direction,
  frequency: row.frequency,
  baselineValue: row.baseline_value,
  baselineDate: row.baseline_date,
  targetValue: row.target_value,
  targetDate: row.target_date,
  trajectory,
  thresholds: { atRisk: row.threshold_at_risk, offTrack: row.threshold_off_track },
  allowsNegative: Boolean(row.allows_negative),
});

export const toDataPoint = (row: DataPointRow): DataPoint => ({
  indicatorId: row.indicator_id,
  period: row.period,
  value: row.value,
  enteredBy: row.entered_by,
  enteredAt: row.entered_at,
  note: row.note,
});

/** Groups rows by a key, keeping each group in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

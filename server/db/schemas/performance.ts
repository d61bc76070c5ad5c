/**
 * Performance data tables as Kysely sees them (migration `002_performance`). Column conventions
 * are in `../database.ts`: text ids, `YYYY-MM-DD` dates, ISO timestamps, double precision numbers.
 */
import type { Generated } from 'kysely';
import type {
  ChangeAction,
  ChangeSource,
  Direction,
  Frequency,
  RatedStatus,
} from '../../../shared/performance.ts';

export interface AgenciesTable {
  id: string;
  code: string;
  name: string;
}

export interface ObjectivesTable {
  id: string;
  name: string;
  description: string;
  /** Display order among objectives. */
  position: number;
}

export interface GoalsTable {
  id: string;
  objective_id: string;
  agency_id: string;
  title: string;
  description: string;
  owner_name: string;
}

export interface IndicatorsTable {
  id: string;
  goal_id: string;
  name: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  threshold_at_risk: number;
  threshold_off_track: number;
  /**
   * 1 when values below zero are allowed, else 0 (migration `008_indicator_value_bounds`). Optional
   * for writers that predate it (the demo seed): the column defaults to 0 and is never null.
   */
  allows_negative?: number;
  /** When and by whom the indicator was archived, null while in use (migration `010_data_changes`). */
  archived_at?: string | null;
  archived_by?: string | null;
}

export interface IndicatorTrajectoryTable {
  indicator_id: string;
  period: string;
  value: number;
}

export interface DataPointsTable {
  indicator_id: string;
  period: string;
  value: number;
  entered_by: string;
  entered_at: string;
  note: string | null;
}

/** Every rating an owner gave, kept as history; the latest (highest id) is the goal's rating. */
export interface GoalRatingsTable {
  id: Generated<number>;
  goal_id: string;
  status: RatedStatus;
  comment: string;
  rated_at: string;
  rated_by: string;
}

/**
 * Append-only record of corrections (migration `010_data_changes`): a data point deleted or
 * overwritten (old → new value), an indicator edited (`fields`: JSON list of from → to), archived
 * or un-archived.
 */
export interface DataChangesTable {
  id: Generated<number>;
  indicator_id: string;
  period: string | null;
  action: ChangeAction;
  old_value: number | null;
  new_value: number | null;
  fields: string | null;
  reason: string | null;
  source: ChangeSource;
  changed_by: string;
  changed_at: string;
}

/** A single row (id 1) whose revision every performance write bumps. */
export interface PerformanceRevisionTable {
  id: number;
  revision: number;
}

/** What one performance write touched (migration `012_performance_changes`), by revision. */
export interface PerformanceChangesTable {
  revision: number;
  /** 1: any goal may have changed. */
  everything: number;
  /** JSON array of goal ids. */
  goal_ids: string;
  /** JSON array of indicator ids, mapped to their goals when read. */
  indicator_ids: string;
}

export interface PerformanceTables {
  agencies: AgenciesTable;
  objectives: ObjectivesTable;
  goals: GoalsTable;
  indicators: IndicatorsTable;
  indicator_trajectory: IndicatorTrajectoryTable;
  data_points: DataPointsTable;
  goal_ratings: GoalRatingsTable;
  data_changes: DataChangesTable;
  performance_revision: PerformanceRevisionTable;
  performance_changes: PerformanceChangesTable;
}

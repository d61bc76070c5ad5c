/**
 * Performance data as the API returns it: the contract between the server's `/api` routes and
 * the client's pages. Request bodies are validated by each route's zod `schema.ts`; these are
 * the response shapes. Dates are `YYYY-MM-DD`, timestamps ISO-8601, periods `YYYY-Www`
 * (ISO week, weekly indicators) or `YYYY-MM` (monthly indicators).
 */

import { type Problem, reason } from './errorReasons.ts';
import type { ErrorReason } from './errors.ts';

export const Direction = { up: 'up', down: 'down' } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const Frequency = { weekly: 'weekly', monthly: 'monthly' } as const;
export type Frequency = (typeof Frequency)[keyof typeof Frequency];

/** A goal's or indicator's status. `no_data` when there is nothing to compare yet. */
export const Status = {
  onTrack: 'on_track',
  atRisk: 'at_risk',
  offTrack: 'off_track',
  noData: 'no_data',
} as const;
export type Status = (typeof Status)[keyof typeof Status];
/** What an owner may rate their own goal (they cannot rate "no data"). */
export type RatedStatus = Exclude<Status, 'no_data'>;

export const STATUS_LABELS: Record<Status, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

export interface Agency {
  id: string;
  /** Short name shown in tight spaces, e.g. "SDS". */
  code: string;
  name: string;
}

export interface Objective {
  id: string;
  name: string;
  description: string;
}

/**
 * Status thresholds, as fractions of the indicator's planned change (|target − baseline|):
 * a shortfall against the trajectory up to `atRisk` is on track, up to `offTrack` at risk,
 * beyond it off track.
 */
export interface StatusThresholds {
  atRisk: number;
  offTrack: number;
}
export const DEFAULT_THRESHOLDS: StatusThresholds = { atRisk: 0.05, offTrack: 0.15 };

export interface PlannedValue {
  period: string;
  value: number;
}

export interface Indicator {
  id: string;
  goalId: string;
  name: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  /** Planned values per period as entered; empty means a straight line from baseline to target. */
  trajectory: PlannedValue[];
  thresholds: StatusThresholds;
  /** Whether values below zero make sense (a net change, a balance); false for counts and rates. */
  allowsNegative: boolean;
}

export interface DataPoint {
  indicatorId: string;
  period: string;
  value: number;
  enteredBy: string;
  enteredAt: string;
  note: string | null;
}

export interface OwnerRating {
  status: RatedStatus;
  comment: string;
  ratedAt: string;
  ratedBy: string;
}

export interface Goal {
  id: string;
  objectiveId: string;
  agencyId: string;
  title: string;
  description: string;
  /** The person in the agency who answers for the goal. */
  ownerName: string;
  ownerRating: OwnerRating | null;
}

export interface ComputedStatus {
  status: Status;
  /** The latest data point compared, if any. */
  latest: { period: string; value: number } | null;
  /** The planned value at the latest point's period. */
  planned: number | null;
  /** Shortfall against the plan as a fraction of the planned change (0 when ahead of plan). */
  shortfall: number | null;
}

export interface IndicatorSummary {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  computed: ComputedStatus;
  /** Last values, oldest first, for a sparkline (at most 26). */
  sparkline: number[];
  /** True when the latest period due has no data point. */
  stale: boolean;
  /**
   * Set when the indicator's stored data cannot be used (a date out of range, a period that does
   * not parse): it is then computed as no data, so that one bad row never fails a whole page.
   */
  broken?: IndicatorBroken;
}

export interface IndicatorBroken {
  reason: string;
}

export interface GoalSummary extends Goal {
  /** Worst status among the goal's indicators that have data. */
  computedStatus: Status;
  /** True when the owner's rating and the computed status disagree (e.g. rated on track, data off track). */
  ratingDisagrees: boolean;
  indicators: IndicatorSummary[];
}

export type StatusCounts = Record<Status, number>;

/** GET /api/objectives → { objectives: ObjectiveOverview[] } */
export interface ObjectiveOverview extends Objective {
  goalCount: number;
  agencyCount: number;
  /** Goals by computed status. */
  statusCounts: StatusCounts;
  staleIndicatorCount: number;
  disagreementCount: number;
}

/** GET /api/objectives/:id */
export interface ObjectiveDetail {
  objective: ObjectiveOverview;
  agencies: Array<{ agency: Agency; goals: GoalSummary[] }>;
}

/** GET /api/goals/:id (added by the server half: one goal with its context and rating history). */
export interface GoalDetail {
  goal: GoalSummary;
  objective: Objective;
  agency: Agency;
  /** Every rating the owner gave, newest first (the first is `goal.ownerRating`). */
  ratingHistory: OwnerRating[];
}

/** GET /api/indicators/:id */
export interface IndicatorDetail {
  indicator: Indicator;
  goal: Goal;
  objective: Objective;
  agency: Agency;
  points: DataPoint[];
  /** The planned value for every period from the baseline to the target. */
  plan: PlannedValue[];
  computed: ComputedStatus;
  /** The latest period for which data is due today. */
  duePeriod: string;
  /** Set when the indicator is archived. */
  archived: ArchiveMark | null;
}

/** When and by whom an indicator was archived: kept for the record, gone from listings and status. */
export interface ArchiveMark {
  at: string;
  by: string;
}

/** GET /api/indicators?objectiveId=&archived=true → { indicators: ArchivedIndicator[] } */
export interface ArchivedIndicator {
  id: string;
  name: string;
  goalId: string;
  goalTitle: string;
  agency: Agency;
  archived: ArchiveMark;
}

/** What a recorded change did. */
export const ChangeAction = {
  deleted: 'deleted',
  corrected: 'corrected',
  edited: 'edited',
  archived: 'archived',
  unarchived: 'unarchived',
} as const;
export type ChangeAction = (typeof ChangeAction)[keyof typeof ChangeAction];

/** Where a change came from: the API (the indicator page) or a CSV import. */
export type ChangeSource = 'api' | 'import';

/** The fields of an indicator an edit may change, as the API names them. */
export const EDITABLE_INDICATOR_FIELDS = [
  'name',
  'unit',
  'direction',
  'baselineValue',
  'baselineDate',
  'targetValue',
  'targetDate',
  'thresholds.atRisk',
  'thresholds.offTrack',
  'allowsNegative',
] as const;
export type EditableIndicatorField = (typeof EDITABLE_INDICATOR_FIELDS)[number];

export interface FieldChange {
  field: EditableIndicatorField;
  from: string | number | boolean;
  to: string | number | boolean;
}

/**
 * One recorded change (GET /api/indicators/:id/changes): a data point deleted or corrected
 * (`period`, `oldValue` → `newValue`), or the indicator edited (`fields`), archived or un-archived.
 */
export interface DataChange {
  id: number;
  indicatorId: string;
  action: ChangeAction;
  period: string | null;
  oldValue: number | null;
  newValue: number | null;
  /** For `edited`: each field changed, from → to; empty otherwise. */
  fields: FieldChange[];
  reason: string | null;
  source: ChangeSource;
  changedBy: string;
  changedAt: string;
}

export interface MissingIndicator {
  indicatorId: string;
  indicatorName: string;
  goalId: string;
  goalTitle: string;
  agency: Agency;
  ownerName: string;
  frequency: Frequency;
  duePeriod: string;
  lastPeriod: string | null;
}

/** GET /api/objectives/:id/readiness */
export interface Readiness {
  objective: Objective;
  asOf: string;
  indicatorCount: number;
  missing: MissingIndicator[];
  byAgency: Array<{ agency: Agency; missing: number; total: number }>;
  byOwner: Array<{ ownerName: string; agency: Agency; missing: number; total: number }>;
}

/**
 * CSV imports are posted as `Content-Type: text/csv` with this header, which a cross-site form
 * cannot send and a cross-site fetch cannot send without a CORS preflight the server never allows.
 */
export const IMPORT_HEADER = 'X-StatRoom-Import';
export const IMPORT_HEADER_VALUE = '1';
/** The largest CSV body an import reads (64 MiB, ~2 million data-point rows); past it, 413 `too_large`. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * CSV imports stream their progress as NDJSON, one event a line, ending with `done` or `failed`.
 * A file with any bad row changes nothing; a write that fails midway says how many rows it wrote.
 */
export type ImportEvent =
  | { type: 'progress'; rowsRead: number }
  | {
      type: 'done';
      rowsRead: number;
      inserted: number;
      updated: number;
      unchanged: number;
      /** Rows imported but worth a second look (a value far outside its series); absent when none. */
      warnings?: ImportRowWarning[];
    }
  | {
      type: 'failed';
      rowsRead: number;
      errors: ImportRowError[];
      truncated: boolean;
      /** Rows already written when writing failed midway (absent or 0: nothing was changed). */
      rowsWritten?: number;
    };

export interface ImportRowError {
  /** 1-based line number in the file, counting the header as line 1. */
  row: number;
  field: string | null;
  message: string;
  /** The message as a key the client translates (`errors:reason.<key>`). */
  reason?: ErrorReason;
}

export interface ImportRowWarning {
  /** 1-based line number in the file, counting the header as line 1. */
  row: number;
  message: string;
  reason?: ErrorReason;
}

/** The largest magnitude a value may have: past it a value is a slip (1e308), not a measurement. */
export const MAX_ABS_VALUE = 1e12;
/** A value more than this many times the largest magnitude so far needs a confirmation. */
export const OUTLIER_FACTOR = 10;

/**
 * Why a value is impossible for an indicator, with its reason, or null: not finite, absurdly large,
 * or a negative it does not allow.
 */
export function valueCheck(value: number, allowsNegative: boolean): Problem | null {
  if (!Number.isFinite(value))
    return { message: 'The value must be a finite number', reason: reason('valueNotFinite') };
  if (Math.abs(value) > MAX_ABS_VALUE) {
    const [min, max] = [`-${MAX_ABS_VALUE.toExponential()}`, MAX_ABS_VALUE.toExponential()];
    return {
      message: `${value} is too large: values must be between ${min} and ${max}`,
      reason: reason('valueTooLarge', { value, min, max }),
    };
  }
  if (value < 0 && !allowsNegative)
    return {
      message: `${value} is negative, and this indicator does not allow negative values`,
      reason: reason('valueNegative', { value }),
    };
  return null;
}

/** The message of `valueCheck` alone. */
export const valueProblem = (value: number, allowsNegative: boolean): string | null =>
  valueCheck(value, allowsNegative)?.message ?? null;

/** What the outlier check knows of a series so far. */
export interface SeriesExtent {
  /** The largest magnitude. */
  largest: number;
  hasPositive: boolean;
  hasNegative: boolean;
}

export const EMPTY_EXTENT: SeriesExtent = { largest: 0, hasPositive: false, hasNegative: false };

export function extendExtent(extent: SeriesExtent, value: number): SeriesExtent {
  return {
    largest: Math.max(extent.largest, Math.abs(value)),
    hasPositive: extent.hasPositive || value > 0,
    hasNegative: extent.hasNegative || value < 0,
  };
}

export const extentOf = (values: readonly number[]): SeriesExtent =>
  values.reduce(extendExtent, EMPTY_EXTENT);

/**
 * Why a value looks far outside an indicator's series so far, or null: more than 10× the largest
 * magnitude so far, or of the other sign than every value so far. Possible, but more often a slip
 * (a misplaced decimal point, a sign typed by mistake), so it is only taken once confirmed. A
 * series of nothing but zeros (or no values) has no scale to compare with.
 */
export function outlierCheck(value: number, extent: SeriesExtent): Problem | null {
  const { largest } = extent;
  if (largest === 0) return null;
  const otherSign = (value < 0 && !extent.hasNegative) || (value > 0 && !extent.hasPositive);
  if (Math.abs(value) > OUTLIER_FACTOR * largest || otherSign) {
    return {
      message: `${value} is far outside this indicator's values so far (the largest is ${largest}${otherSign ? ', and none has its sign' : ''})`,
      reason: reason(otherSign ? 'valueOutlierSign' : 'valueOutlier', { value, largest }),
    };
  }
  return null;
}

/** The message of `outlierCheck` alone. */
export const outlierProblem = (value: number, extent: SeriesExtent): string | null =>
  outlierCheck(value, extent)?.message ?? null;

/**
 * Status from the data, pure and shared by the server and the client: the plan of an indicator,
 * the status of its latest value against that plan, a goal's status, and whether the owner's own
 * rating disagrees with the data.
 */

import type {
  ComputedStatus,
  Indicator,
  PlannedValue,
  RatedStatus,
  Status,
  StatusThresholds,
} from './performance.ts';
import { latestDuePeriod, periodAtIndex, periodIndex, periodOfDate } from './periods.ts';

/** What the plan and the status need to know about an indicator. */
export type PlanInput = Pick<
  Indicator,
  'frequency' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate' | 'trajectory'
>;
export type StatusInput = PlanInput & Pick<Indicator, 'direction' | 'thresholds'>;

export interface Plan {
  /** The planned value in any period: the baseline before it starts, the target held after it ends. */
  valueAt(period: string): number;
  /** One planned value per period from the baseline's period to the target's, oldest first. */
  values(): PlannedValue[];
}

interface Anchor {
  index: number;
  value: number;
}

/**
 * The indicator's plan: explicit trajectory values where given, a straight line between them
 * (from the baseline, to the target), and the target held after the target date. Lines run over
 * period indexes, so every week (or month) moves the plan by the same amount.
 */
export function planFor(indicator: PlanInput): Plan {
  const { frequency } = indicator;
  const baselineIndex = periodIndex(periodOfDate(indicator.baselineDate, frequency), frequency);
  const targetIndex = periodIndex(periodOfDate(indicator.targetDate, frequency), frequency);
  // An explicit trajectory value wins over the baseline or target in the same period.
  const byIndex = new Map<number, number>([
    [baselineIndex, indicator.baselineValue],
    [targetIndex, indicator.targetValue],
  ]);
  for (const planned of indicator.trajectory)
    byIndex.set(periodIndex(planned.period, frequency), planned.value);
  const anchors: Anchor[] = [...byIndex]
    .map(([index, value]) => ({ index, value }))
    .sort((a, b) => a.index - b.index);
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;

  const valueAtIndex = (index: number): number => {
    if (index <= first.index) return first.value;
    if (index >= last.index) return last.value;
    for (let i = 1; i < anchors.length; i++) {
      const right = anchors[i]!;
      if (index > right.index) continue;
      const left = anchors[i - 1]!;
      const fraction = (index - left.index) / (right.index - left.index);
      return left.value + (right.value - left.value) * fraction;
    }
    return last.value;
  };

  return {
    valueAt: (period) => valueAtIndex(periodIndex(period, frequency)),
    values: () => {
      const values: PlannedValue[] = [];
      for (let index = first.index; index <= last.index; index++) {
        values.push({ period: periodAtIndex(index, frequency), value: valueAtIndex(index) });
      }
      return values;
    },
  };
}

/**
 * What counts as "the planned change" when measuring a shortfall: |target − baseline|. When the
 * plan is to hold a level (target == baseline) there is no change to measure against, so the
 * level itself is the yardstick (|target|), or 1 unit when that level is zero.
 */
export function plannedChange(indicator: Pick<Indicator, 'baselineValue' | 'targetValue'>): number {
  const change = Math.abs(indicator.targetValue - indicator.baselineValue);
  if (change > 0) return change;
  const level = Math.abs(indicator.targetValue);
  return level > 0 ? level : 1;
}

// Shortfalls are ratios of decimals (0.05 is not exact in binary): a tolerance keeps a value
// exactly on a threshold on the lenient side, as the thresholds are documented ("up to").
const EPSILON = 1e-9;

export function statusOfShortfall(shortfall: number, thresholds: StatusThresholds): RatedStatus {
  if (shortfall <= thresholds.atRisk + EPSILON) return 'on_track';
  if (shortfall <= thresholds.offTrack + EPSILON) return 'at_risk';
  return 'off_track';
}

/** The latest point by period (periods of one frequency sort as strings). */
export function latestPoint<T extends { period: string }>(points: readonly T[]): T | null {
  let latest: T | null = null;
  for (const point of points) if (!latest || point.period > latest.period) latest = point;
  return latest;
}

/**
 * The indicator's status: its latest value against the plan in that period, in the direction that
 * is good for it. The shortfall (how far behind the plan, as a fraction of the planned change; 0
 * when on or ahead of plan) is compared with the indicator's thresholds.
 */
export function computeStatus(
  indicator: StatusInput,
  points: ReadonlyArray<{ period: string; value: number }>,
  plan: Plan = planFor(indicator),
): ComputedStatus {
  const latest = latestPoint(points);
  if (!latest) return { status: 'no_data', latest: null, planned: null, shortfall: null };
  const planned = plan.valueAt(latest.period);
  const behind = indicator.direction === 'up' ? planned - latest.value : latest.value - planned;
  const shortfall = Math.max(0, behind) / plannedChange(indicator);
  return {
    status: statusOfShortfall(shortfall, indicator.thresholds),
    latest: { period: latest.period, value: latest.value },
    planned,
    shortfall,
  };
}

const SEVERITY: Record<Status, number> = { no_data: 0, on_track: 1, at_risk: 2, off_track: 3 };

/** A goal's status: the worst of its indicators that have data; `no_data` when none has. */
export function goalStatus(indicatorStatuses: Iterable<Status>): Status {
  let worst: Status = 'no_data';
  for (const status of indicatorStatuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/** True when the owner rated the goal and the data says otherwise (no data never disagrees). */
export function ratingDisagrees(rating: RatedStatus | null | undefined, computed: Status): boolean {
  return rating != null && computed !== 'no_data' && rating !== computed;
}

/**
 * True when the latest period due at `asOf` has no value. Indicators whose baseline comes after
 * that period have not started reporting yet and are never stale.
 */
export function isStale(
  indicator: Pick<Indicator, 'frequency' | 'baselineDate'>,
  periodsWithData: ReadonlySet<string> | ((period: string) => boolean),
  asOf: string,
): boolean {
  const due = latestDuePeriod(asOf, indicator.frequency);
  if (periodOfDate(indicator.baselineDate, indicator.frequency) > due) return false;
  return typeof periodsWithData === 'function' ? !periodsWithData(due) : !periodsWithData.has(due);
}

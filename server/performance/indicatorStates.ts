/**
 * The state of every indicator in a scope (its computed status, staleness and sparkline), built
 * from a few set-based queries and the pure functions in `shared/status.ts`.
 */
import type {
  ComputedStatus,
  Indicator,
  IndicatorBroken,
  IndicatorSummary,
} from '../../shared/performance.ts';
import {
  dateRangeProblem,
  isValidDate,
  isValidPeriod,
  latestDuePeriod,
  periodRangeProblem,
} from '../../shared/periods.ts';
import { computeStatus, isStale } from '../../shared/status.ts';
import {
  loadIndicators,
  loadLatestPoints,
  loadPointSeries,
  loadPointsInPeriods,
  loadTrajectories,
  type PeriodValue,
  pointKey,
  type Scope,
  type Store,
} from './queries.ts';
import { toIndicator } from './rows.ts';

export const SPARKLINE_LENGTH = 26;

export interface IndicatorState {
  indicator: Indicator;
  objectiveId: string;
  computed: ComputedStatus;
  stale: boolean;
  /** Last values, oldest first (empty unless sparklines were asked for). */
  sparkline: number[];
  /** Set when the stored data cannot be computed with: the indicator then counts as no data. */
  broken?: IndicatorBroken;
}

const NO_DATA: ComputedStatus = { status: 'no_data', latest: null, planned: null, shortfall: null };

/**
 * Why an indicator's stored data cannot be computed with, or null. Input is checked on the way in,
 * but rows written before those checks, by hand or by another tool may hold anything.
 */
export function brokenReason(indicator: Indicator, latestPeriod: string | null): string | null {
  const { frequency } = indicator;
  for (const [label, date] of [
    ['baseline date', indicator.baselineDate],
    ['target date', indicator.targetDate],
  ] as const) {
    if (!isValidDate(date)) return `The ${label} ${JSON.stringify(date)} is not a date`;
    const outOfRange = dateRangeProblem(date);
    if (outOfRange) return `The ${label} ${outOfRange}`;
  }
  const periods: Array<[label: string, period: string]> = indicator.trajectory.map((planned) => [
    'trajectory period',
    planned.period,
  ]);
  if (latestPeriod !== null) periods.push(['data point period', latestPeriod]);
  for (const [label, period] of periods) {
    if (!isValidPeriod(period, frequency))
      return `The ${label} ${JSON.stringify(period)} is not a ${frequency} period`;
    const outOfRange = periodRangeProblem(period, frequency);
    if (outOfRange) return `The ${label} ${outOfRange}`;
  }
  return null;
}

/** The indicator's state as no data, with the reason it could not be computed. */
function brokenState(indicator: Indicator, objectiveId: string, reason: string): IndicatorState {
  return { indicator, objectiveId, computed: NO_DATA, stale: false, sparkline: [], broken: { reason } };
}

/**
 * Loads the indicators in `scope` with their status as of `asOf`. With `sparklines`, every point
 * in scope is read (an objective's worth is a few thousand rows); without, only each indicator's
 * latest point and whether the due periods have data (enough for the whole-government overview).
 */
export async function loadIndicatorStates(
  db: Store,
  scope: Scope,
  asOf: string,
  options: { sparklines: boolean },
): Promise<IndicatorState[]> {
  const due = { weekly: latestDuePeriod(asOf, 'weekly'), monthly: latestDuePeriod(asOf, 'monthly') };
  const [rows, trajectories, series, latestPoints, duePoints] = await Promise.all([
    loadIndicators(db, scope),
    loadTrajectories(db, scope),
    options.sparklines ? loadPointSeries(db, scope) : Promise.resolve(null),
    options.sparklines ? Promise.resolve(null) : loadLatestPoints(db, scope),
    options.sparklines ? Promise.resolve(null) : loadPointsInPeriods(db, scope, [due.weekly, due.monthly]),
  ]);

  return rows.map((row) => {
    const indicator = toIndicator(row, trajectories.get(row.id) ?? []);
    // One indicator's bad row must not fail a page that lists hundreds: it shows as broken.
    try {
      return stateOf(indicator, row.objective_id);
    } catch (error) {
      return brokenState(indicator, row.objective_id, error instanceof Error ? error.message : String(error));
    }
  });

  function stateOf(indicator: Indicator, objectiveId: string): IndicatorState {
    const { id } = indicator;
    let latest: PeriodValue | null;
    let sparkline: number[] = [];
    let hasPoint: (period: string) => boolean;
    if (series) {
      const points = series.get(id) ?? [];
      latest = points[points.length - 1] ?? null;
      sparkline = points.slice(-SPARKLINE_LENGTH).map((point) => point.value);
      const periods = new Set(points.map((point) => point.period));
      hasPoint = (period) => periods.has(period);
    } else {
      latest = latestPoints?.get(id) ?? null;
      hasPoint = (period) => duePoints?.has(pointKey(id, period)) ?? false;
    }
    const reason = brokenReason(indicator, latest?.period ?? null);
    if (reason) return brokenState(indicator, objectiveId, reason);
    return {
      indicator,
      objectiveId,
      computed: computeStatus(indicator, latest ? [latest] : []),
      stale: isStale(indicator, hasPoint, asOf),
      sparkline,
    };
  }
}

export function toIndicatorSummary(state: IndicatorState): IndicatorSummary {
  const { indicator } = state;
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    frequency: indicator.frequency,
    computed: state.computed,
    sparkline: state.sparkline,
    stale: state.stale,
    ...(state.broken ? { broken: state.broken } : {}),
  };
}

/**
 * The state of every indicator in a scope (its computed status, staleness and sparkline), built
 * from a few set-based queries and the pure functions in `shared/status.ts`.
 */
import type { ComputedStatus, Indicator, IndicatorSummary } from '../../shared/performance.ts';
import { latestDuePeriod } from '../../shared/periods.ts';
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
    let latest: PeriodValue | null;
    let sparkline: number[] = [];
    let hasPoint: (period: string) => boolean;
    if (series) {
      const points = series.get(row.id) ?? [];
      latest = points[points.length - 1] ?? null;
      sparkline = points.slice(-SPARKLINE_LENGTH).map((point) => point.value);
      const periods = new Set(points.map((point) => point.period));
      hasPoint = (period) => periods.has(period);
    } else {
      latest = latestPoints?.get(row.id) ?? null;
      hasPoint = (period) => duePoints?.has(pointKey(row.id, period)) ?? false;
    }
    return {
      indicator,
      objectiveId: row.objective_id,
      computed: computeStatus(indicator, latest ? [latest] : []),
      stale: isStale(indicator, hasPoint, asOf),
      sparkline,
    };
  });
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
  };
}

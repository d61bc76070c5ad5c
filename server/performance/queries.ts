/**
 * Set-based reads of performance data: each function is one query over a whole scope (the
 * government, one objective or some goals), never one query per goal or indicator, so a page costs
 * a handful of queries whatever its size. Archived indicators are left out of every listing here.
 */
import type { Kysely } from 'kysely';
import type { PlannedValue } from '../../shared/performance.ts';
import type { Database } from '../db/schema.ts';
import { groupBy, type IndicatorRow, type RatingRow } from './rows.ts';

export type Store = Kysely<Database>;

/** Which part of the government a read covers. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'objective'; id: string }
  | { kind: 'goals'; ids: readonly string[] };

export const ALL: Scope = { kind: 'all' };

/** The ids of the indicators in scope, as a subquery (null for the whole government). */
function indicatorIdsIn(db: Store, scope: Scope) {
  if (scope.kind === 'all') return null;
  const base = db
    .selectFrom('indicators')
    .select('indicators.id')
    .where('indicators.archived_at', 'is', null);
  if (scope.kind === 'goals') return base.where('indicators.goal_id', 'in', scope.ids);
  return base.innerJoin('goals', 'goals.id', 'indicators.goal_id').where('goals.objective_id', '=', scope.id);
}

export type IndicatorInScope = IndicatorRow & { objective_id: string };

export async function loadIndicators(db: Store, scope: Scope): Promise<IndicatorInScope[]> {
  let query = db
    .selectFrom('indicators')
    .innerJoin('goals', 'goals.id', 'indicators.goal_id')
    .selectAll('indicators')
    .select('goals.objective_id')
    .where('indicators.archived_at', 'is', null);
  if (scope.kind === 'objective') query = query.where('goals.objective_id', '=', scope.id);
  if (scope.kind === 'goals') query = query.where('indicators.goal_id', 'in', scope.ids);
  return query.orderBy('indicators.goal_id').orderBy('indicators.name').orderBy('indicators.id').execute();
}

/** Explicit trajectory values by indicator id, oldest period first. */
export async function loadTrajectories(db: Store, scope: Scope): Promise<Map<string, PlannedValue[]>> {
  const ids = indicatorIdsIn(db, scope);
  let query = db.selectFrom('indicator_trajectory').select(['indicator_id', 'period', 'value']);
  if (ids) query = query.where('indicator_id', 'in', ids);
  const rows = await query.orderBy('indicator_id').orderBy('period').execute();
  const byIndicator = new Map<string, PlannedValue[]>();
  for (const [id, group] of groupBy(rows, (row) => row.indicator_id)) {
    byIndicator.set(
      id,
      group.map((row) => ({ period: row.period, value: row.value })),
    );
  }
  return byIndicator;
}

export interface PeriodValue {
  period: string;
  value: number;
}

/** Each indicator's latest data point (by period), answered from the primary key index. */
export async function loadLatestPoints(db: Store, scope: Scope): Promise<Map<string, PeriodValue>> {
  const ids = indicatorIdsIn(db, scope);
  let latest = db
    .selectFrom('data_points')
    .select((eb) => ['indicator_id', eb.fn.max('period').as('period')])
    .groupBy('indicator_id');
  if (ids) latest = latest.where('indicator_id', 'in', ids);
  const rows = await db
    .selectFrom('data_points as dp')
    .innerJoin(latest.as('latest'), (join) =>
      join.onRef('latest.indicator_id', '=', 'dp.indicator_id').onRef('latest.period', '=', 'dp.period'),
    )
    .select(['dp.indicator_id', 'dp.period', 'dp.value'])
    .execute();
  return new Map(rows.map((row) => [row.indicator_id, { period: row.period, value: row.value }]));
}

/** `indicatorId|period` for every data point in scope whose period is one of `periods`. */
export async function loadPointsInPeriods(db: Store, scope: Scope, periods: string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const ids = indicatorIdsIn(db, scope);
  let query = db.selectFrom('data_points').select(['indicator_id', 'period']).where('period', 'in', periods);
  if (ids) query = query.where('indicator_id', 'in', ids);
  const rows = await query.execute();
  return new Set(rows.map((row) => pointKey(row.indicator_id, row.period)));
}

export const pointKey = (indicatorId: string, period: string) => `${indicatorId}|${period}`;

/** Every data point's period and value in scope, grouped by indicator, oldest first. */
export async function loadPointSeries(db: Store, scope: Scope): Promise<Map<string, PeriodValue[]>> {
  const ids = indicatorIdsIn(db, scope);
  let query = db.selectFrom('data_points').select(['indicator_id', 'period', 'value']);
  if (ids) query = query.where('indicator_id', 'in', ids);
  const rows = await query.orderBy('indicator_id').orderBy('period').execute();
  const series = new Map<string, PeriodValue[]>();
  for (const [id, group] of groupBy(rows, (row) => row.indicator_id)) {
    series.set(
      id,
      group.map((row) => ({ period: row.period, value: row.value })),
    );
  }
  return series;
}

/** Each goal's latest rating (highest id) in scope. */
export async function loadLatestRatings(db: Store, scope: Scope): Promise<Map<string, RatingRow>> {
  let latest = db
    .selectFrom('goal_ratings')
    .select((eb) => ['goal_id', eb.fn.max('id').as('id')])
    .groupBy('goal_id');
  if (scope.kind === 'goals') latest = latest.where('goal_id', 'in', scope.ids);
  if (scope.kind === 'objective') {
    latest = latest.where(
      'goal_id',
      'in',
      db.selectFrom('goals').select('id').where('objective_id', '=', scope.id),
    );
  }
  const rows = await db
    .selectFrom('goal_ratings as r')
    .innerJoin(latest.as('latest'), 'latest.id', 'r.id')
    .selectAll('r')
    .execute();
  return new Map(rows.map((row) => [row.goal_id, row]));
}
